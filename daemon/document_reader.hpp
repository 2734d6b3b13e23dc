#pragma once
// Reading one input document from disk and deciding whether it is text worth extracting.
// The extractor takes any bytes; rejecting empty, binary and oversized files is this layer's job,
// so that a wrong file gets a clear message instead of an empty register.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace actiontrack::cli {

inline constexpr std::int64_t k_default_max_size = 20 * 1024 * 1024;

// Returns the whole content of the regular file at `path`. Fails with a short lowercase reason,
// without the path ("no such file", "permission denied", "is a directory", "not a regular
// file", "file is too large ..."), when the file cannot be read or has more than `max_size`
// bytes. Never blocks on a FIFO or a device.
Result<std::string> read_file(const std::string& path, std::int64_t max_size);

// Pure. Succeeds when `bytes` look like a text document: not empty, and not binary. Binary means
// a NUL byte anywhere, or more than 30% control characters (other than tab, newline, carriage
// return and form feed) in the first 8 KiB. Text that starts with a UTF-16 or UTF-32 byte-order
// mark is accepted as it is: its NULs are part of the encoding, and decoding is the extractor's.
Result<void> check_text(std::string_view bytes);

// read_file, then check_text.
Result<std::string> read_document(const std::string& path, std::int64_t max_size);

}  // namespace actiontrack::cli
