#include "daemon/inotify_watch.hpp"

#include <fmt/core.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace actiontrack::service {

namespace {

// IN_CLOSE_WRITE: a writer finished; IN_MOVED_TO: the drop contract's rename; IN_CREATE: new
// subfolders (and hard links, which never see a close); IN_DELETE / IN_MOVED_FROM: stop
// tracking a file that left. IN_EXCL_UNLINK: no events for files already unlinked.
constexpr std::uint32_t k_mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE |
                                 IN_MOVED_FROM | IN_DELETE_SELF | IN_MOVE_SELF | IN_EXCL_UNLINK |
                                 IN_ONLYDIR;

std::string join(const std::string& dir, const char* name) {
    std::string path = dir;
    if (path.back() != '/') path += '/';
    path += name;
    return path;
}

}  // namespace

Result<InotifyWatch> InotifyWatch::open() {
    const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) return Error(fmt::format("inotify_init1: {}", std::strerror(errno)));
    return InotifyWatch(fd);
}

InotifyWatch::InotifyWatch(InotifyWatch&& other) noexcept
    : m_fd(other.m_fd),
      m_root_wd(other.m_root_wd),
      m_folders(std::move(other.m_folders)),
      m_test_queue_limit(other.m_test_queue_limit),
      m_test_events_pending(other.m_test_events_pending) {
    other.m_fd = -1;
}

InotifyWatch& InotifyWatch::operator=(InotifyWatch&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = other.m_fd;
        m_root_wd = other.m_root_wd;
        m_folders = std::move(other.m_folders);
        m_test_queue_limit = other.m_test_queue_limit;
        m_test_events_pending = other.m_test_events_pending;
        other.m_fd = -1;
    }
    return *this;
}

InotifyWatch::~InotifyWatch() {
    if (m_fd >= 0) ::close(m_fd);
}

Result<void> InotifyWatch::watch_folder(const std::string& dir, bool is_root) {
    const int wd = ::inotify_add_watch(m_fd, dir.c_str(), k_mask);
    if (wd < 0) {
        const int error = errno;
        if (error == ENOSPC) {
            return Error(fmt::format("{}: cannot watch: the inotify watch limit is reached "
                                     "(fs.inotify.max_user_watches); use drop.watch = \"poll\"",
                                     dir));
        }
        return Error(fmt::format("{}: cannot watch: {}", dir, std::strerror(error)));
    }
    // A folder renamed within the tree keeps its watch descriptor; the new path replaces it.
    m_folders.insert_or_assign(wd, dir);
    if (is_root) m_root_wd = wd;
    return {};
}

std::vector<WatchEvent> InotifyWatch::decode(std::span<const char> bytes) {
    std::vector<WatchEvent> events;
    std::size_t offset = 0;
    std::size_t count = 0;
    bool overflowed = false;
    while (offset + sizeof(inotify_event) <= bytes.size()) {
        inotify_event header{};
        std::memcpy(&header, bytes.data() + offset, sizeof header);
        const char* name = bytes.data() + offset + sizeof(inotify_event);
        offset += sizeof(inotify_event) + header.len;
        ++count;
        // The pretend queue counts events across reads, so a burst overflows it however fast
        // the loop drains the real queue; after an overflow the count starts again.
        if (m_test_queue_limit != 0 && ++m_test_events_pending > m_test_queue_limit) {
            overflowed = true;
            continue;
        }
        if (header.mask & IN_Q_OVERFLOW) {
            overflowed = true;
            continue;
        }
        if (header.mask & IN_IGNORED) {
            m_folders.erase(header.wd);
            continue;
        }
        auto folder = m_folders.find(header.wd);
        if (folder == m_folders.end()) continue;
        if (header.mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
            if (header.wd == m_root_wd) events.push_back({WatchEvent::Kind::root_gone, folder->second});
            continue;
        }
        if (header.len == 0) continue;
        std::string path = join(folder->second, name);
        const bool is_dir = (header.mask & IN_ISDIR) != 0;
        if (is_dir) {
            if (header.mask & (IN_CREATE | IN_MOVED_TO)) {
                events.push_back({WatchEvent::Kind::dir_added, std::move(path)});
            }
            continue;
        }
        if (header.mask & IN_MOVED_TO) {
            events.push_back({WatchEvent::Kind::moved_in, std::move(path)});
        } else if (header.mask & (IN_CLOSE_WRITE | IN_CREATE)) {
            events.push_back({WatchEvent::Kind::written, std::move(path)});
        } else if (header.mask & (IN_DELETE | IN_MOVED_FROM)) {
            events.push_back({WatchEvent::Kind::gone, std::move(path)});
        }
    }
    if (overflowed) {
        events.push_back({WatchEvent::Kind::overflow, {}});
        m_test_events_pending = 0;
    }
    return events;
}

}  // namespace actiontrack::service
