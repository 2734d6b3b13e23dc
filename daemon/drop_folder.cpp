#include "daemon/drop_folder.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/core.h>

#include "daemon/log.hpp"

namespace actiontrack::service {

namespace {

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    const std::string_view tail = text.substr(text.size() - suffix.size());
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        const char a = static_cast<char>(std::tolower(static_cast<unsigned char>(tail[i])));
        if (a != suffix[i]) return false;
    }
    return true;
}

std::string join(const std::string& dir, std::string_view name) {
    std::string path = dir;
    if (path.empty() || path.back() != '/') path += '/';
    path += name;
    return path;
}

FileSignature to_signature(const struct stat& info) {
    return FileSignature{
        .size = static_cast<std::int64_t>(info.st_size),
        .mtime_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 +
                    info.st_mtim.tv_nsec,
        .inode = static_cast<std::uint64_t>(info.st_ino),
        .device = static_cast<std::uint64_t>(info.st_dev),
        .regular = S_ISREG(info.st_mode),
    };
}

std::string normalised(const std::filesystem::path& path) {
    std::string text = path.lexically_normal().string();
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    return text;
}

}  // namespace

std::optional<FileSignature> signature_of(const std::string& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0 || S_ISDIR(info.st_mode)) return std::nullopt;
    return to_signature(info);
}

bool is_open_for_writing(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return false;
    bool writer = false;
    if (::fcntl(fd, F_SETLEASE, F_RDLCK) == 0) {
        ::fcntl(fd, F_SETLEASE, F_UNLCK);
    } else {
        writer = errno == EAGAIN;
    }
    ::close(fd);
    return writer;
}

bool is_ignored_name(std::string_view name, const std::vector<std::string>& extra) {
    if (name.empty() || name.starts_with('.') || name.starts_with("~$")) return true;
    static constexpr std::array<std::string_view, 4> k_partial = {".tmp", ".part", ".swp",
                                                                  ".crdownload"};
    for (std::string_view suffix : k_partial) {
        if (ends_with_ignoring_case(name, suffix)) return true;
    }
    const std::string name_text(name);
    for (const std::string& pattern : extra) {
        if (::fnmatch(pattern.c_str(), name_text.c_str(), FNM_PERIOD) == 0) return true;
    }
    return false;
}

DropLayout make_layout(const std::string& drop, const std::string& processed,
                       const std::string& failed) {
    const std::filesystem::path root = std::filesystem::absolute(drop);
    auto resolve = [&](const std::string& configured, std::string_view fallback) {
        if (configured.empty()) return normalised(root / fallback);
        return normalised(root / configured);  // an absolute `configured` replaces `root`
    };
    return DropLayout{normalised(root), resolve(processed, "processed"),
                      resolve(failed, "failed")};
}

Result<void> prepare_layout(const DropLayout& layout) {
    for (const std::string* folder : {&layout.drop, &layout.processed, &layout.failed}) {
        std::error_code error;
        std::filesystem::create_directories(*folder, error);
        if (error) return Error(fmt::format("{}: cannot create folder: {}", *folder, error.message()));
        if (!std::filesystem::is_directory(*folder, error)) {
            return Error(fmt::format("{}: not a folder", *folder));
        }
    }
    return {};
}

bool is_excluded_dir(const std::string& path, const DropLayout& layout) {
    if (path == layout.processed || path == layout.failed) return true;
    return base_name(path).starts_with('.');
}

void scan_tree(const std::string& root, const DropLayout& layout,
               const std::vector<std::string>& ignore, const ScanCallbacks& callbacks) {
    std::vector<std::string> pending{root};
    while (!pending.empty()) {
        const std::string dir = std::move(pending.back());
        pending.pop_back();
        DIR* stream = ::opendir(dir.c_str());
        if (stream == nullptr) {
            if (errno != ENOENT) log::warning("{}: cannot read folder: {}", dir, std::strerror(errno));
            continue;
        }
        if (callbacks.on_dir) callbacks.on_dir(dir);
        const int dir_fd = ::dirfd(stream);
        while (const dirent* entry = ::readdir(stream)) {
            const std::string_view name = entry->d_name;
            if (name == "." || name == "..") continue;
            struct stat info {};
            if (::fstatat(dir_fd, entry->d_name, &info, AT_SYMLINK_NOFOLLOW) != 0) continue;
            std::string path = join(dir, name);
            if (S_ISDIR(info.st_mode)) {
                if (!is_excluded_dir(path, layout)) pending.push_back(std::move(path));
                continue;
            }
            if (is_ignored_name(name, ignore)) continue;
            if (callbacks.on_file) callbacks.on_file(path, to_signature(info));
        }
        ::closedir(stream);
    }
}

std::string_view base_name(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace actiontrack::service
