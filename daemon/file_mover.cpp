#include "daemon/file_mover.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "daemon/drop_folder.hpp"

namespace actiontrack::service {

namespace {

// Enough for any plausible number of same-named drops; past it something is wrong.
constexpr int k_max_suffix = 10'000;

std::string errno_text(int error) { return std::strerror(error); }

Result<void> ensure_folder(const std::string& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) return Error(fmt::format("cannot create {}: {}", dir, error.message()));
    return {};
}

// Copies across file systems into a hidden temporary in the target folder, syncs it, links it
// into place without replacing anything, then removes the original.
Result<void> copy_then_remove(const std::string& from, const std::string& to, bool& name_taken) {
    const std::string temporary = fmt::format("{}/.{}.partial", std::filesystem::path(to).parent_path().string(),
                                              base_name(to));
    std::error_code error;
    std::filesystem::copy_file(from, temporary, std::filesystem::copy_options::overwrite_existing,
                               error);
    if (error) return Error(fmt::format("cannot copy to {}: {}", to, error.message()));
    if (int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    if (::link(temporary.c_str(), to.c_str()) != 0) {
        const int link_error = errno;
        ::unlink(temporary.c_str());
        if (link_error == EEXIST) {
            name_taken = true;
            return Error("name taken");
        }
        return Error(fmt::format("cannot move to {}: {}", to, errno_text(link_error)));
    }
    ::unlink(temporary.c_str());
    if (::unlink(from.c_str()) != 0) {
        return Error(fmt::format("copied to {} but cannot remove {}: {}", to, from,
                                 errno_text(errno)));
    }
    return {};
}

// Tries NAME, NAME-2, NAME-3... in `dir` until a move succeeds. `before_move(target)` runs
// before each attempt (writing the error file); `after_taken(target)` undoes it.
template <class Before, class Undo>
Result<std::string> move_into(const std::string& path, const std::string& dir, Before before_move,
                              Undo undo) {
    const std::string_view name = base_name(path);
    for (int number = 1; number <= k_max_suffix; ++number) {
        const std::string target =
            dir + "/" + (number == 1 ? std::string(name) : numbered_name(name, number));
        bool name_taken = false;
        TRY(before_move(target, name_taken));
        if (name_taken) continue;
        auto moved = move_no_replace(path, target, name_taken);
        if (moved) return target;
        undo(target);
        if (!name_taken) return moved.error();
    }
    return Error(fmt::format("no free name for {} in {}", name, dir));
}

}  // namespace

std::string numbered_name(std::string_view name, int number) {
    // Keep the extension last so the file still opens with the right program.
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return fmt::format("{}-{}", name, number);
    return fmt::format("{}-{}{}", name.substr(0, dot), number, name.substr(dot));
}

Result<void> move_no_replace(const std::string& from, const std::string& to, bool& name_taken) {
    name_taken = false;
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
        return {};
    }
    const int error = errno;
    if (error == EEXIST) {
        name_taken = true;
        return Error("name taken");
    }
    if (error == EXDEV) return copy_then_remove(from, to, name_taken);
    if (error == EINVAL) {
        // A file system without RENAME_NOREPLACE: link() refuses to replace, then unlink.
        if (::link(from.c_str(), to.c_str()) == 0) {
            ::unlink(from.c_str());
            return {};
        }
        if (errno == EEXIST) {
            name_taken = true;
            return Error("name taken");
        }
    }
    return Error(fmt::format("cannot move to {}: {}", to, errno_text(error)));
}

Result<std::string> move_to_processed(const std::string& path, const std::string& processed_root,
                                      std::string_view month) {
    const std::string dir = fmt::format("{}/{}", processed_root, month);
    TRY(ensure_folder(dir));
    return move_into(
        path, dir, [](const std::string&, bool&) -> Result<void> { return {}; },
        [](const std::string&) {});
}

Result<std::string> move_to_failed(const std::string& path, const std::string& failed_root,
                                   std::string_view reason) {
    TRY(ensure_folder(failed_root));
    std::string line(reason);
    for (char& c : line) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    line += '\n';
    // The reason is written first: a file in failed/ always has its explanation beside it,
    // even if the process dies between the two steps.
    auto write_reason = [&line](const std::string& target, bool& name_taken) -> Result<void> {
        const std::string error_file = target + ".error.txt";
        const int fd = ::open(error_file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
        if (fd < 0) {
            if (errno == EEXIST) {
                name_taken = true;
                return {};
            }
            return Error(fmt::format("cannot write {}: {}", error_file, errno_text(errno)));
        }
        const auto written = ::write(fd, line.data(), line.size());
        ::close(fd);
        if (written != static_cast<ssize_t>(line.size())) {
            ::unlink(error_file.c_str());
            return Error(fmt::format("cannot write {}", error_file));
        }
        return {};
    };
    auto remove_reason = [](const std::string& target) {
        ::unlink((target + ".error.txt").c_str());
    };
    return move_into(path, failed_root, write_reason, remove_reason);
}

}  // namespace actiontrack::service
