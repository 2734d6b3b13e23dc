#include <cstdio>
#include <exception>

#include "daemon/cli.hpp"

// The boundary for bugs: an exception reaching here becomes one line and exit 1, never a crash.
// Plain stdio in the handlers, because the failure may have been fmt failing to write.
int main(int argc, char** argv) {
    try {
        return actiontrack::cli::run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "actiontrack: internal error: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "actiontrack: internal error\n");
    }
    return 1;
}
