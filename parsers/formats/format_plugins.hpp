#pragma once
// Finding and loading a format plug-in (see plugin_boundary.hpp), on the parsers library's
// side: one loader for the PDF, HTML and DOCX adapters.

#include <string>

#include "parsers/formats/plugin_boundary.hpp"

namespace actiontrack::parsers {

// The plug-in's entry point (the caller casts it to its type), or null and why not, e.g.
// "HTML support is not installed (actiontrack-html.so not found)".
struct LoadedPlugin {
    void* entry = nullptr;
    std::string error;
};

// Looks for the plug-in's file, first found wins: next to the executable; in lib/actiontrack/
// beside the executable's folder (where `cmake --install` puts it: PREFIX/bin → PREFIX/lib/
// actiontrack); and, only for a program inside this build's folder (test, fuzz and bench
// programs in its sub-folders), where this build wrote it. An installed binary never loads code
// from a build folder. A file that is found but cannot be loaded is an error, not a reason to
// look further. A loaded plug-in stays for the life of the process: callers keep the result (in
// a function-local static), so each plug-in is looked for once.
LoadedPlugin load_format_plugin(const FormatPlugin& plugin);

}  // namespace actiontrack::parsers
