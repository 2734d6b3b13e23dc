#include "notify/outbox.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "notify/time_text.hpp"
#include "store/database.hpp"
#include "store/transaction.hpp"

namespace actiontrack::notify {
namespace {

constexpr std::string_view k_columns =
    "id, idempotency_key, channel, recipient, kind, subject, message_id, payload, status, "
    "attempts, next_attempt_at, last_error, created_at, sent_at";

Channel channel_from(std::string_view text) {
    return text == "webhook" ? Channel::webhook : Channel::email;
}

OutboxStatus status_from(std::string_view text) {
    if (text == "sent") return OutboxStatus::sent;
    if (text == "dead") return OutboxStatus::dead;
    return OutboxStatus::pending;
}

OutboxRow read_row(const store::Statement& s) {
    return OutboxRow{
        .id = s.column_int64(0),
        .idempotency_key = s.column_text(1),
        .channel = channel_from(s.column_text(2)),
        .recipient = s.column_text(3),
        .kind = s.column_text(4),
        .subject = s.column_text(5),
        .message_id = s.column_text(6),
        .payload = s.column_text(7),
        .status = status_from(s.column_text(8)),
        .attempts = static_cast<int>(s.column_int64(9)),
        .next_attempt_at = s.column_text(10),
        .last_error = s.column_optional_text(11),
        .created_at = s.column_text(12),
        .sent_at = s.column_optional_text(13),
    };
}

Result<std::vector<OutboxRow>> read_rows(store::Statement& statement) {
    std::vector<OutboxRow> rows;
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        rows.push_back(read_row(statement));
    }
    return rows;
}

}  // namespace

std::string_view to_string(OutboxStatus status) {
    switch (status) {
        case OutboxStatus::pending:
            return "pending";
        case OutboxStatus::sent:
            return "sent";
        case OutboxStatus::dead:
            return "dead";
    }
    return "pending";
}

Result<std::optional<std::int64_t>> Outbox::insert(const NewMessage& message, Instant now) {
    const std::string at = format_instant(now);
    TRY_ASSIGN(statement, m_db->prepare(R"sql(
        INSERT INTO outbox (idempotency_key, channel, recipient, kind, subject, message_id,
                            payload, next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (idempotency_key) DO NOTHING
    )sql"));
    statement.bind_all(message.idempotency_key, to_string(message.channel), message.recipient,
                       message.kind, message.subject, message.message_id, message.payload, at, at);
    TRY(statement.run());
    TRY_ASSIGN(changed, m_db->query_int64("SELECT changes()"));
    if (changed == 0) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{m_db->last_insert_rowid()};
}

Result<std::optional<std::int64_t>> Outbox::enqueue(const NewMessage& message,
                                                    const std::vector<SentEntry>& log,
                                                    Instant now) {
    TRY_ASSIGN(transaction, store::Transaction::begin(*m_db));
    TRY_ASSIGN(inserted, insert(message, now));
    if (!inserted) return inserted;
    const std::int64_t id = *inserted;

    TRY_ASSIGN(log_insert, m_db->prepare(R"sql(
        INSERT INTO send_log (action_id, kind, scheduled_date, channel, recipient, sent_on,
                              outbox_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (action_id, kind, scheduled_date, channel, recipient) DO NOTHING
    )sql"));
    for (const SentEntry& entry : log) {
        log_insert.reset();
        log_insert.bind_all(entry.action_id, entry.kind, format_date(entry.scheduled),
                            to_string(entry.channel), entry.recipient, format_date(entry.sent_on),
                            id);
        TRY(log_insert.run());
    }
    TRY(transaction.commit());
    return std::optional<std::int64_t>{id};
}

Result<std::vector<OutboxRow>> Outbox::claim(Instant now, std::chrono::seconds lease, int limit) {
    const std::string at = format_instant(now);
    const std::string until = format_instant(now + lease);
    TRY_ASSIGN(transaction, store::Transaction::begin(*m_db));
    TRY_ASSIGN(statement, m_db->prepare(fmt::format(R"sql(
        UPDATE outbox SET lease_until = ?1, attempts = attempts + 1
        WHERE id IN (SELECT id FROM outbox
                     WHERE status = 'pending' AND next_attempt_at <= ?2
                       AND (lease_until IS NULL OR lease_until <= ?2)
                     ORDER BY next_attempt_at, id LIMIT ?3)
        RETURNING {}
    )sql",
                                                    k_columns)));
    statement.bind_all(until, at, limit);
    TRY_ASSIGN(rows, read_rows(statement));
    statement.reset();  // RETURNING rows are read; finish before COMMIT
    TRY(transaction.commit());
    std::sort(rows.begin(), rows.end(), [](const OutboxRow& a, const OutboxRow& b) {
        return std::tie(a.next_attempt_at, a.id) < std::tie(b.next_attempt_at, b.id);
    });
    return rows;
}

Result<OutboxStatus> Outbox::record(const OutboxRow& row, const DeliveryResult& result,
                                    Instant now) {
    const std::string at = format_instant(now);
    if (result.disposition == Disposition::delivered) {
        TRY_ASSIGN(
            statement,
            m_db->prepare("UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL, "
                          "last_error = NULL WHERE id = ?"));
        statement.bind_all(at, row.id);
        TRY(statement.run());
        return OutboxStatus::sent;
    }
    std::optional<std::chrono::seconds> delay;
    if (result.disposition == Disposition::retry) {
        delay = retry_delay(row.channel, row.attempts, row.id, result.retry_after);
    }
    if (!delay) {
        TRY_ASSIGN(statement, m_db->prepare("UPDATE outbox SET status = 'dead', lease_until = "
                                            "NULL, last_error = ? WHERE id = ?"));
        statement.bind_all(result.error, row.id);
        TRY(statement.run());
        return OutboxStatus::dead;
    }
    TRY_ASSIGN(statement, m_db->prepare("UPDATE outbox SET next_attempt_at = ?, lease_until = "
                                        "NULL, last_error = ? WHERE id = ?"));
    statement.bind_all(format_instant(now + *delay), result.error, row.id);
    TRY(statement.run());
    return OutboxStatus::pending;
}

Result<std::vector<OutboxRow>> Outbox::list(std::optional<OutboxStatus> status) {
    TRY_ASSIGN(statement,
               m_db->prepare(fmt::format(
                   "SELECT {} FROM outbox WHERE (?1 IS NULL OR status = ?1) ORDER BY id DESC",
                   k_columns)));
    std::optional<std::string_view> wanted;
    if (status) wanted = to_string(*status);
    statement.bind_all(wanted);
    return read_rows(statement);
}

Result<bool> Outbox::retry(std::int64_t id, Instant now) {
    TRY_ASSIGN(
        statement,
        m_db->prepare("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, "
                      "lease_until = NULL WHERE id = ? AND status <> 'sent'"));
    statement.bind_all(format_instant(now), id);
    TRY(statement.run());
    TRY_ASSIGN(changed, m_db->query_int64("SELECT changes()"));
    return changed > 0;
}

Result<int> Outbox::purge(Instant before) {
    TRY_ASSIGN(
        statement,
        m_db->prepare("DELETE FROM outbox WHERE status IN ('sent', 'dead') AND created_at < ?"));
    statement.bind_all(format_instant(before));
    TRY(statement.run());
    TRY_ASSIGN(changed, m_db->query_int64("SELECT changes()"));
    return static_cast<int>(changed);
}

Result<std::optional<std::string>> Outbox::last_queued(const std::string& kind,
                                                       const std::string& recipient) {
    TRY_ASSIGN(
        statement,
        m_db->prepare("SELECT MAX(created_at) FROM outbox WHERE kind = ? AND recipient = ?"));
    statement.bind_all(kind, recipient);
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row) return std::optional<std::string>{};
    return statement.column_optional_text(0);
}

Result<std::vector<SentEntry>> Outbox::send_log() {
    TRY_ASSIGN(
        statement,
        m_db->prepare(
            "SELECT action_id, kind, scheduled_date, channel, recipient, sent_on FROM send_log "
            "ORDER BY id"));
    std::vector<SentEntry> entries;
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        entries.push_back(SentEntry{
            .action_id = statement.column_int64(0),
            .kind = statement.column_text(1),
            .scheduled = parse_date(statement.column_text(2)).value_or(Date{}),
            .channel = channel_from(statement.column_text(3)),
            .recipient = statement.column_text(4),
            .sent_on = parse_date(statement.column_text(5)).value_or(Date{}),
        });
    }
    return entries;
}

Result<std::optional<std::int64_t>> Outbox::enqueue_digest(const NewMessage& message,
                                                           const std::string& recipient,
                                                           Date period, Date local_date,
                                                           Instant now) {
    TRY_ASSIGN(transaction, store::Transaction::begin(*m_db));
    TRY_ASSIGN(inserted, insert(message, now));
    if (!inserted) return inserted;
    TRY(insert_digest_log(recipient, period, local_date, inserted));
    TRY(transaction.commit());
    return inserted;
}

Result<void> Outbox::log_digest(const std::string& recipient, Date period, Date local_date) {
    return insert_digest_log(recipient, period, local_date, std::nullopt);
}

Result<void> Outbox::insert_digest_log(const std::string& recipient, Date period, Date local_date,
                                       std::optional<std::int64_t> outbox_id) {
    TRY_ASSIGN(statement, m_db->prepare(R"sql(
        INSERT INTO digest_log (recipient, period, logged_on, outbox_id) VALUES (?, ?, ?, ?)
        ON CONFLICT (recipient, period) DO NOTHING
    )sql"));
    statement.bind_all(recipient, format_date(period), format_date(local_date), outbox_id);
    return statement.run();
}

Result<bool> Outbox::digest_logged(const std::string& recipient, Date period) {
    TRY_ASSIGN(statement,
               m_db->prepare("SELECT COUNT(*) FROM digest_log WHERE recipient = ? AND period = ?"));
    statement.bind_all(recipient, format_date(period));
    TRY_ASSIGN(has_row, statement.step());
    return has_row && statement.column_int64(0) > 0;
}

Result<bool> Outbox::digest_history(const std::string& recipient) {
    TRY_ASSIGN(statement, m_db->prepare("SELECT COUNT(*) FROM digest_log WHERE recipient = ?"));
    statement.bind_all(recipient);
    TRY_ASSIGN(has_row, statement.step());
    return has_row && statement.column_int64(0) > 0;
}

}  // namespace actiontrack::notify
