#pragma once
// Finding and loading a plug-in: a shared object next to the program (or where `cmake
// --install` puts it) that is loaded with dlopen the first time its work is needed.
//
// Why plug-ins: libraries such as poppler (PDF), libxml2 (HTML), libzip + pugixml (DOCX) and
// OpenSSL (TLS) cost resident memory in every process that links them, whether or not it ever
// uses them. A plug-in brings them in on first use only. Both sides are built together by the
// same compiler from the same headers, so C++ types may cross; entry points have C linkage only
// so that dlsym finds them by name. A plug-in catches its own exceptions.

#include <optional>
#include <string>

namespace actiontrack {

// A plug-in: what it provides (as named in messages), its file name, and its entry point's name.
struct PluginSpec {
    const char* what;
    const char* file;
    const char* entry;
};

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
LoadedPlugin load_plugin(const PluginSpec& plugin);

// Where load_plugin() would load the plug-in from, without loading it (a daemon checks at
// start-up that what its configuration needs is installed); nullopt when it is not found.
std::optional<std::string> find_plugin(const PluginSpec& plugin);

// "TLS support is not installed (actiontrack-tls.so not found)".
std::string not_installed(const PluginSpec& plugin);

}  // namespace actiontrack
