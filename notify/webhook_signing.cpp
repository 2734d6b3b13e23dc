#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "notify/encoding.hpp"
#include "notify/webhook_sender.hpp"

namespace actiontrack::notify {

Result<std::string> sign_webhook(const std::vector<std::string>& secrets, std::string_view id,
                                 std::int64_t timestamp, std::string_view body) {
    const std::string content =
        std::string(id) + "." + std::to_string(timestamp) + "." + std::string(body);
    std::string out;
    for (const std::string& secret : secrets) {
        if (!secret.starts_with("whsec_")) return Error("a webhook secret must start with whsec_");
        const auto key = base64_decode(std::string_view(secret).substr(6));
        if (!key || key->empty()) return Error("a webhook secret must be whsec_ + Base64");
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        HMAC(EVP_sha256(), key->data(), static_cast<int>(key->size()),
             reinterpret_cast<const unsigned char*>(content.data()), content.size(), mac, &length);
        if (!out.empty()) out += ' ';
        out += "v1," + base64_encode(std::string_view(reinterpret_cast<const char*>(mac), length));
    }
    return out;
}

}  // namespace actiontrack::notify
