#include "parsers/formats/format_plugins.hpp"

#include <string_view>
#include <utility>

#include "common/result.hpp"
#include "parsers/formats/docx.hpp"
#include "parsers/formats/html.hpp"

namespace actiontrack::parsers {

namespace {

Result<AdaptedText> run_text_plugin(const LoadedPlugin& plugin, std::string_view bytes) {
    if (plugin.entry == nullptr) return Error(plugin.error);
    PluginText out;
    reinterpret_cast<TextPluginEntry>(plugin.entry)(bytes.data(), bytes.size(), &out);
    if (!out.error.empty()) return Error(std::move(out.error));
    return std::move(out.text);
}

}  // namespace

// The HTML and DOCX adapters are their plug-ins; html.cpp and docx.cpp are built into them.
Result<AdaptedText> html_to_text(std::string_view bytes) {
    static const LoadedPlugin plugin = load_plugin(k_html_plugin);
    return run_text_plugin(plugin, bytes);
}

Result<AdaptedText> docx_to_text(std::string_view bytes) {
    static const LoadedPlugin plugin = load_plugin(k_docx_plugin);
    return run_text_plugin(plugin, bytes);
}

}  // namespace actiontrack::parsers
