// API tokens and dashboard sessions (tables api_tokens and web_sessions, schema/0003_web.sql).
// Only hashes are stored; hashing and generating secrets is the caller's job (web/auth.cpp), so
// the store needs no crypto library.

#include <fmt/core.h>

#include "store/store_impl.hpp"
#include "store/transaction.hpp"

namespace actiontrack::store {

Result<void> Store::add_token(std::string_view name, std::string_view sha256_hex) {
    if (name.empty()) return Error("a token needs a name");
    Database& db = m_impl->m_db;
    TRY_ASSIGN(statement, db.prepare(
        "INSERT INTO api_tokens (name, sha256, created_at, revoked_at) VALUES (?, ?, ?, NULL)"));
    statement.bind_all(name, sha256_hex, m_impl->m_now());
    if (auto inserted = statement.run(); !inserted) {
        return Error(fmt::format("cannot create token '{}' (is there a live token of that name? "
                                 "revoke it first): {}",
                                 name, inserted.error().message()));
    }
    return {};
}

Result<bool> Store::revoke_token(std::string_view name) {
    Database& db = m_impl->m_db;
    TRY_ASSIGN(transaction, Transaction::begin(db));
    TRY_ASSIGN(ends, db.prepare(R"sql(
        DELETE FROM web_sessions WHERE token_id IN
            (SELECT id FROM api_tokens WHERE name = ? AND revoked_at IS NULL)
    )sql"));
    ends.bind(1, name);
    TRY(ends.run());
    TRY_ASSIGN(statement, db.prepare(
        "UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL"));
    statement.bind_all(m_impl->m_now(), name);
    TRY(statement.run());
    TRY_ASSIGN(changed, db.query_int64("SELECT changes()"));
    TRY(transaction.commit());
    return changed > 0;
}

Result<std::vector<TokenInfo>> Store::list_tokens() {
    TRY_ASSIGN(statement, m_impl->m_db.prepare(
        "SELECT name, created_at, revoked_at FROM api_tokens ORDER BY id"));
    std::vector<TokenInfo> tokens;
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        tokens.push_back(TokenInfo{statement.column_text(0), statement.column_text(1),
                                   statement.column_optional_text(2)});
    }
    return tokens;
}

Result<bool> Store::add_session(std::string_view session_sha256, std::string_view token_sha256,
                                std::string_view csrf, std::string_view expires_at) {
    Database& db = m_impl->m_db;
    TRY_ASSIGN(statement, db.prepare(R"sql(
        INSERT INTO web_sessions (sha256, token_id, csrf, created_at, expires_at)
        SELECT ?, id, ?, ?, ? FROM api_tokens WHERE sha256 = ? AND revoked_at IS NULL
    )sql"));
    statement.bind_all(session_sha256, csrf, m_impl->m_now(), expires_at, token_sha256);
    TRY(statement.run());
    TRY_ASSIGN(changed, db.query_int64("SELECT changes()"));
    return changed > 0;
}

Result<void> Store::delete_session(std::string_view session_sha256) {
    TRY_ASSIGN(statement, m_impl->m_db.prepare("DELETE FROM web_sessions WHERE sha256 = ?"));
    statement.bind(1, session_sha256);
    return statement.run();
}

}  // namespace actiontrack::store
