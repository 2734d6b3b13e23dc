#include "parsers/formats/pdf.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <mutex>
#include <string>
#include <vector>

#include "parsers/formats/page_layout.hpp"
#include "parsers/formats/pdf_text_layer.hpp"

namespace actiontrack::parsers {

namespace {

// Fewer letters than this in the whole text layer means the pages are images: a scan. Page
// furniture added by a scanner's software ("Page 1") stays below it.
constexpr std::size_t k_min_letters = 20;

// The folder of the running executable, with a trailing '/'; empty if it cannot be read.
std::string executable_folder() {
    std::string path(PATH_MAX, '\0');
    const ssize_t n = readlink("/proc/self/exe", path.data(), path.size());
    if (n <= 0) return {};
    path.resize(static_cast<std::size_t>(n));
    return path.substr(0, path.rfind('/') + 1);
}

// Where the plug-in may be, first found wins: next to the executable (the build folder), where
// `cmake --install` puts it relative to the executable (PREFIX/bin → PREFIX/lib/actiontrack),
// and where this build wrote it (for test and fuzz programs in sub-folders of the build).
std::vector<std::string> plugin_candidates() {
    std::vector<std::string> out;
    if (const std::string folder = executable_folder(); !folder.empty()) {
        out.push_back(folder + k_pdf_plugin_file);
        out.push_back(folder + "../lib/actiontrack/" + k_pdf_plugin_file);
    }
#ifdef ACTIONTRACK_PDF_PLUGIN_BUILT
    out.push_back(ACTIONTRACK_PDF_PLUGIN_BUILT);
#endif
    return out;
}

struct Plugin {
    PdfTextLayerEntry entry = nullptr;
    std::string error;  // why there is no entry
};

// Loaded once, on the first PDF, and kept for the life of the process.
const Plugin& plugin() {
    static Plugin loaded;
    static std::once_flag once;
    std::call_once(once, [] {
        std::string tried;
        for (const std::string& path : plugin_candidates()) {
            if (access(path.c_str(), R_OK) != 0) continue;
            void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
            if (handle == nullptr) {
                const char* why = dlerror();
                loaded.error = "PDF support cannot be loaded: " + std::string(why ? why : path);
                return;
            }
            loaded.entry = reinterpret_cast<PdfTextLayerEntry>(dlsym(handle, k_pdf_plugin_entry));
            if (loaded.entry == nullptr) loaded.error = "PDF support cannot be loaded: " + path + " has no entry point";
            return;
        }
        loaded.error = std::string("PDF support is not installed (") + k_pdf_plugin_file + " not found)";
    });
    return loaded;
}

}  // namespace

Result<AdaptedText> pdf_to_text(std::string_view bytes) {
    const Plugin& reader = plugin();
    if (reader.entry == nullptr) return Error(reader.error);
    PdfTextLayer layer;
    reader.entry(bytes.data(), bytes.size(), &layer);
    if (!layer.error.empty()) return Error(layer.error);
    if (layer.letters < k_min_letters) return Error("no text layer: OCR needed");

    AdaptedText out;
    out.utf8 = assemble_pages(layer.pages);
    out.paged = true;
    return out;
}

}  // namespace actiontrack::parsers
