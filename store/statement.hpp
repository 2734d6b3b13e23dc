#pragma once
// RAII wrapper for one prepared SQLite statement. Values are always bound to `?` placeholders;
// SQL text is never assembled from data.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace actiontrack::store {

class Statement {
  public:
    // Where a cached statement goes back to: the idle statements of its SQL text in the
    // Database's cache (see Database::prepare).
    using IdleList = std::vector<sqlite3_stmt*>;

    // Takes ownership of `statement`, which was prepared on `db`. With `home`, the destructor
    // resets the statement and hands it back to `home` instead of finalizing it; `home` must
    // outlive this Statement (the Database does, see database.hpp).
    Statement(sqlite3* db, sqlite3_stmt* statement, IdleList* home = nullptr)
        : m_db(db), m_statement(statement), m_home(home) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binds a value to the 1-based placeholder `index`. A failure (a bug: wrong index) is kept
    // and returned by the next step()/run(), so binding chains without a TRY per value.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullopt_t);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }

    // Binds every argument in order to placeholders 1, 2, 3...
    template <class... Values>
    Statement& bind_all(const Values&... values) {
        bind_from(1, values...);
        return *this;
    }

    // Binds the arguments in order to placeholders first, first + 1, ... (one row of a
    // multi-row INSERT); returns the index after the last one bound.
    template <class... Values>
    int bind_from(int first, const Values&... values) {
        int index = first;
        (bind(index++, values), ...);
        return index;
    }

    // The largest placeholder index in the SQL (?N counts as N); 0 when there is none.
    int parameter_count() const;

    // Advances to the next row: true when a row is available, false when done.
    Result<bool> step();
    // Runs a statement that returns no rows (INSERT, UPDATE, DELETE, DDL) to completion.
    Result<void> run();
    // Makes the statement runnable again with new bindings.
    void reset();

    // Column accessors for the current row; `column` is 0-based.
    bool is_null(int column) const;
    std::int64_t column_int64(int column) const;
    std::string column_text(int column) const;
    std::optional<std::string> column_optional_text(int column) const;
    // The text of `column` without a copy: valid until the next step(), reset() or another
    // accessor call converts the same column.
    std::string_view column_view(int column) const;
    std::optional<std::string_view> column_optional_view(int column) const;

  private:
    Result<void> take_bind_error();

    // Finalizes the statement, or resets it and returns it to m_home.
    void release();

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    IdleList* m_home = nullptr;
    std::optional<Error> m_bind_error;
};

}  // namespace actiontrack::store
