#include "web_fixture.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fstream>
#include <random>
#include <sstream>

#include "parsers/extract.hpp"
#include "store/store.hpp"
#include "web/auth.hpp"
#include "web/http_server.hpp"
#include "web/write_gate.hpp"

namespace actiontrack::web::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

Reply http_request(std::uint16_t port, std::string_view method, std::string_view target,
           std::string_view body, const std::vector<std::pair<std::string, std::string>>& headers) {
    net::io_context io;
    beast::tcp_stream stream(io);
    stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> request;
    request.method_string(std::string(method));
    request.target(std::string(target));
    request.version(11);
    request.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = std::string(body);
    request.prepare_payload();
    stream.expires_after(std::chrono::seconds(20));
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(256 * 1024 * 1024);
    if (method == "HEAD") parser.skip(true);
    http::read(stream, buffer, parser);
    Reply reply;
    reply.status = static_cast<int>(parser.get().result_int());
    for (const auto& field : parser.get()) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string& slot = reply.headers[name];
        if (!slot.empty()) slot += "\n";
        slot += std::string(field.value());
    }
    reply.body = parser.get().body();
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    return reply;
}

std::string raw_http(std::uint16_t port, std::string_view raw) {
    net::io_context io;
    beast::tcp_stream stream(io);
    stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    stream.expires_after(std::chrono::seconds(20));
    net::write(stream, net::buffer(raw.data(), raw.size()));
    std::string answer;
    std::array<char, 4096> chunk{};
    beast::error_code ec;
    while (true) {
        const std::size_t n = stream.read_some(net::buffer(chunk), ec);
        answer.append(chunk.data(), n);
        if (ec) break;
    }
    return answer;
}

std::filesystem::path examples_dir() {
    return std::filesystem::path(ACTIONTRACK_SOURCE_DIR) / "examples" / "minutes";
}

struct WebServerTest::Running {
    std::unique_ptr<store::Store> writer;
    std::unique_ptr<WriteGate> gate;
    net::io_context io{1};
    std::unique_ptr<HttpServer> server;
    std::thread thread;
};

namespace {

void ingest(store::Store& store, const std::string& path, const std::string& bytes) {
    const store::DocumentInput input{path, sha256_hex(bytes), static_cast<std::int64_t>(bytes.size())};
    auto report = store.ingest(input, parsers::extract(bytes));
    ASSERT_TRUE(report) << report.error().message();
}

}  // namespace

WebServerTest::WebServerTest() = default;
WebServerTest::~WebServerTest() = default;

void WebServerTest::SetUp() {
    std::random_device random;
    m_dir = std::filesystem::temp_directory_path() /
            ("actiontrack-web-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(m_dir);
    m_db = (m_dir / "register.db").string();
    m_running = std::make_unique<Running>();
    auto store = store::Store::open(m_db);
    ASSERT_TRUE(store) << store.error().message();
    m_running->writer = std::make_unique<store::Store>(std::move(*store));
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(examples_dir())) {
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        ingest(*m_running->writer, file.string(), bytes.str());
    }
    for (const auto& [path, bytes] : extra_minutes()) ingest(*m_running->writer, path, bytes);
    ASSERT_TRUE(m_running->writer->record_failure(
        store::DocumentInput{"/drop/broken.pdf", "", 0}, "not a document: binary content"));
    auto secret = random_secret();
    ASSERT_TRUE(secret);
    m_token = *secret;
    ASSERT_TRUE(m_running->writer->add_token("alice", sha256_hex(m_token)));

    m_running->gate = std::make_unique<WriteGate>(*m_running->writer);
    WebSettings settings;
    settings.port = 0;
    settings.public_url = "http://actions.test";
    settings.threads = serving_threads();
    m_running->server = std::make_unique<HttpServer>(m_running->io, settings, m_db,
                                                     *m_running->gate);
    auto started = m_running->server->start();
    ASSERT_TRUE(started) << started.error().message();
    m_port = m_running->server->port();
    m_running->thread = std::thread([this] { m_running->io.run(); });
}

void WebServerTest::TearDown() {
    if (m_running && m_running->thread.joinable()) {
        net::post(m_running->io, [this] { m_running->server->stop(); });
        m_running->thread.join();
    }
    m_running.reset();
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
}

}  // namespace actiontrack::web::testing
