#pragma once
// A TLS client session as bytes in and bytes out: the engine encrypts, decrypts and checks the
// server's certificate, and never touches a socket (net/channel.hpp moves its records over
// one). OpenSSL is linked only into the plug-in that implements it, actiontrack-tls.so, loaded
// on the first TLS connection (common/plugins.hpp says why): a daemon whose mail relay and
// webhooks are plain loopback connections never maps OpenSSL at all.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "common/plugins.hpp"
#include "common/result.hpp"

namespace actiontrack::tls {

struct TlsClientOptions {
    std::string host;     // sent as SNI; when verifying, the name (or IP) the certificate must carry
    bool verify = true;   // the certificate chain and the host name
    std::string ca_file;  // an extra trusted CA (PEM) beside the system store; empty: none
};

class TlsEngine {
  public:
    enum class Status {
        ok,          // done
        want_input,  // send take_output(), then put_input() what the server sends, and call again
        closed,      // the server closed the TLS session
        failed,      // error() says why; the session is finished
    };
    virtual ~TlsEngine() = default;

    virtual Status handshake() = 0;
    // Encrypts `plain`; `consumed` says how much was taken (all of it unless want_input).
    virtual Status write(std::string_view plain, std::size_t& consumed) = 0;
    // Decrypts up to `size` bytes into `out`; `produced` is how many (more than 0 when ok).
    virtual Status read(char* out, std::size_t size, std::size_t& produced) = 0;

    // The records to send, appended to `out`; each call takes what is pending.
    virtual void take_output(std::string& out) = 0;
    // Records the server sent.
    virtual void put_input(std::string_view records) = 0;

    // Why the last call failed, in words ("certificate verify failed: self-signed certificate").
    virtual std::string error() const = 0;
};

// A client session ready for handshake(). Fails when TLS support is not installed or the
// options cannot be used (an unreadable ca_file).
Result<std::unique_ptr<TlsEngine>> make_tls_client(const TlsClientOptions& options);

// What crosses into the plug-in: its entry point fills `out`.
//   void actiontrack_tls_client(const TlsClientOptions* options, TlsClientResult* out);
struct TlsClientResult {
    std::unique_ptr<TlsEngine> engine;
    std::string error;  // when engine is null
};
using TlsClientEntry = void (*)(const TlsClientOptions* options, TlsClientResult* out);
inline constexpr PluginSpec k_tls_plugin{"TLS", "actiontrack-tls.so", "actiontrack_tls_client"};

}  // namespace actiontrack::tls
