#include "net/tls_engine.hpp"

#include <utility>

namespace actiontrack::tls {

Result<std::unique_ptr<TlsEngine>> make_tls_client(const TlsClientOptions& options) {
    static const LoadedPlugin plugin = load_plugin(k_tls_plugin);
    if (plugin.entry == nullptr) return Error(plugin.error);
    TlsClientResult result;
    reinterpret_cast<TlsClientEntry>(plugin.entry)(&options, &result);
    if (!result.engine) return Error(std::move(result.error));
    return std::move(result.engine);
}

}  // namespace actiontrack::tls
