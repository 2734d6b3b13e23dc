#include "daemon/document_reader.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace actiontrack::cli {

namespace {

// Owns one file descriptor; closes it on every return path.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    int get() const { return m_fd; }

  private:
    int m_fd;
};

std::string describe_errno(int error) {
    switch (error) {
        case ENOENT:
            return "no such file";
        case EACCES:
        case EPERM:
            return "permission denied";
        case EISDIR:
            return "is a directory";
        case ENOTDIR:
            return "a component of the path is not a directory";
        default:
            return std::error_code(error, std::generic_category()).message();
    }
}

std::string too_large(std::int64_t size, std::int64_t max_size) {
    return fmt::format("file is too large ({} bytes; the limit is {} bytes, see --max-size)", size,
                       max_size);
}

bool is_control(unsigned char byte) {
    if (byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f') return false;
    return byte < 0x20 || byte == 0x7f;
}

bool starts_with_wide_bom(std::string_view bytes) {
    // UTF-16 LE/BE; the UTF-32 LE mark begins with the UTF-16 LE one.
    return bytes.starts_with("\xff\xfe") || bytes.starts_with("\xfe\xff") ||
           bytes.starts_with(std::string_view("\x00\x00\xfe\xff", 4));
}

}  // namespace

Result<std::string> read_file(const std::string& path, std::int64_t max_size) {
    // O_NONBLOCK so that opening a FIFO with no writer returns at once; it is then refused below
    // as not a regular file. For regular files the flag changes nothing.
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) return Error(describe_errno(errno));

    // fstat on the open descriptor, not stat on the path, so the checks apply to what we read.
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) return Error(describe_errno(errno));
    if (S_ISDIR(info.st_mode)) return Error("is a directory");
    if (!S_ISREG(info.st_mode)) return Error("not a regular file");
    if (info.st_size > max_size) return Error(too_large(info.st_size, max_size));

    // Read to end of file rather than trusting st_size: the file may be growing (still being
    // copied in), and some files report a size of 0. One byte past the limit proves it is over.
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[64 * 1024];
    for (;;) {
        ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            return Error(describe_errno(errno));
        }
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
        auto size = static_cast<std::int64_t>(bytes.size());
        if (size > max_size) return Error(too_large(size, max_size));
    }
    return bytes;
}

Result<void> check_text(std::string_view bytes) {
    if (bytes.empty()) return Error("file is empty");
    if (starts_with_wide_bom(bytes)) return {};
    if (bytes.find('\0') != std::string_view::npos) {
        return Error("binary file (contains NUL bytes), not a text document");
    }
    // Bytes of 0x80 and above are not counted: they are UTF-8 sequences or Windows-1252 letters.
    std::string_view head = bytes.substr(0, 8 * 1024);
    auto controls = std::count_if(head.begin(), head.end(),
                                  [](char c) { return is_control(static_cast<unsigned char>(c)); });
    if (static_cast<std::size_t>(controls) * 10 > head.size() * 3) {
        return Error("binary file (mostly control characters), not a text document");
    }
    return {};
}

Result<std::string> read_document(const std::string& path, std::int64_t max_size) {
    TRY_ASSIGN(bytes, read_file(path, max_size));
    TRY(check_text(bytes));
    return bytes;
}

}  // namespace actiontrack::cli
