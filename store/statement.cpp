#include "store/statement.hpp"

#include <fmt/core.h>
#include <sqlite3.h>

#include <utility>

namespace actiontrack::store {

namespace {

// Idle copies kept per SQL text: one is what straight-line code needs; a second covers a
// statement that is running while the same text is prepared again (nested use).
constexpr std::size_t k_max_idle_per_text = 2;

}  // namespace

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_statement(std::exchange(other.m_statement, nullptr)),
      m_home(std::exchange(other.m_home, nullptr)),
      m_bind_error(std::move(other.m_bind_error)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        release();
        m_db = std::exchange(other.m_db, nullptr);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_home = std::exchange(other.m_home, nullptr);
        m_bind_error = std::move(other.m_bind_error);
    }
    return *this;
}

Statement::~Statement() {
    release();
}

void Statement::release() {
    if (m_statement == nullptr) return;
    if (m_home != nullptr && m_home->size() < k_max_idle_per_text) {
        // Reset ends the statement's read or write of the database (no lock stays held by an
        // idle statement); clearing the bindings lets no value leak into the next use.
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        m_home->push_back(m_statement);
    } else {
        sqlite3_finalize(m_statement);
    }
    m_statement = nullptr;
}

namespace {

// Keeps only the first failure: later ones are usually consequences of it.
void remember(std::optional<Error>& slot, sqlite3* db, int code, int index) {
    if (code != SQLITE_OK && !slot) {
        slot = Error(fmt::format("cannot bind parameter {}: {}", index, sqlite3_errmsg(db)));
    }
}

}  // namespace

Statement& Statement::bind(int index, std::int64_t value) {
    remember(m_bind_error, m_db, sqlite3_bind_int64(m_statement, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    // SQLITE_TRANSIENT makes SQLite copy the bytes: the view may not outlive this call.
    remember(m_bind_error, m_db,
             sqlite3_bind_text64(m_statement, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8),
             index);
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    remember(m_bind_error, m_db, sqlite3_bind_null(m_statement, index), index);
    return *this;
}

Result<void> Statement::take_bind_error() {
    if (m_bind_error) {
        Error error = std::move(*m_bind_error);
        m_bind_error.reset();
        return error;
    }
    return {};
}

Result<bool> Statement::step() {
    TRY(take_bind_error());
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    return Error(
        fmt::format("SQLite error: {} (in: {})", sqlite3_errmsg(m_db), sqlite3_sql(m_statement)));
}

Result<void> Statement::run() {
    TRY_ASSIGN(has_row, step());
    if (has_row) {
        return Error(
            fmt::format("statement unexpectedly returned rows: {}", sqlite3_sql(m_statement)));
    }
    return {};
}

void Statement::reset() {
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_bind_error.reset();
}

int Statement::parameter_count() const {
    return sqlite3_bind_parameter_count(m_statement);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::int64_t Statement::column_int64(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

std::string Statement::column_text(int column) const {
    // sqlite3_column_text before sqlite3_column_bytes, as the SQLite docs require, so the byte
    // count refers to the UTF-8 form just produced.
    const unsigned char* text = sqlite3_column_text(m_statement, column);
    const int size = sqlite3_column_bytes(m_statement, column);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::optional<std::string> Statement::column_optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return column_text(column);
}

}  // namespace actiontrack::store

namespace actiontrack::store {

namespace {

// The views below read a column through its sqlite3_value: one sqlite3_column_* call per
// column instead of two or three, each of which takes the connection's mutex and checks for a
// malloc failure (the action list reads ~700 columns a page; this was ~5% of its time). The
// value is "unprotected", which the docs allow reading with sqlite3_value_* only where no other
// thread can use the connection: every Database is opened SQLITE_OPEN_NOMUTEX and used by one
// thread at a time (database.cpp), where protected and unprotected values are the same.
std::string_view value_view(sqlite3_value* value) {
    // sqlite3_value_text before sqlite3_value_bytes, so the count is of the UTF-8 form.
    const unsigned char* text = sqlite3_value_text(value);
    const int size = sqlite3_value_bytes(value);
    if (text == nullptr) return {};
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)};
}

}  // namespace

std::string_view Statement::column_view(int column) const {
    return value_view(sqlite3_column_value(m_statement, column));
}

std::optional<std::string_view> Statement::column_optional_view(int column) const {
    sqlite3_value* value = sqlite3_column_value(m_statement, column);
    if (sqlite3_value_type(value) == SQLITE_NULL) return std::nullopt;
    return value_view(value);
}

}  // namespace actiontrack::store
