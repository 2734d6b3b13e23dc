#pragma once
// A recursive inotify watch on the drop folder, without the event loop: the service reads
// the descriptor asynchronously and hands the bytes to decode(). Watches are added per folder
// (inotify is not recursive); the caller adds one for every subfolder it is told about.

#include <cstddef>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.hpp"

namespace actiontrack::service {

struct WatchEvent {
    enum class Kind {
        written,     // IN_CLOSE_WRITE, or IN_CREATE of a file (e.g. a hard link)
        moved_in,    // IN_MOVED_TO of a file: a rename into the folder
        gone,        // IN_DELETE / IN_MOVED_FROM of a file
        dir_added,   // IN_CREATE / IN_MOVED_TO of a folder: watch it and scan it
        overflow,    // IN_Q_OVERFLOW: events were lost; rescan everything
        root_gone,   // the drop folder itself was deleted or moved
    };
    Kind kind;
    std::string path;  // empty for overflow
};

class InotifyWatch {
  public:
    // inotify_init1(IN_NONBLOCK | IN_CLOEXEC). Fails with the reason (e.g. too many instances).
    static Result<InotifyWatch> open();

    InotifyWatch(InotifyWatch&& other) noexcept;
    InotifyWatch& operator=(InotifyWatch&& other) noexcept;
    InotifyWatch(const InotifyWatch&) = delete;
    InotifyWatch& operator=(const InotifyWatch&) = delete;
    ~InotifyWatch();

    // The descriptor to wait on; owned by this object.
    int fd() const { return m_fd; }

    // Watches one folder (not its subfolders). Adding a folder twice is harmless. Fails with
    // the reason, e.g. when fs.inotify.max_user_watches is reached.
    Result<void> watch_folder(const std::string& dir, bool is_root);

    // Turns bytes read from fd() into events; never fails (unknown watches are skipped).
    // With a test limit set, events past the limit in one read are dropped and an overflow is
    // reported instead, exercising the real IN_Q_OVERFLOW path.
    std::vector<WatchEvent> decode(std::span<const char> bytes);

    // Test hook (ACTIONTRACK_TEST_INOTIFY_QUEUE): pretend the kernel queue holds `limit` events.
    void set_test_queue_limit(std::size_t limit) { m_test_queue_limit = limit; }

    std::size_t folders() const { return m_folders.size(); }

  private:
    explicit InotifyWatch(int fd) : m_fd(fd) {}

    int m_fd = -1;
    int m_root_wd = -1;
    std::unordered_map<int, std::string> m_folders;  // watch descriptor → folder
    std::size_t m_test_queue_limit = 0;              // 0: no limit
    std::size_t m_test_events_pending = 0;           // events counted against the pretend queue
};

}  // namespace actiontrack::service
