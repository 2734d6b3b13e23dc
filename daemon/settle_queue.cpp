#include "daemon/settle_queue.hpp"

#include <algorithm>

namespace actiontrack::service {

void SettleQueue::set_settle(std::chrono::milliseconds settle,
                             std::chrono::milliseconds rename_settle) {
    m_settle = settle;
    m_rename_settle = rename_settle;
}

bool SettleQueue::notice(const std::string& path, const FileSignature& signature, Trigger trigger,
                         Clock::time_point now, std::chrono::milliseconds mtime_age) {
    if (m_in_progress.contains(path)) return false;
    if (auto left = m_left_in_place.find(path); left != m_left_in_place.end()) {
        if (left->second == signature) return false;
        m_left_in_place.erase(left);  // changed in place: a new version to read
    }
    std::chrono::milliseconds delay = m_settle;
    if (trigger == Trigger::renamed) {
        delay = m_rename_settle;
    } else if (mtime_age >= m_settle) {
        // Unchanged for longer than the settle time already (a scan after a restart).
        delay = std::chrono::milliseconds(0);
    } else if (mtime_age.count() > 0) {
        delay = m_settle - mtime_age;
    }
    auto waiting = m_waiting.find(path);
    if (waiting != m_waiting.end()) {
        // The same signature again (a poll, a rescan, a second event) does not restart the
        // clock, or a file polled faster than its settle time would never be due. A rename
        // may only bring the due time forward.
        if (waiting->second.signature == signature) {
            if (trigger == Trigger::renamed && now + delay < waiting->second.due) {
                set_waiting(path, Waiting{signature, now + delay});
            }
            return false;
        }
        set_waiting(path, Waiting{signature, now + delay});
        return true;
    }
    set_waiting(path, Waiting{signature, now + delay});
    return true;
}

void SettleQueue::set_waiting(const std::string& path, const Waiting& waiting) {
    auto [entry, inserted] = m_waiting.try_emplace(path, waiting);
    if (!inserted) {
        m_by_due.erase({entry->second.due, path});
        entry->second = waiting;
    }
    m_by_due.emplace(waiting.due, path);
}

void SettleQueue::erase_waiting(const std::string& path) {
    auto entry = m_waiting.find(path);
    if (entry == m_waiting.end()) return;
    m_by_due.erase({entry->second.due, path});
    m_waiting.erase(entry);
}

void SettleQueue::forget(const std::string& path) {
    erase_waiting(path);
    m_left_in_place.erase(path);
}

std::optional<SettleQueue::Clock::time_point> SettleQueue::next_due() const {
    if (m_by_due.empty()) return std::nullopt;
    return m_by_due.begin()->first;
}

std::vector<SettleQueue::Candidate> SettleQueue::take_due(Clock::time_point now) {
    // Earliest first, then by path (the set's order), so a batch dropped at once is read in a
    // stable order.
    std::vector<Candidate> out;
    while (!m_by_due.empty() && m_by_due.begin()->first <= now) {
        auto node = m_by_due.extract(m_by_due.begin());
        std::string& path = node.value().second;
        auto entry = m_waiting.find(path);
        out.push_back(Candidate{std::move(path), entry->second.signature});
        m_waiting.erase(entry);
    }
    return out;
}

void SettleQueue::postpone(const std::string& path, const FileSignature& signature,
                           Clock::time_point now, std::chrono::milliseconds delay) {
    set_waiting(path, Waiting{signature, now + delay});
}

void SettleQueue::start(const std::string& path) {
    erase_waiting(path);
    m_in_progress.insert(path);
}

void SettleQueue::finish(const std::string& path, std::optional<FileSignature> remaining) {
    m_in_progress.erase(path);
    if (remaining) {
        m_left_in_place.insert_or_assign(path, *remaining);
    } else {
        m_left_in_place.erase(path);
    }
}

}  // namespace actiontrack::service
