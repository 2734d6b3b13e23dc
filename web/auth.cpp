#include "web/auth.hpp"

#include "store/reader.hpp"

namespace actiontrack::web {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

Result<std::string> random_secret() { return random_hex(32); }

std::optional<std::string> bearer_token(std::string_view authorization) {
    authorization = trim(authorization);
    constexpr std::string_view k_scheme = "bearer ";
    if (authorization.size() <= k_scheme.size()) return std::nullopt;
    for (std::size_t i = 0; i < k_scheme.size(); ++i) {
        const char c = authorization[i];
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (lower != k_scheme[i]) return std::nullopt;
    }
    const std::string_view token = trim(authorization.substr(k_scheme.size()));
    if (token.empty()) return std::nullopt;
    return std::string(token);
}

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        const std::size_t semi = header.find(';');
        const std::string_view pair = trim(header.substr(0, semi));
        header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
        const std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
            return std::string(pair.substr(eq + 1));
        }
    }
    return std::nullopt;
}

Result<std::optional<std::string>> token_name(store::Reader& reader, const std::string& token) {
    TRY_ASSIGN(statement, reader.statement(
        "SELECT name FROM api_tokens WHERE sha256 = ? AND revoked_at IS NULL"));
    statement->bind(1, sha256_hex(token));
    TRY_ASSIGN(has_row, statement->step());
    if (!has_row) return std::optional<std::string>();
    return std::optional<std::string>(statement->column_text(0));
}

Result<std::optional<Session>> find_session(store::Reader& reader, const std::string& cookie,
                                            const std::string& now) {
    TRY_ASSIGN(statement, reader.statement(R"sql(
        SELECT t.name, s.csrf FROM web_sessions AS s JOIN api_tokens AS t ON t.id = s.token_id
        WHERE s.sha256 = ? AND s.expires_at > ? AND t.revoked_at IS NULL
    )sql"));
    statement->bind(1, sha256_hex(cookie)).bind(2, now);
    TRY_ASSIGN(has_row, statement->step());
    if (!has_row) return std::optional<Session>();
    return std::optional<Session>(Session{statement->column_text(0), statement->column_text(1)});
}

bool equal_secrets(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return diff == 0;
}

}  // namespace actiontrack::web
