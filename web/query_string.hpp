#pragma once
// Percent-decoding and `application/x-www-form-urlencoded` pairs (query strings, form posts).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace actiontrack::web {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`); nullopt on a malformed escape
// or a decoded NUL byte.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// Percent-encodes everything but unreserved characters (RFC 3986), for links and cursors.
std::string percent_encode(std::string_view text);

class Params {
  public:
    // Parses "a=1&b=two"; nullopt when an escape is malformed.
    static std::optional<Params> parse(std::string_view text);
    // The last value of `name`; nullopt when absent. An empty value counts as absent.
    std::optional<std::string> get(std::string_view name) const;
    const std::vector<std::pair<std::string, std::string>>& all() const { return m_pairs; }

  private:
    std::vector<std::pair<std::string, std::string>> m_pairs;
};

}  // namespace actiontrack::web
