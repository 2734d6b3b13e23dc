// Debian's chromium, headless, against the real server with the example minutes ingested:
// the rendered DOM shows an overdue action with its owner and RAG label, and a screenshot of
// the dashboard is saved into the build folder (dashboard.png). Skipped without chromium.
//
// "Logs in and marks an action done" is driven with the same form posts and cookies the page
// uses, by a real HTTP client (dashboard_test.cpp, LogInAndMarkAnActionDone), not through the
// DevTools protocol; here chromium renders the result of that flow.

#include <boost/json/parse.hpp>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "web_fixture.hpp"

namespace actiontrack::web::testing {
namespace {

namespace json = boost::json;

constexpr const char* k_chromium = "/usr/bin/chromium";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

class BrowserTest : public WebServerTest {
  protected:
    // Runs chromium with the flags from the README and `extra`, output to `out`; its exit code.
    int chromium(const std::string& extra, const std::filesystem::path& out) {
        const std::filesystem::path profile = m_dir / ("chromium-" + std::to_string(++m_runs));
        std::filesystem::create_directories(profile);
        const std::string command =
            std::string("timeout 90 ") + k_chromium +
            " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
            " --disable-background-networking --disable-component-update --disable-sync"
            " --disable-dev-shm-usage --user-data-dir=" + profile.string() + " " + extra +
            " > " + out.string() + " 2> " + (m_dir / "chromium.log").string();
        return std::system(command.c_str());
    }
    int m_runs = 0;
};

TEST_F(BrowserTest, DashboardShowsTheOverdueActionAndItsOwner) {
    if (!std::filesystem::exists(k_chromium)) GTEST_SKIP() << "chromium is not installed";
    const auto overdue = json::parse(get("/api/actions?overdue=true&limit=1000").body);
    std::string owner;
    std::string reference;
    for (const auto& action : overdue.at("actions").as_array()) {
        if (!action.at("owner").is_null()) {
            owner = std::string(action.at("owner").as_string());
            reference = std::string(action.at("reference").as_string());
            break;
        }
    }
    ASSERT_FALSE(owner.empty()) << "the examples have an overdue action with an owner";

    const std::string url = "http://127.0.0.1:" + std::to_string(m_port) + "/";
    const auto dom_file = m_dir / "dom.html";
    ASSERT_EQ(chromium("--dump-dom " + url, dom_file), 0) << read_file(m_dir / "chromium.log");
    const std::string dom = read_file(dom_file);
    EXPECT_NE(dom.find("Outstanding actions"), std::string::npos) << dom.substr(0, 500);
    EXPECT_NE(dom.find(reference), std::string::npos) << reference;
    EXPECT_NE(dom.find(owner), std::string::npos) << owner;
    EXPECT_NE(dom.find("Red: overdue"), std::string::npos);

    const std::filesystem::path screenshot =
        std::filesystem::path(ACTIONTRACK_BUILD_DIR) / "dashboard.png";
    std::filesystem::remove(screenshot);
    ASSERT_EQ(chromium("--window-size=1280,1600 --screenshot=" + screenshot.string() + " " + url,
                       m_dir / "screenshot.out"),
              0)
        << read_file(m_dir / "chromium.log");
    ASSERT_TRUE(std::filesystem::exists(screenshot));
    EXPECT_GT(std::filesystem::file_size(screenshot), 10000u);
}

}  // namespace
}  // namespace actiontrack::web::testing
