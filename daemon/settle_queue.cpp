#include "daemon/settle_queue.hpp"

#include <algorithm>

namespace actiontrack::service {

void SettleQueue::set_settle(std::chrono::milliseconds settle,
                             std::chrono::milliseconds rename_settle) {
    m_settle = settle;
    m_rename_settle = rename_settle;
}

bool SettleQueue::notice(const std::string& path, const FileSignature& signature,
                         Trigger trigger, Clock::time_point now,
                         std::chrono::milliseconds mtime_age) {
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
            if (trigger == Trigger::renamed) {
                waiting->second.due = std::min(waiting->second.due, now + delay);
            }
            return false;
        }
        waiting->second = Waiting{signature, now + delay};
        return true;
    }
    m_waiting.emplace(path, Waiting{signature, now + delay});
    return true;
}

void SettleQueue::forget(const std::string& path) {
    m_waiting.erase(path);
    m_left_in_place.erase(path);
}

std::optional<SettleQueue::Clock::time_point> SettleQueue::next_due() const {
    std::optional<Clock::time_point> earliest;
    for (const auto& [path, waiting] : m_waiting) {
        if (!earliest || waiting.due < *earliest) earliest = waiting.due;
    }
    return earliest;
}

std::vector<SettleQueue::Candidate> SettleQueue::take_due(Clock::time_point now) {
    std::vector<std::pair<Clock::time_point, Candidate>> due;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (it->second.due <= now) {
            due.emplace_back(it->second.due, Candidate{it->first, it->second.signature});
            it = m_waiting.erase(it);
        } else {
            ++it;
        }
    }
    // Earliest first, then by path, so a batch dropped at once is read in a stable order.
    std::sort(due.begin(), due.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.path < b.second.path;
    });
    std::vector<Candidate> out;
    out.reserve(due.size());
    for (auto& entry : due) out.push_back(std::move(entry.second));
    return out;
}

void SettleQueue::postpone(const std::string& path, const FileSignature& signature,
                           Clock::time_point now, std::chrono::milliseconds delay) {
    m_waiting.insert_or_assign(path, Waiting{signature, now + delay});
}

void SettleQueue::start(const std::string& path) {
    m_waiting.erase(path);
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
