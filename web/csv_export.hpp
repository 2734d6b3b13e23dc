#pragma once
// The register as the spreadsheet officers already keep (RFC 4180, UTF-8 with a byte-order
// mark so Excel reads the encoding right), and the way back in: importing such a spreadsheet.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "store/action_reads.hpp"

namespace actiontrack::store {
class Reader;
class Store;
}

namespace actiontrack::web {

// The header row, in the spreadsheet's column order (Status last, so the first eleven columns
// match the trackers officers keep).
const std::vector<std::string>& csv_columns();

// Every action matching `query` (its limit and cursor are ignored: all pages), with the BOM and
// the header row; CRLF line ends.
Result<std::string> actions_csv(store::Reader& reader, store::ActionQuery query);

// One CSV document parsed into records (RFC 4180: quoted fields, doubled quotes, CRLF or LF,
// line breaks inside quotes); a leading BOM is skipped. Fails on an unterminated quote,
// naming the line.
Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text);

struct ImportReport {
    int imported = 0;
    std::vector<std::string> problems;  // "line 7: due date '31/13/2023' is not a date"
};

// Imports a tracker spreadsheet: columns are found by their header (case and spacing ignored;
// common aliases such as "Lead officer"/"Owner"/"Responsible officer"). Every row is checked
// first; with problems nothing is imported unless `partial`, which imports the good rows.
Result<ImportReport> import_csv(store::Store& store, std::string_view text, bool partial,
                                std::string_view who);

}  // namespace actiontrack::web
