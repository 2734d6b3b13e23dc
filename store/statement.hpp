#pragma once
// RAII wrapper for one prepared SQLite statement. Values are always bound to `?` placeholders;
// SQL text is never assembled from data.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace actiontrack::store {

class Statement {
  public:
    // Takes ownership of `statement`, which was prepared on `db`.
    Statement(sqlite3* db, sqlite3_stmt* statement) : m_db(db), m_statement(statement) {}
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
        int index = 0;
        (bind(++index, values), ...);
        return *this;
    }

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

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    std::optional<Error> m_bind_error;
};

}  // namespace actiontrack::store
