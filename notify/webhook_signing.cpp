#include "common/digest.hpp"
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
        const auto mac = hmac_sha256(*key, content);
        if (!mac) return mac.error();
        if (!out.empty()) out += ' ';
        out += "v1," + base64_encode(*mac);
    }
    return out;
}

}  // namespace actiontrack::notify
