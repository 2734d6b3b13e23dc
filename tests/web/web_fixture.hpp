#pragma once
// A real server on a free loopback port, over a register holding the example minutes, and a
// real Beast client to talk to it. The server runs on its own io_context thread; the test thread
// only talks HTTP to it (the writer Store belongs to the server thread once it has started).

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace actiontrack::web::testing {

struct Reply {
    int status = 0;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
    std::string header(const std::string& name) const {
        auto found = headers.find(name);
        return found == headers.end() ? std::string() : found->second;
    }
};

// One request on a fresh connection; `headers` as name → value.
Reply http_request(std::uint16_t port, std::string_view method, std::string_view target,
           std::string_view body = "",
           const std::vector<std::pair<std::string, std::string>>& headers = {});

// Sends `raw` bytes as they are and returns everything the server answers until it closes.
std::string raw_http(std::uint16_t port, std::string_view raw);

// The example minutes folder (examples/minutes).
std::filesystem::path examples_dir();

class WebServerTest : public ::testing::Test {
  protected:
    WebServerTest();
    ~WebServerTest() override;
    void SetUp() override;
    void TearDown() override;

    // Ingests a document into the register; only before the server starts (SetUp ingests the
    // examples and calls start_server() unless a test overrides extra_minutes()).
    virtual std::vector<std::pair<std::string, std::string>> extra_minutes() { return {}; }
    // WebSettings::threads for the server (0: the loop thread answers everything).
    virtual std::size_t serving_threads() { return 2; }

    Reply get(std::string_view target,
              const std::vector<std::pair<std::string, std::string>>& headers = {}) {
        return http_request(m_port, "GET", target, "", headers);
    }
    Reply send(std::string_view method, std::string_view target, std::string_view body,
               std::vector<std::pair<std::string, std::string>> headers = {}) {
        return http_request(m_port, method, target, body, headers);
    }
    std::pair<std::string, std::string> auth() const {
        return {"Authorization", "Bearer " + m_token};
    }

    std::filesystem::path m_dir;
    std::string m_db;
    std::string m_token;
    std::uint16_t m_port = 0;

  private:
    struct Running;
    std::unique_ptr<Running> m_running;
};

}  // namespace actiontrack::web::testing
