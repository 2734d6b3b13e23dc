// The TLS plug-in (actiontrack-tls.so): a TlsEngine over OpenSSL with memory BIOs. OpenSSL
// writes the records it wants sent into one BIO and reads the server's records from another;
// the channel (net/channel.hpp) carries them over the socket.

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <array>
#include <exception>

#include "net/tls_engine.hpp"

namespace actiontrack::tls {
namespace {

// The oldest error OpenSSL queued on this thread, in words; the queue is left empty.
std::string openssl_error(std::string_view fallback) {
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) return std::string(fallback);
    std::array<char, 256> text{};
    ERR_error_string_n(code, text.data(), text.size());
    return text.data();
}

bool is_ip_address(const std::string& host) {
    unsigned char address[16];
    return inet_pton(AF_INET, host.c_str(), address) == 1 ||
           inet_pton(AF_INET6, host.c_str(), address) == 1;
}

class OpenSslClient final : public TlsEngine {
  public:
    ~OpenSslClient() override {
        if (m_ssl != nullptr) SSL_free(m_ssl);  // frees both BIOs
        if (m_context != nullptr) SSL_CTX_free(m_context);
    }

    // Empty on success, else why the options cannot be used.
    std::string open(const TlsClientOptions& options) {
        m_context = SSL_CTX_new(TLS_client_method());
        if (m_context == nullptr) return openssl_error("cannot create a TLS context");
        SSL_CTX_set_min_proto_version(m_context, TLS1_2_VERSION);
        if (options.verify) {
            if (SSL_CTX_set_default_verify_paths(m_context) != 1)
                return openssl_error("cannot read the system's trusted certificates");
            if (!options.ca_file.empty() &&
                SSL_CTX_load_verify_locations(m_context, options.ca_file.c_str(), nullptr) != 1)
                return "cannot read ca_file " + options.ca_file + ": " + openssl_error("unreadable");
            SSL_CTX_set_verify(m_context, SSL_VERIFY_PEER, nullptr);
        }
        m_ssl = SSL_new(m_context);
        if (m_ssl == nullptr) return openssl_error("cannot create a TLS session");
        const bool ip = is_ip_address(options.host);
        // SNI names a host, never an address (RFC 6066 section 3). The macro
        // SSL_set_tlsext_host_name has an old-style cast; this is its expansion.
        if (!ip)
            SSL_ctrl(m_ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                     const_cast<char*>(options.host.c_str()));
        if (options.verify) {
            const bool named = ip ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(m_ssl),
                                                                  options.host.c_str()) == 1
                                  : SSL_set1_host(m_ssl, options.host.c_str()) == 1;
            if (!named) return openssl_error("cannot check the certificate against " + options.host);
        }
        BIO* from_server = BIO_new(BIO_s_mem());
        BIO* to_server = BIO_new(BIO_s_mem());
        if (from_server == nullptr || to_server == nullptr) {
            BIO_free(from_server);
            BIO_free(to_server);
            return "out of memory";
        }
        SSL_set_bio(m_ssl, from_server, to_server);
        SSL_set_connect_state(m_ssl);
        return {};
    }

    Status handshake() override { return status(SSL_do_handshake(m_ssl)); }

    Status write(std::string_view plain, std::size_t& consumed) override {
        consumed = 0;
        if (plain.empty()) return Status::ok;
        return status(SSL_write_ex(m_ssl, plain.data(), plain.size(), &consumed));
    }

    Status read(char* out, std::size_t size, std::size_t& produced) override {
        produced = 0;
        return status(SSL_read_ex(m_ssl, out, size, &produced));
    }

    void take_output(std::string& out) override {
        BIO* to_server = SSL_get_wbio(m_ssl);
        std::array<char, 16 * 1024> chunk;
        for (int n; (n = BIO_read(to_server, chunk.data(), static_cast<int>(chunk.size()))) > 0;)
            out.append(chunk.data(), static_cast<std::size_t>(n));
    }

    void put_input(std::string_view records) override {
        // A memory BIO grows as needed: the write takes everything.
        BIO_write(SSL_get_rbio(m_ssl), records.data(), static_cast<int>(records.size()));
    }

    std::string error() const override { return m_error; }

  private:
    // What an SSL_* call's return value means for the caller.
    Status status(int result) {
        if (result == 1) return Status::ok;
        switch (SSL_get_error(m_ssl, result)) {
            case SSL_ERROR_WANT_READ: return Status::want_input;
            case SSL_ERROR_ZERO_RETURN: return Status::closed;
            default: break;
        }
        // A refused certificate says why in its own words; the error queue only says "certificate
        // verify failed".
        if (const long verified = SSL_get_verify_result(m_ssl); verified != X509_V_OK) {
            ERR_clear_error();
            m_error = std::string("certificate verify failed: ") +
                      X509_verify_cert_error_string(verified);
        } else {
            m_error = openssl_error("the TLS session failed");
        }
        return Status::failed;
    }

    SSL_CTX* m_context = nullptr;
    SSL* m_ssl = nullptr;
    std::string m_error;
};

}  // namespace
}  // namespace actiontrack::tls

extern "C" __attribute__((visibility("default"))) void actiontrack_tls_client(
    const actiontrack::tls::TlsClientOptions* options, actiontrack::tls::TlsClientResult* out) {
    try {
        auto engine = std::make_unique<actiontrack::tls::OpenSslClient>();
        if (std::string why = engine->open(*options); !why.empty()) {
            out->error = std::move(why);
            return;
        }
        out->engine = std::move(engine);
    } catch (const std::exception& e) {
        out->error = e.what();
    }
}
