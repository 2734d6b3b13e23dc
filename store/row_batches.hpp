#pragma once
// Multi-row INSERTs for the ingest writer: a document's items, resolutions, actions and events
// go in a handful of statements instead of one statement per row.
//
// Why it matters: SQLite opens a statement journal for every INSERT that fires triggers, and
// for each one FTS5 (action_search, resolution_search) flushes its pending terms into a new
// index segment and merges segments (its xSavepoint method). With one statement per row that
// flush and merge happened 60-odd times per 50 KB document and was most of the ingest cost.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "store/database.hpp"

namespace actiontrack::store {

// Rows per statement: chunks are powers of two up to this, so each INSERT has at most six
// distinct texts and the statement cache stays small.
inline constexpr std::size_t k_max_rows_per_insert = 32;

// "HEAD VALUES (?, ?), (?, ?) TAIL" for `rows` rows of `columns` placeholders each.
std::string multi_row_sql(std::string_view head, int columns, std::size_t rows,
                          std::string_view tail);

// Inserts `rows` rows in chunks of k_max_rows_per_insert, 16, 8, 4, 2 and 1 rows.
// For each chunk, prepares multi_row_sql(head, columns, n, tail) and calls
// `bind_and_run(statement, first_row, n)`, which binds the rows first_row .. first_row + n - 1
// (placeholders 1 .. n * columns, row by row) and runs the statement, reading any RETURNING
// rows. Returns the first error.
template <class BindAndRun>
Result<void> insert_in_batches(Database& db, std::string_view head, int columns, std::size_t rows,
                               std::string_view tail, BindAndRun bind_and_run) {
    std::size_t first = 0;
    while (first < rows) {
        std::size_t chunk = k_max_rows_per_insert;
        while (chunk > rows - first) chunk /= 2;
        TRY_ASSIGN(statement, db.prepare(multi_row_sql(head, columns, chunk, tail)));
        TRY(bind_and_run(statement, first, chunk));
        first += chunk;
    }
    return {};
}

}  // namespace actiontrack::store
