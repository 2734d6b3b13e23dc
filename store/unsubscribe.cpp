#include "store/unsubscribe.hpp"

#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace actiontrack::store {

Result<std::string> unsubscribe_token(Database& db, std::string_view list, std::string_view address,
                                      std::string_view now) {
    // SQLite's randomblob() is its cryptographic-quality PRNG: no crypto library needed here.
    // OR IGNORE keeps an existing row (and its token) for the same list and address.
    TRY_ASSIGN(insert, db.prepare(R"sql(
        INSERT OR IGNORE INTO unsubscribe_tokens (token, list, address, created_at)
        VALUES (lower(hex(randomblob(16))), ?, ?, ?)
    )sql"));
    insert.bind_all(list, address, now);
    TRY(insert.run());
    TRY_ASSIGN(select, db.prepare("SELECT token FROM unsubscribe_tokens WHERE list = ? AND address "
                                  "= ? ORDER BY id LIMIT 1"));
    select.bind_all(list, address);
    TRY_ASSIGN(has_row, select.step());
    if (!has_row) return Error("unsubscribe token vanished after it was written");
    return select.column_text(0);
}

Result<bool> is_unsubscribed(Database& db, std::string_view list, std::string_view address) {
    TRY_ASSIGN(select, db.prepare(R"sql(
        SELECT COUNT(*) FROM unsubscribe_tokens
        WHERE list = ? AND address = ? AND unsubscribed_at IS NOT NULL
    )sql"));
    select.bind_all(list, address);
    TRY_ASSIGN(has_row, select.step());
    return has_row && select.column_int64(0) > 0;
}

Result<std::optional<Subscription>> find_unsubscribe_token(Database& db, std::string_view token) {
    TRY_ASSIGN(select, db.prepare(R"sql(
        SELECT list, address, unsubscribed_at IS NOT NULL FROM unsubscribe_tokens
        WHERE token = ? ORDER BY id LIMIT 1
    )sql"));
    select.bind(1, token);
    TRY_ASSIGN(has_row, select.step());
    if (!has_row) return std::optional<Subscription>();
    return std::optional<Subscription>(
        Subscription{select.column_text(0), select.column_text(1), select.column_int64(2) != 0});
}

Result<std::optional<Subscription>> unsubscribe(Database& db, std::string_view token,
                                                std::string_view now) {
    TRY_ASSIGN(update, db.prepare(R"sql(
        UPDATE unsubscribe_tokens SET unsubscribed_at = ?
        WHERE token = ? AND unsubscribed_at IS NULL
    )sql"));
    update.bind_all(now, token);
    TRY(update.run());
    return find_unsubscribe_token(db, token);
}

Result<std::optional<Subscription>> Store::unsubscribe(std::string_view token) {
    return store::unsubscribe(m_impl->m_db, token, m_impl->m_now());
}

}  // namespace actiontrack::store
