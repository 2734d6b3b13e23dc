// The sendmail transport: the message on the standard input of `sendmail -t -i`.

#include <fmt/core.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include "notify/mail_transport.hpp"

extern char** environ;

namespace actiontrack::notify {
namespace {

// Local MTAs expect Unix line ends on their input.
std::string unix_lines(std::string_view message) {
    std::string out;
    out.reserve(message.size());
    for (std::size_t i = 0; i < message.size(); ++i) {
        if (message[i] == '\r' && i + 1 < message.size() && message[i + 1] == '\n') continue;
        out += message[i];
    }
    return out;
}

DeliveryResult run_sendmail(const std::string& program, const std::string& message) {
    int fds[2];
    if (pipe(fds) != 0) return DeliveryResult::transient("sendmail: cannot create a pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    std::string arg_t = "-t";
    std::string arg_i = "-i";
    std::string arg0 = program;
    char* argv[] = {arg0.data(), arg_t.data(), arg_i.data(), nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[0]);
    if (spawned != 0) {
        close(fds[1]);
        return DeliveryResult::transient(fmt::format("sendmail: cannot run {}", program));
    }
    // A sendmail that exits early must not kill us with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    std::size_t written = 0;
    while (written < message.size()) {
        const ssize_t n = write(fds[1], message.data() + written, message.size() - written);
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    close(fds[1]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && written == message.size()) {
        return DeliveryResult::ok();
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 75) {
        return DeliveryResult::transient("sendmail: temporary failure (exit 75)");
    }
    return DeliveryResult::permanent(fmt::format("sendmail: failed (status {})", status));
}

}  // namespace

net::awaitable<DeliveryResult> SendmailTransport::send(Envelope envelope, std::string message) {
    // -t takes the recipients from the headers, which render_message wrote from the envelope.
    (void)envelope;
    co_return run_sendmail(m_program, unix_lines(message));
}

}  // namespace actiontrack::notify
