#include "parsers/formats/format_plugins.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "parsers/formats/docx.hpp"
#include "parsers/formats/html.hpp"

namespace actiontrack::parsers {

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

Result<AdaptedText> run_text_plugin(const LoadedPlugin& plugin, std::string_view bytes) {
    if (plugin.entry == nullptr) return Error(plugin.error);
    PluginText out;
    reinterpret_cast<TextPluginEntry>(plugin.entry)(bytes.data(), bytes.size(), &out);
    if (!out.error.empty()) return Error(std::move(out.error));
    return std::move(out.text);
}

}  // namespace

LoadedPlugin load_format_plugin(const FormatPlugin& plugin) {
    LoadedPlugin loaded;
    const std::string cannot = std::string(plugin.format) + " support cannot be loaded: ";
    for (const std::string& path : candidates(plugin.file)) {
        if (access(path.c_str(), R_OK) != 0) continue;
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            const char* why = dlerror();
            loaded.error = cannot + (why ? why : path);
            return loaded;
        }
        loaded.entry = dlsym(handle, plugin.entry);
        if (loaded.entry == nullptr) loaded.error = cannot + path + " has no entry point";
        return loaded;
    }
    loaded.error =
        std::string(plugin.format) + " support is not installed (" + plugin.file + " not found)";
    return loaded;
}

// The HTML and DOCX adapters are their plug-ins; html.cpp and docx.cpp are built into them.
Result<AdaptedText> html_to_text(std::string_view bytes) {
    static const LoadedPlugin plugin = load_format_plugin(k_html_plugin);
    return run_text_plugin(plugin, bytes);
}

Result<AdaptedText> docx_to_text(std::string_view bytes) {
    static const LoadedPlugin plugin = load_format_plugin(k_docx_plugin);
    return run_text_plugin(plugin, bytes);
}

}  // namespace actiontrack::parsers
