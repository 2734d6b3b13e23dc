#include "common/plugins.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

namespace actiontrack {

namespace {

// The folder of the running executable, with a trailing '/'; empty if it cannot be read.
std::string executable_folder() {
    std::string path(PATH_MAX, '\0');
    const ssize_t n = readlink("/proc/self/exe", path.data(), path.size());
    if (n <= 0) return {};
    path.resize(static_cast<std::size_t>(n));
    return path.substr(0, path.rfind('/') + 1);
}

// The folder this build writes plug-ins to, resolved, with a trailing '/'; empty if unknown.
std::string build_folder() {
#ifdef ACTIONTRACK_PLUGIN_BUILD_DIR
    std::unique_ptr<char, decltype(&std::free)> real(
        realpath(ACTIONTRACK_PLUGIN_BUILD_DIR, nullptr), &std::free);
    if (real) return std::string(real.get()) + "/";
#endif
    return {};
}

std::vector<std::string> candidates(const char* file) {
    std::vector<std::string> out;
    const std::string folder = executable_folder();
    if (!folder.empty()) {
        out.push_back(folder + file);
        out.push_back(folder + "../lib/actiontrack/" + file);
    }
    // The executable's folder is already resolved (/proc/self/exe), so a prefix test suffices.
    if (const std::string build = build_folder(); !build.empty() && folder.starts_with(build))
        out.push_back(build + file);
    return out;
}

}  // namespace

std::optional<std::string> find_plugin(const PluginSpec& plugin) {
    for (std::string& path : candidates(plugin.file))
        if (access(path.c_str(), R_OK) == 0) return std::move(path);
    return std::nullopt;
}

std::string not_installed(const PluginSpec& plugin) {
    return std::string(plugin.what) + " support is not installed (" + plugin.file + " not found)";
}

LoadedPlugin load_plugin(const PluginSpec& plugin) {
    LoadedPlugin loaded;
    const auto path = find_plugin(plugin);
    if (!path) {
        loaded.error = not_installed(plugin);
        return loaded;
    }
    const std::string cannot = std::string(plugin.what) + " support cannot be loaded: ";
    void* handle = dlopen(path->c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = dlerror();
        loaded.error = cannot + (why ? why : *path);
        return loaded;
    }
    loaded.entry = dlsym(handle, plugin.entry);
    if (loaded.entry == nullptr) loaded.error = cannot + *path + " has no entry point";
    return loaded;
}

}  // namespace actiontrack
