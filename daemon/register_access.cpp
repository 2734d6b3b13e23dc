#include "daemon/register_access.hpp"

#include <filesystem>
#include <system_error>

namespace actiontrack::cli {

Result<store::Store> open_existing_register(const std::string& path) {
    std::error_code ec;
    if (path != ":memory:" && !std::filesystem::exists(path, ec)) {
        return Error("no register here (run `actiontrack ingest` first, or give --db)");
    }
    return store::Store::open(path);
}

}  // namespace actiontrack::cli
