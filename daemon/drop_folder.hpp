#pragma once
// The drop folder on disk: which names are ignored, what a file's identity is between two
// looks (size, mtime, inode), and a recursive scan that skips the processed/ and failed/
// folders. No event loop here; the watcher and the poller both build on it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace actiontrack::service {

// What the settle rule compares: a file whose signature is unchanged for the settle time is
// not being written. The inode catches a file replaced by another of the same size.
struct FileSignature {
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
    bool regular = true;  // false for FIFOs, sockets, devices: they are refused, not read

    bool operator==(const FileSignature&) const = default;
};

// The signature of `path` without following a symbolic link; nullopt when it does not exist
// (any more) or is a directory.
std::optional<FileSignature> signature_of(const std::string& path);

// True when some process holds `path` open for writing, as far as this process can tell: a
// read lease (F_SETLEASE) is refused while a writer has the file open. Where leases are not
// available (another user's file without CAP_LEASE, NFS) the answer is false, and the settle
// time alone decides.
bool is_open_for_writing(const std::string& path);

// Pure. True for names never treated as documents: hidden files (".name"), Office lock files
// ("~$name"), partial downloads and editor files (*.tmp, *.part, *.swp, *.crdownload, any
// case), and names matching one of `extra` (fnmatch globs, matched against the name only).
bool is_ignored_name(std::string_view name, const std::vector<std::string>& extra);

// The absolute folders the daemon works with.
struct DropLayout {
    std::string drop;       // watched, recursively
    std::string processed;  // never watched
    std::string failed;     // never watched
};

// Resolves the configured folders: the drop folder made absolute, processed/failed defaulting
// to DROP/processed and DROP/failed, relative ones taken relative to the drop folder.
DropLayout make_layout(const std::string& drop, const std::string& processed,
                       const std::string& failed);

// Creates the drop, processed and failed folders when missing. Fails with the folder and why.
Result<void> prepare_layout(const DropLayout& layout);

// True for a directory the daemon must not descend into: processed/, failed/, hidden folders.
bool is_excluded_dir(const std::string& path, const DropLayout& layout);

struct ScanCallbacks {
    std::function<void(const std::string& dir)> on_dir;  // each folder visited, the root first
    std::function<void(const std::string& path, const FileSignature&)> on_file;
};

// Walks `root` (the drop folder or one of its subfolders) depth-first, calling on_dir for
// every folder it enters and on_file for every entry that is not a folder and not ignored.
// Unreadable folders are skipped (and logged); a scan never fails as a whole.
void scan_tree(const std::string& root, const DropLayout& layout,
               const std::vector<std::string>& ignore, const ScanCallbacks& callbacks);

// "/a/b/c.txt" → "c.txt".
std::string_view base_name(std::string_view path);

}  // namespace actiontrack::service
