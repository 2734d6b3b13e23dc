// The TOML side of the configuration: one table of keys, each knowing how to read its value
// from a toml::node and how to print it back. toml++ is confined to this file (and its tests'
// expectations are plain text), so no other translation unit pays for its headers.

#include "daemon/config_parser.hpp"

#include <fmt/core.h>

#include <toml++/toml.h>

#include <array>
#include <functional>
#include <limits>
#include <span>
#include <type_traits>

#include "daemon/config_values.hpp"

namespace actiontrack::config {

namespace {

// Where values come from: a file (origins and errors carry line numbers) or a flag (they don't).
struct Source {
    std::string_view name;
    bool has_lines = true;

    std::string at(const toml::source_region& region) const {
        if (!has_lines) return std::string(name);
        return fmt::format("{}:{}", name, region.begin.line);
    }
};

Error located(const Source& source, const toml::source_region& region, std::string_view message) {
    return Error(fmt::format("{}: {}", source.at(region), message));
}

// Reads a node into a T, the field's own type; the message says what was expected.
template <class T>
Result<T> read_value(const toml::node& node, const Limits& limits) {
    if constexpr (std::is_same_v<T, std::string>) {
        auto value = node.value_exact<std::string>();
        if (!value) return Error("expected a string");
        return *value;
    } else if constexpr (std::is_same_v<T, bool>) {
        auto value = node.value_exact<bool>();
        if (!value) return Error("expected true or false");
        return *value;
    } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, std::int64_t>) {
        auto value = node.value_exact<std::int64_t>();
        if (!value) return Error("expected a whole number");
        TRY(check_range(*value, limits));
        return static_cast<T>(*value);
    } else if constexpr (std::is_same_v<T, std::chrono::milliseconds>) {
        // Seconds, whole or fractional: "settle_seconds = 0.25".
        double seconds = 0;
        if (auto whole = node.value_exact<std::int64_t>()) {
            seconds = static_cast<double>(*whole);
        } else if (auto fraction = node.value_exact<double>()) {
            seconds = *fraction;
        } else {
            return Error("expected a number of seconds");
        }
        return seconds_to_duration(seconds, limits);
    } else if constexpr (std::is_same_v<T, std::vector<std::string>> ||
                         std::is_same_v<T, std::vector<int>>) {
        const toml::array* array = node.as_array();
        if (array == nullptr) return Error("expected an array");
        T values;
        for (const toml::node& element : *array) {
            auto value = read_value<typename T::value_type>(element, limits);
            if (!value) return Error(fmt::format("in the array: {}", value.error().message()));
            values.push_back(std::move(*value));
        }
        return values;
    } else {
        static_assert(std::is_enum_v<T>, "no reader for this field type");
        auto text = node.value_exact<std::string>();
        if (!text) return Error(fmt::format("expected one of {}", enum_choices<T>()));
        return parse_enum<T>(*text);
    }
}

// One configurable key of a struct S (Config itself, or one [[webhooks]] / [[owners]] entry).
template <class S>
struct Key {
    std::string_view name;
    std::function<Result<void>(S&, const toml::node&)> set;
    std::function<std::string(const S&)> show;
};

enum class Secret { no, yes };

// `access` is a generic lambda returning a reference to the field, for S& and const S& alike.
template <class S, class Access>
Key<S> key(std::string_view name, Access access, Limits limits = {}, Secret secret = Secret::no) {
    using T = std::remove_cvref_t<decltype(access(std::declval<S&>()))>;
    return Key<S>{
        name,
        [access, limits](S& target, const toml::node& node) -> Result<void> {
            auto value = read_value<T>(node, limits);
            if (!value) return value.error();
            access(target) = std::move(*value);
            return {};
        },
        [access, secret](const S& target) -> std::string {
            const T& value = access(target);
            if constexpr (requires { mask(value); }) {
                if (secret == Secret::yes) return mask(value);
            }
            return show_value(value);
        },
    };
}

constexpr Limits k_seconds{0, 86'400 * 7};
constexpr Limits k_port{1, 65'535};
constexpr Limits k_days{0, 366};

const std::vector<Key<Config>>& config_keys() {
    static const std::vector<Key<Config>> keys = {
        key<Config>("log_level", [](auto& c) -> auto& { return c.log_level; }),
        key<Config>("time_zone", [](auto& c) -> auto& { return c.time_zone; }),
        key<Config>("database.path", [](auto& c) -> auto& { return c.database.path; }),
        key<Config>("drop.folder", [](auto& c) -> auto& { return c.drop.folder; }),
        key<Config>("drop.watch", [](auto& c) -> auto& { return c.drop.watch; }),
        key<Config>("drop.poll_interval_seconds",
                    [](auto& c) -> auto& { return c.drop.poll_interval; }, Limits{0.01, 3600}),
        key<Config>("drop.settle_seconds", [](auto& c) -> auto& { return c.drop.settle; },
                    Limits{0, 3600}),
        key<Config>("drop.rename_settle_seconds",
                    [](auto& c) -> auto& { return c.drop.rename_settle; }, Limits{0, 3600}),
        key<Config>("drop.rescan_interval_seconds",
                    [](auto& c) -> auto& { return c.drop.rescan_interval; }, k_seconds),
        key<Config>("drop.ignore", [](auto& c) -> auto& { return c.drop.ignore; }),
        key<Config>("drop.after_ingest", [](auto& c) -> auto& { return c.drop.after_ingest; }),
        key<Config>("drop.processed_folder",
                    [](auto& c) -> auto& { return c.drop.processed_folder; }),
        key<Config>("drop.failed_folder", [](auto& c) -> auto& { return c.drop.failed_folder; }),
        key<Config>("drop.max_file_bytes", [](auto& c) -> auto& { return c.drop.max_file_bytes; },
                    Limits{1, 1LL << 40}),
        key<Config>("drop.workers", [](auto& c) -> auto& { return c.drop.workers; },
                    Limits{1, 64}),
        key<Config>("http.enabled", [](auto& c) -> auto& { return c.http.enabled; }),
        key<Config>("http.address", [](auto& c) -> auto& { return c.http.address; }),
        key<Config>("http.port", [](auto& c) -> auto& { return c.http.port; }, k_port),
        key<Config>("http.public_url", [](auto& c) -> auto& { return c.http.public_url; }),
        key<Config>("http.require_token_for_reads",
                    [](auto& c) -> auto& { return c.http.require_token_for_reads; }),
        key<Config>("http.max_body_bytes", [](auto& c) -> auto& { return c.http.max_body_bytes; },
                    Limits{1, 1LL << 30}),
        key<Config>("http.threads", [](auto& c) -> auto& { return c.http.threads; },
                    Limits{0, 64}),
        key<Config>("notify.enabled", [](auto& c) -> auto& { return c.notify.enabled; }),
        key<Config>("notify.scrutiny_officer",
                    [](auto& c) -> auto& { return c.notify.scrutiny_officer; }),
        key<Config>("notify.scrutiny_officer_name",
                    [](auto& c) -> auto& { return c.notify.scrutiny_officer_name; }),
        key<Config>("notify.time_zone", [](auto& c) -> auto& { return c.notify.time_zone; }),
        key<Config>("notify.remind_days_before",
                    [](auto& c) -> auto& { return c.notify.remind_days_before; }, k_days),
        key<Config>("notify.remind_on_due_day",
                    [](auto& c) -> auto& { return c.notify.remind_on_due_day; }),
        key<Config>("notify.overdue_every_days",
                    [](auto& c) -> auto& { return c.notify.overdue_every_days; }, k_days),
        key<Config>("notify.escalate_after_days",
                    [](auto& c) -> auto& { return c.notify.escalate_after_days; }, k_days),
        key<Config>("notify.ask_due_date_after_days",
                    [](auto& c) -> auto& { return c.notify.ask_due_date_after_days; }, k_days),
        key<Config>("notify.quiet_hours_start",
                    [](auto& c) -> auto& { return c.notify.quiet_hours_start; }),
        key<Config>("notify.quiet_hours_end",
                    [](auto& c) -> auto& { return c.notify.quiet_hours_end; }),
        key<Config>("notify.quiet_weekends",
                    [](auto& c) -> auto& { return c.notify.quiet_weekends; }),
        key<Config>("notify.batch_window_seconds",
                    [](auto& c) -> auto& { return c.notify.batch_window_seconds; },
                    Limits{0, 3600}),
        key<Config>("notify.lease_seconds", [](auto& c) -> auto& { return c.notify.lease_seconds; },
                    Limits{1, 86'400}),
        key<Config>("notify.transport", [](auto& c) -> auto& { return c.notify.transport; }),
        key<Config>("notify.sendmail_path",
                    [](auto& c) -> auto& { return c.notify.sendmail_path; }),
        key<Config>("notify.from", [](auto& c) -> auto& { return c.notify.from; }),
        key<Config>("notify.from_name", [](auto& c) -> auto& { return c.notify.from_name; }),
        key<Config>("notify.digest_weekday",
                    [](auto& c) -> auto& { return c.notify.digest_weekday; }),
        key<Config>("notify.digest_time", [](auto& c) -> auto& { return c.notify.digest_time; }),
        key<Config>("smtp.host", [](auto& c) -> auto& { return c.smtp.host; }),
        key<Config>("smtp.port", [](auto& c) -> auto& { return c.smtp.port; }, Limits{0, 65'535}),
        key<Config>("smtp.security", [](auto& c) -> auto& { return c.smtp.security; }),
        key<Config>("smtp.username", [](auto& c) -> auto& { return c.smtp.username; }),
        key<Config>("smtp.password_file", [](auto& c) -> auto& { return c.smtp.password_file; }),
        key<Config>("smtp.allow_plain_on_loopback",
                    [](auto& c) -> auto& { return c.smtp.allow_plain_on_loopback; }),
        key<Config>("smtp.verify_certificate",
                    [](auto& c) -> auto& { return c.smtp.verify_certificate; }),
        key<Config>("smtp.ca_file", [](auto& c) -> auto& { return c.smtp.ca_file; }),
        key<Config>("smtp.helo_name", [](auto& c) -> auto& { return c.smtp.helo_name; }),
        key<Config>("smtp.timeout_seconds", [](auto& c) -> auto& { return c.smtp.timeout_seconds; },
                    Limits{1, 600}),
    };
    return keys;
}

const std::vector<Key<WebhookConfig>>& webhook_keys() {
    static const std::vector<Key<WebhookConfig>> keys = {
        key<WebhookConfig>("url", [](auto& w) -> auto& { return w.url; }),
        key<WebhookConfig>("secrets", [](auto& w) -> auto& { return w.secrets; }, {},
                           Secret::yes),
        key<WebhookConfig>("events", [](auto& w) -> auto& { return w.events; }),
        key<WebhookConfig>("ca_file", [](auto& w) -> auto& { return w.ca_file; }),
    };
    return keys;
}

const std::vector<Key<OwnerConfig>>& owner_keys() {
    static const std::vector<Key<OwnerConfig>> keys = {
        key<OwnerConfig>("name", [](auto& o) -> auto& { return o.name; }),
        key<OwnerConfig>("email", [](auto& o) -> auto& { return o.email; }),
        key<OwnerConfig>("aliases", [](auto& o) -> auto& { return o.aliases; }),
        key<OwnerConfig>("time_zone", [](auto& o) -> auto& { return o.time_zone; }),
        key<OwnerConfig>("active", [](auto& o) -> auto& { return o.active; }),
    };
    return keys;
}

const std::vector<Key<DigestRecipientConfig>>& digest_recipient_keys() {
    static const std::vector<Key<DigestRecipientConfig>> keys = {
        key<DigestRecipientConfig>("name", [](auto& d) -> auto& { return d.name; }),
        key<DigestRecipientConfig>("email", [](auto& d) -> auto& { return d.email; }),
        key<DigestRecipientConfig>("committee", [](auto& d) -> auto& { return d.committee; }),
        key<DigestRecipientConfig>("time_zone", [](auto& d) -> auto& { return d.time_zone; }),
    };
    return keys;
}

template <class S>
const Key<S>* find_key(const std::vector<Key<S>>& keys, std::string_view name) {
    for (const Key<S>& candidate : keys) {
        if (candidate.name == name) return &candidate;
    }
    return nullptr;
}

// `secret = "x"` in a [[webhooks]] entry is the one-secret spelling of `secrets = ["x"]`.
Result<void> apply_webhook_entry(const toml::table& table, const Source& source,
                                 WebhookConfig& webhook) {
    for (auto&& [name, node] : table) {
        if (name.str() == "secret") {
            auto value = read_value<std::string>(node, {});
            if (!value) return located(source, node.source(), "webhooks.secret: " +
                                                                   value.error().message());
            webhook.secrets = {*value};
            continue;
        }
        const Key<WebhookConfig>* spec = find_key(webhook_keys(), name.str());
        if (spec == nullptr) {
            return located(source, name.source(),
                           fmt::format("unknown key 'webhooks.{}'", name.str()));
        }
        if (auto set = spec->set(webhook, node); !set) {
            return located(source, node.source(),
                           fmt::format("webhooks.{}: {}", name.str(), set.error().message()));
        }
    }
    return {};
}

// One [[owners]] or [[digest_recipients]] entry: every key must be one of `keys`.
template <class S>
Result<void> apply_entry(const toml::table& table, const Source& source, std::string_view list,
                         const std::vector<Key<S>>& keys, S& entry) {
    for (auto&& [name, node] : table) {
        const Key<S>* spec = find_key(keys, name.str());
        if (spec == nullptr) {
            return located(source, name.source(),
                           fmt::format("unknown key '{}.{}'", list, name.str()));
        }
        if (auto set = spec->set(entry, node); !set) {
            return located(source, node.source(),
                           fmt::format("{}.{}: {}", list, name.str(), set.error().message()));
        }
    }
    return {};
}

Result<void> apply_owner_entry(const toml::table& table, const Source& source, OwnerConfig& owner) {
    return apply_entry(table, source, "owners", owner_keys(), owner);
}

Result<void> apply_digest_entry(const toml::table& table, const Source& source,
                                DigestRecipientConfig& recipient) {
    return apply_entry(table, source, "digest_recipients", digest_recipient_keys(), recipient);
}

// [[webhooks]], [[owners]] or [[digest_recipients]]: the list in the file replaces the
// configured one.
template <class S, class ApplyEntry>
Result<void> apply_list(std::string_view list_name, const toml::node& node, const Source& source,
                        std::vector<S>& list, ApplyEntry apply_entry) {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
        return located(source, node.source(),
                       fmt::format("{}: expected an array of tables ([[{}]])", list_name,
                                   list_name));
    }
    std::vector<S> entries;
    for (const toml::node& element : *array) {
        const toml::table* table = element.as_table();
        if (table == nullptr) {
            return located(source, element.source(),
                           fmt::format("{}: expected a table ([[{}]])", list_name, list_name));
        }
        S entry;
        TRY(apply_entry(*table, source, entry));
        entries.push_back(std::move(entry));
    }
    list = std::move(entries);
    return {};
}

Result<void> apply_key(const std::string& name, const toml::node& node, const Source& source,
                       Config& config, Origins& origins, const toml::source_region& key_region) {
    const Key<Config>* spec = find_key(config_keys(), name);
    if (spec == nullptr) return located(source, key_region, fmt::format("unknown key '{}'", name));
    if (auto set = spec->set(config, node); !set) {
        return located(source, node.source(), fmt::format("{}: {}", name, set.error().message()));
    }
    origins.insert_or_assign(name, source.at(node.source()));
    return {};
}

Result<void> apply_table(const toml::table& root, const Source& source, Config& config,
                         Origins& origins) {
    for (auto&& [name, node] : root) {
        const std::string top(name.str());
        if (top == "webhooks") {
            TRY(apply_list(top, node, source, config.webhooks, apply_webhook_entry));
            origins.insert_or_assign(top, source.at(node.source()));
            continue;
        }
        if (top == "owners") {
            TRY(apply_list(top, node, source, config.owners, apply_owner_entry));
            origins.insert_or_assign(top, source.at(node.source()));
            continue;
        }
        if (top == "digest_recipients") {
            TRY(apply_list(top, node, source, config.digest_recipients, apply_digest_entry));
            origins.insert_or_assign(top, source.at(node.source()));
            continue;
        }
        const toml::table* section = node.as_table();
        if (section == nullptr) {
            TRY(apply_key(top, node, source, config, origins, name.source()));
            continue;
        }
        for (auto&& [inner, value] : *section) {
            TRY(apply_key(fmt::format("{}.{}", top, inner.str()), value, source, config, origins,
                          inner.source()));
        }
    }
    return {};
}

}  // namespace

Result<void> apply_toml(std::string_view text, std::string_view source, Config& config,
                        Origins& origins) {
    toml::table root;
    try {
        root = toml::parse(text, source);
    } catch (const toml::parse_error& error) {
        return Error(fmt::format("{}:{}: {}", source, error.source().begin.line,
                                 error.description()));
    }
    return apply_table(root, Source{source, true}, config, origins);
}

Result<void> apply_setting(std::string_view assignment, std::string_view origin, Config& config,
                           Origins& origins) {
    const auto equals = assignment.find('=');
    if (equals == std::string_view::npos || equals == 0) {
        return Error(fmt::format("{} {}: expected KEY=VALUE", origin, assignment));
    }
    const std::string_view name = assignment.substr(0, equals);
    const std::string_view value = assignment.substr(equals + 1);
    toml::table root;
    try {
        root = toml::parse(fmt::format("{} = {}", name, value));
    } catch (const toml::parse_error&) {
        // Not a TOML value: take it as a plain string. The key itself must still be valid.
        return apply_string(name, value, origin, config, origins);
    }
    // The origin is the flag alone ("--set"); errors name the key themselves.
    return apply_table(root, Source{origin, false}, config, origins);
}

Result<void> apply_string(std::string_view key_name, std::string_view value,
                          std::string_view origin, Config& config, Origins& origins) {
    const std::string where = fmt::format("{} {}", origin, key_name);
    const Key<Config>* spec = find_key(config_keys(), key_name);
    if (spec == nullptr) return Error(fmt::format("{}: unknown key '{}'", where, key_name));
    const toml::value<std::string> node{std::string(value)};
    if (auto set = spec->set(config, node); !set) {
        return Error(fmt::format("{}: {}", where, set.error().message()));
    }
    origins.insert_or_assign(std::string(key_name), std::string(origin));
    return {};
}

std::string print_config(const Config& config, const Origins& origins) {
    auto origin_of = [&](std::string_view name) -> std::string {
        auto found = origins.find(name);
        return found == origins.end() ? std::string("default") : found->second;
    };
    std::string out;
    for (const Key<Config>& spec : config_keys()) {
        out += fmt::format("{} {} = {}\n", origin_of(spec.name), spec.name, spec.show(config));
    }
    for (std::size_t i = 0; i < config.webhooks.size(); ++i) {
        for (const Key<WebhookConfig>& spec : webhook_keys()) {
            out += fmt::format("{} webhooks[{}].{} = {}\n", origin_of("webhooks"), i, spec.name,
                               spec.show(config.webhooks[i]));
        }
    }
    for (std::size_t i = 0; i < config.owners.size(); ++i) {
        for (const Key<OwnerConfig>& spec : owner_keys()) {
            out += fmt::format("{} owners[{}].{} = {}\n", origin_of("owners"), i, spec.name,
                               spec.show(config.owners[i]));
        }
    }
    for (std::size_t i = 0; i < config.digest_recipients.size(); ++i) {
        for (const Key<DigestRecipientConfig>& spec : digest_recipient_keys()) {
            out += fmt::format("{} digest_recipients[{}].{} = {}\n", origin_of("digest_recipients"),
                               i, spec.name, spec.show(config.digest_recipients[i]));
        }
    }
    if (config.webhooks.empty()) out += fmt::format("{} webhooks = []\n", origin_of("webhooks"));
    if (config.owners.empty()) out += fmt::format("{} owners = []\n", origin_of("owners"));
    if (config.digest_recipients.empty()) {
        out += fmt::format("{} digest_recipients = []\n", origin_of("digest_recipients"));
    }
    return out;
}

}  // namespace actiontrack::config
