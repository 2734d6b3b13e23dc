// The web view inside the real daemon: reads are answered by the server's threads, and a write
// through the API goes through the daemon's own writer (the one ingest uses) while ingest goes
// on. The HTTP client is a few lines of POSIX sockets: this suite does not link Beast.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "daemon_harness.hpp"

namespace actiontrack::daemon_testing {
namespace {

// sha256("test-token"): the register keeps only a token's hash.
constexpr const char* k_token = "test-token";
constexpr const char* k_token_sha256 =
    "4c5dc9b7708905f77f5e5d16316b5dfb425e68cb326dcd55a860e90a7707031e";

// A loopback port nobody listens on right now.
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t size = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    ::close(fd);
    return ntohs(address.sin_port);
}

// One request with "Connection: close"; the whole answer, or "" when nothing listens.
std::string http(int port, const std::string& method, const std::string& target,
                 const std::string& body = "") {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return "";
    }
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                          "Connection: close\r\nAuthorization: Bearer " + k_token + "\r\n";
    if (!body.empty()) {
        request +=
            "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
            "\r\n";
    }
    request += "\r\n" + body;
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string answer;
    char chunk[4096];
    for (ssize_t n; (n = ::recv(fd, chunk, sizeof chunk, 0)) > 0;) {
        answer.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return answer;
}

bool add_token(const fs::path& db) {
    sqlite3* handle = nullptr;
    if (sqlite3_open(db.c_str(), &handle) != SQLITE_OK) return false;
    sqlite3_busy_timeout(handle, 5000);
    const std::string sql =
        std::string("INSERT INTO api_tokens (name, sha256, created_at) VALUES ('tester', '") +
        k_token_sha256 + "', '2026-11-26T00:00:00Z')";
    const bool ok = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(handle);
    return ok;
}

TEST(DaemonWeb, WritesFromTheApiGoThroughTheDaemonsWriter) {
    Workspace workspace;
    const int port = free_port();
    DaemonProcess daemon(workspace, {"--http", "127.0.0.1:" + std::to_string(port), "--set",
                                     "drop.settle_seconds=0.1"});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    workspace.drop_by_rename("one.txt", minutes(1));
    ASSERT_TRUE(wait_until([&] {
        return query_int(workspace.db(), "SELECT COUNT(*) FROM actions") > 0;
    })) << daemon.log();
    ASSERT_TRUE(add_token(workspace.db()));

    EXPECT_NE(http(port, "GET", "/healthz").find("200 OK"), std::string::npos) << daemon.log();
    const std::int64_t id = query_int(workspace.db(), "SELECT MIN(id) FROM actions");
    const std::string answer = http(port, "PATCH", "/api/actions/" + std::to_string(id),
                                    R"({"status":"done","note":"closed from the API"})");
    ASSERT_NE(answer.find("200 OK"), std::string::npos) << answer << daemon.log();
    EXPECT_NE(answer.find("\"status\":\"done\""), std::string::npos);
    EXPECT_EQ(query_int(workspace.db(), "SELECT COUNT(*) FROM action_events WHERE who = 'tester'"),
              2);
    // The home page's counts follow at once (they come from the tallies the triggers keep).
    EXPECT_NE(http(port, "GET", "/").find("done this month"), std::string::npos);

    // Ingest goes on beside the API's writes: the same writer, one at a time.
    workspace.drop_by_rename("two.txt", minutes(2));
    EXPECT_TRUE(wait_until([&] {
        return query_int(workspace.db(),
                         "SELECT COUNT(*) FROM documents WHERE status = 'ingested'") == 2;
    })) << daemon.log();
    EXPECT_EQ(daemon.stop(), 0) << daemon.log();
}

}  // namespace
}  // namespace actiontrack::daemon_testing
