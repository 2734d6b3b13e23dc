#pragma once
// Which files in the drop folder are ready to read. Pure bookkeeping with the time passed in,
// so the settle rule is tested without sleeping:
//   - a file renamed into the folder is complete by construction: ready after rename_settle
//     (default 0);
//   - a file written in place is ready once its signature (size, mtime, inode) has stayed the
//     same for `settle`; a file last modified longer ago than that is ready at once;
//   - a path already waiting with the same signature keeps its due time; one that is in
//     progress (handed to the ingest pipeline) is never queued again;
//   - a path that was handled and stays in the folder (after_ingest = "leave", or a move that
//     failed) is not queued again until its signature changes.

#include <chrono>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "daemon/drop_folder.hpp"

namespace actiontrack::service {

enum class Trigger {
    written,  // IN_CLOSE_WRITE / IN_CREATE: written in place, may still be growing
    renamed,  // IN_MOVED_TO: renamed into the folder, complete
    scanned,  // found by a scan (start-up, rescan, poll)
};

class SettleQueue {
  public:
    using Clock = std::chrono::steady_clock;

    struct Candidate {
        std::string path;
        FileSignature signature;  // as last seen; the caller re-checks it before reading
    };

    SettleQueue(std::chrono::milliseconds settle, std::chrono::milliseconds rename_settle)
        : m_settle(settle), m_rename_settle(rename_settle) {}

    // Applies new settle times (SIGHUP) to files noticed from now on.
    void set_settle(std::chrono::milliseconds settle, std::chrono::milliseconds rename_settle);

    // A file was seen with `signature`. `mtime_age` is how long ago (wall clock) it was last
    // modified, so a file found by a scan after sitting for an hour is ready at once. Returns
    // true when the path is (now) waiting with a new due time.
    bool notice(const std::string& path, const FileSignature& signature, Trigger trigger,
                Clock::time_point now, std::chrono::milliseconds mtime_age);

    // The file is gone (deleted or moved away): forget it unless it is in progress.
    void forget(const std::string& path);

    // When the earliest waiting file is due, or nullopt when none waits.
    std::optional<Clock::time_point> next_due() const;

    // Removes and returns the waiting files that are due at `now`, earliest first.
    std::vector<Candidate> take_due(Clock::time_point now);

    // The caller re-checked a due file and found it changed or still held open by a writer:
    // wait `delay` more (settle again) with the new signature.
    void postpone(const std::string& path, const FileSignature& signature, Clock::time_point now,
                  std::chrono::milliseconds delay);

    // The file is handed to the ingest pipeline: nothing re-queues it until finish().
    void start(const std::string& path);
    // The pipeline is done with it. When the file stays where it was, `remaining` is its
    // signature, which then is not queued again unless it changes.
    void finish(const std::string& path, std::optional<FileSignature> remaining);

    bool in_progress(const std::string& path) const { return m_in_progress.contains(path); }
    std::size_t waiting() const { return m_waiting.size(); }
    std::size_t busy() const { return m_in_progress.size(); }

  private:
    struct Waiting {
        FileSignature signature;
        Clock::time_point due;
    };

    // Adds `path` with `waiting`, or replaces its entry, keeping m_by_due in step.
    void set_waiting(const std::string& path, const Waiting& waiting);
    // Removes `path` from the waiting files, if it is there.
    void erase_waiting(const std::string& path);

    std::chrono::milliseconds m_settle;
    std::chrono::milliseconds m_rename_settle;
    std::unordered_map<std::string, Waiting> m_waiting;
    // The same files ordered by (due, path): next_due() and take_due() look at the front only,
    // so a burst of thousands of files costs O(log n) per file, not a scan of all of them on
    // every event.
    std::set<std::pair<Clock::time_point, std::string>> m_by_due;
    std::unordered_set<std::string> m_in_progress;
    std::unordered_map<std::string, FileSignature> m_left_in_place;
};

}  // namespace actiontrack::service
