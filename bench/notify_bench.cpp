// Reminder benchmarks (issue 4): the policy over 100,000 open actions (target <= 200 ms), the
// digest for 100,000 open actions (target <= 1 s), and SMTP messages/s to a local aiosmtpd
// (STARTTLS + AUTH, one conversation per message, as the notifier sends). One summary line each.
//
// Usage: notify_bench [SMTP_SERVER_SCRIPT]  (the SMTP figure is skipped without the script)

#include <date/tz.h>
#include <fmt/core.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "notify/digest.hpp"
#include "notify/mail_transport.hpp"
#include "notify/mime.hpp"
#include "notify/policy.hpp"
#include "notify/time_text.hpp"

extern char** environ;

namespace {

using namespace actiontrack::notify;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<PolicyAction> make_actions(int count, OwnerDirectory& owners) {
    for (int i = 0; i < 500; ++i) {
        owners.add(Person{i + 1, fmt::format("Officer {}", i), fmt::format("o{}@example.org", i),
                          i % 10 == 0 ? "America/New_York" : "", true},
                   {});
    }
    std::vector<PolicyAction> actions;
    actions.reserve(static_cast<std::size_t>(count));
    const Date base = *parse_date("2024-05-17");
    for (int i = 0; i < count; ++i) {
        PolicyAction a;
        a.id = i + 1;
        a.reference = fmt::format("CTTEE/24-25/{}.A1", i);
        a.committee = fmt::format("Committee {}", i % 20);
        a.item = std::to_string(i % 50);
        a.text = "Provide a written briefing on the budget position to members of the panel";
        if (i % 7 != 0) a.owner = fmt::format("Officer {}", i % 600);  // some unknown owners
        if (i % 5 != 0) a.due = base + std::chrono::days{(i % 120) - 60};
        a.status = "open";
        a.created_at = *parse_instant("2024-03-01T09:00:00Z");
        actions.push_back(std::move(a));
    }
    return actions;
}

const date::time_zone* zone(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return nullptr;
    }
}

void bench_policy_and_digest() {
    OwnerDirectory owners;
    const auto actions = make_actions(100'000, owners);
    const Person scrutiny{9999, "Scrutiny Officer", "scrutiny@example.org", "", true};
    const std::vector<SentEntry> sent;
    const Instant now = *parse_instant("2024-05-17T09:00:00Z");
    zone("Europe/London");  // load the zone database outside the timing
    double best = 1e9;
    std::size_t messages = 0;
    for (int run = 0; run < 5; ++run) {
        const auto start = Clock::now();
        const auto result =
            compute_notifications({actions, sent, owners, scrutiny, now}, PolicyConfig{}, zone);
        best = std::min(best, ms_since(start));
        messages = result.notifications.size();
    }
    fmt::print("policy: 100000 open actions -> {} messages in {:.1f} ms (target <= 200 ms)\n",
               messages, best);

    const std::vector<ResolutionFacts> resolutions;
    const std::vector<std::string> dead;
    best = 1e9;
    std::size_t bytes = 0;
    for (int run = 0; run < 3; ++run) {
        const auto start = Clock::now();
        const Digest digest =
            render_digest({actions, resolutions, dead, owners, "Scrutiny Officer",
                           "Scrutiny Officer", std::nullopt, *parse_date("2024-05-20"),
                           now - std::chrono::days{7}, std::string("https://actions.example.org")});
        best = std::min(best, ms_since(start));
        bytes = digest.text.size() + digest.html.size();
    }
    fmt::print("digest: 100000 open actions -> {:.1f} MB text+HTML in {:.1f} ms (target <= 1 s)\n",
               static_cast<double>(bytes) / 1e6, best);
}

pid_t spawn(std::vector<std::string> argv) {
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    pid_t pid = -1;
    posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ);
    return pid;
}

void bench_smtp(const std::string& script) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / fmt::format("notify-bench-{}", getpid());
    fs::create_directories(dir / "mail");
    int status = 0;
    waitpid(spawn({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                   "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                   "-keyout", (dir / "key.pem").string(), "-out", (dir / "cert.pem").string()}),
            &status, 0);
    const int port = 20000 + getpid() % 20000;
    const pid_t server = spawn({"/usr/bin/python3", script, "--port", std::to_string(port), "--out",
                                (dir / "mail").string(), "--cert", (dir / "cert.pem").string(),
                                "--key", (dir / "key.pem").string()});
    for (int i = 0; i < 200 && !fs::exists(dir / "mail" / "ready"); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    SmtpSettings settings;
    settings.host = "localhost";
    settings.port = static_cast<std::uint16_t>(port);
    settings.ca_file = (dir / "cert.pem").string();
    settings.username = "reminders";
    settings.password = "s3cret";
    settings.helo_name = "bench.example";
    MailMessage m;
    m.from = {"Reminders", "reminders@example.org"};
    m.to = {{"Officer", "officer@example.org"}};
    m.subject = "Reminder";
    m.text = std::string(2000, 'x');
    m.html = "<p>" + std::string(2000, 'x') + "</p>";
    m.message_id = "bench@example.org";
    const std::string message = *render_message(m);
    const int count = 200;
    const auto start = Clock::now();
    int delivered = 0;
    for (int i = 0; i < count; ++i) {
        boost::asio::io_context io;
        auto future = boost::asio::co_spawn(
            io,
            smtp_send(settings, Envelope{"reminders@example.org", {"officer@example.org"}},
                      message),
            boost::asio::use_future);
        io.run();
        if (future.get().disposition == Disposition::delivered) ++delivered;
    }
    const double seconds = ms_since(start) / 1000.0;
    fmt::print(
        "smtp: {} of {} messages (STARTTLS + AUTH, one connection each) in {:.2f} s = "
        "{:.0f} msgs/s\n",
        delivered, count, seconds, delivered / seconds);
    kill(server, SIGTERM);
    waitpid(server, &status, 0);
    fs::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
    bench_policy_and_digest();
    if (argc > 1) bench_smtp(argv[1]);
    return 0;
}
