// config_parser: values, errors with SOURCE:LINE, --set, validation and printing.

#include <gtest/gtest.h>

#include "daemon/config_parser.hpp"

namespace actiontrack::config {
namespace {

struct ErrorCase {
    const char* name;
    const char* toml;
    const char* expected;  // a substring of the error
};

class ConfigErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ConfigErrors, AreLocated) {
    Config config;
    Origins origins;
    auto applied = apply_toml(GetParam().toml, "test.toml", config, origins);
    ASSERT_FALSE(applied);
    EXPECT_NE(applied.error().message().find(GetParam().expected), std::string::npos)
        << applied.error().message();
}

INSTANTIATE_TEST_SUITE_P(
    Table, ConfigErrors,
    ::testing::Values(
        ErrorCase{"unknown_top", "colour = 1\n", "test.toml:1: unknown key 'colour'"},
        ErrorCase{"unknown_section_key", "\n[drop]\nfolder = \"x\"\nsettle = 1\n",
                  "test.toml:4: unknown key 'drop.settle'"},
        ErrorCase{"unknown_section", "[dorp]\nfolder = \"x\"\n",
                  "test.toml:2: unknown key 'dorp.folder'"},
        ErrorCase{"wrong_type", "[http]\nport = \"80\"\n",
                  "test.toml:2: http.port: expected a whole number"},
        ErrorCase{"out_of_range", "[http]\nport = 70000\n",
                  "test.toml:2: http.port: must be between 1 and 65535"},
        ErrorCase{"bad_enum", "[smtp]\nsecurity = \"ssl\"\n",
                  "smtp.security: 'ssl' is not one of \"starttls\", \"tls\" or \"none\""},
        ErrorCase{"negative_seconds", "[drop]\nsettle_seconds = -1\n",
                  "test.toml:2: drop.settle_seconds: must be between 0 and 3600"},
        ErrorCase{"array_element", "[drop]\nignore = [\"*.bak\", 3]\n",
                  "drop.ignore: in the array: expected a string"},
        ErrorCase{"syntax", "[drop]\nfolder = \n", "test.toml:2:"},
        ErrorCase{"webhook_key", "[[webhooks]]\nurl = \"https://x\"\nsign = \"s\"\n",
                  "test.toml:3: unknown key 'webhooks.sign'"},
        ErrorCase{"owner_type", "[[owners]]\nname = \"A\"\nactive = \"yes\"\n",
                  "test.toml:3: owners.active: expected true or false"},
        ErrorCase{"webhooks_not_array", "webhooks = 3\n", "webhooks: expected an array"}),
    [](const auto& case_info) { return std::string(case_info.param.name); });

TEST(Config, ValuesAreReadAndOriginsRecorded) {
    Config config;
    Origins origins;
    auto applied = apply_toml(R"(
log_level = "debug"
[drop]
folder = "/srv/drop"
settle_seconds = 0.25
rescan_interval_seconds = 60
ignore = ["*.bak"]
after_ingest = "leave"
[[owners]]
name = "Head of Finance"
email = "finance@example.org"
aliases = ["HoF"]
[[webhooks]]
url = "https://hooks.example.org/x"
secret = "0123456789abcdef0123"
)",
                              "a.toml", config, origins);
    ASSERT_TRUE(applied) << applied.error().message();
    EXPECT_EQ(config.log_level, LogLevel::debug);
    EXPECT_EQ(config.drop.folder, "/srv/drop");
    EXPECT_EQ(config.drop.settle, std::chrono::milliseconds(250));
    EXPECT_EQ(config.drop.rescan_interval, std::chrono::seconds(60));
    EXPECT_EQ(config.drop.ignore, std::vector<std::string>{"*.bak"});
    EXPECT_EQ(config.drop.after_ingest, AfterIngest::leave);
    ASSERT_EQ(config.owners.size(), 1u);
    EXPECT_EQ(config.owners[0].aliases, std::vector<std::string>{"HoF"});
    ASSERT_EQ(config.webhooks.size(), 1u);
    EXPECT_EQ(config.webhooks[0].secrets.size(), 1u);
    EXPECT_EQ(origins.at("drop.settle_seconds"), "a.toml:5");
    EXPECT_TRUE(validate(config, origins)) << validate(config, origins).error().message();
}

TEST(Config, SettingsReadTomlValuesOrPlainStrings) {
    Config config;
    Origins origins;
    ASSERT_TRUE(apply_setting("drop.settle_seconds=0.5", "--set", config, origins));
    ASSERT_TRUE(apply_setting("drop.watch=poll", "--set", config, origins));
    ASSERT_TRUE(apply_setting("drop.ignore=[\"*.x\"]", "--set", config, origins));
    EXPECT_EQ(config.drop.settle, std::chrono::milliseconds(500));
    EXPECT_EQ(config.drop.watch, WatchMode::poll);
    EXPECT_EQ(config.drop.ignore, std::vector<std::string>{"*.x"});
    EXPECT_EQ(origins.at("drop.watch"), "--set");
    auto unknown = apply_setting("drop.nope=1", "--set", config, origins);
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message().find("unknown key 'drop.nope'"), std::string::npos);
    EXPECT_FALSE(apply_setting("novalue", "--set", config, origins));
}

struct ValidationCase {
    const char* name;
    const char* toml;
    const char* expected;
};

class ConfigValidation : public ::testing::TestWithParam<ValidationCase> {};

TEST_P(ConfigValidation, NamesTheKeyAndItsOrigin) {
    Config config;
    Origins origins;
    ASSERT_TRUE(apply_toml(GetParam().toml, "v.toml", config, origins));
    auto valid = validate(config, origins);
    ASSERT_FALSE(valid);
    EXPECT_NE(valid.error().message().find(GetParam().expected), std::string::npos)
        << valid.error().message();
}

INSTANTIATE_TEST_SUITE_P(
    Table, ConfigValidation,
    ::testing::Values(
        ValidationCase{"no_drop", "log_level = \"info\"\n", "default: drop.folder: no drop folder"},
        ValidationCase{"zone", "time_zone = \"Europe London\"\n[drop]\nfolder=\"d\"\n",
                       "v.toml:1: time_zone:"},
        ValidationCase{"quiet", "[drop]\nfolder=\"d\"\n[notify]\nquiet_hours_start = \"25:00\"\n",
                       "v.toml:4: notify.quiet_hours_start"},
        ValidationCase{"plain_smtp",
                       "[drop]\nfolder=\"d\"\n[smtp]\nhost=\"mail.example.org\"\nfrom=\"a@b.c\"\n"
                       "security=\"none\"\n",
                       "v.toml:6: smtp.security"},
        ValidationCase{"smtp_from", "[drop]\nfolder=\"d\"\n[smtp]\nhost=\"mail.example.org\"\n",
                       "smtp.from"},
        ValidationCase{"webhook_url", "[drop]\nfolder=\"d\"\n[[webhooks]]\nurl=\"ftp://x\"\n",
                       "webhooks[0].url"},
        ValidationCase{"webhook_secret",
                       "[drop]\nfolder=\"d\"\n[[webhooks]]\nurl=\"https://x\"\nsecret=\"short\"\n",
                       "webhooks[0].secrets"},
        ValidationCase{"owner_twice",
                       "[drop]\nfolder=\"d\"\n[[owners]]\nname=\"A\"\n[[owners]]\nname=\"A\"\n",
                       "owners[1].name: 'A' is listed twice"},
        ValidationCase{"notify_without_way_out", "[drop]\nfolder=\"d\"\n[notify]\nenabled=true\n",
                       "v.toml:4: notify.enabled"}),
    [](const auto& case_info) { return std::string(case_info.param.name); });

TEST(Config, PrintShowsEveryKeyWithItsOriginAndMasksSecrets) {
    Config config;
    Origins origins;
    ASSERT_TRUE(apply_toml("[drop]\nfolder = \"/d\"\n[[webhooks]]\nurl = \"https://x\"\n"
                           "secrets = [\"0123456789abcdefXYZ\"]\n",
                           "p.toml", config, origins));
    const std::string printed = print_config(config, origins);
    EXPECT_NE(printed.find("p.toml:2 drop.folder = \"/d\"\n"), std::string::npos) << printed;
    EXPECT_NE(printed.find("default drop.settle_seconds = 1\n"), std::string::npos) << printed;
    EXPECT_NE(printed.find("default time_zone = \"Europe/London\"\n"), std::string::npos);
    EXPECT_NE(printed.find("webhooks[0].secrets = (1 secret, not shown)"), std::string::npos)
        << printed;
    EXPECT_EQ(printed.find("0123456789abcdefXYZ"), std::string::npos);
}

}  // namespace
}  // namespace actiontrack::config
