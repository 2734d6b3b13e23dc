"""A real SMTP server for the notify tests: Debian's aiosmtpd, run with /usr/bin/python3.

Listens on 127.0.0.1:PORT with STARTTLS (required) and AUTH PLAIN/LOGIN (only after TLS), and
writes each message it accepts to OUT/N.eml (the bytes as received, after SMTP un-stuffing) and
OUT/N.json (envelope, plus the message parsed back with the email package). Writes OUT/ready
once it accepts connections. Stops on SIGTERM.
"""
import argparse
import email
import email.policy
import json
import os
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, out, reject):
        self.out = out
        self.count = 0
        self.reject = reject
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.reject:
            return self.reject
        with self.lock:
            self.count += 1
            n = self.count
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for part in msg.walk():
            entry = {"content_type": part.get_content_type()}
            if not part.is_multipart():
                entry["filename"] = part.get_filename()
                payload = part.get_content()
                entry["content"] = payload if isinstance(payload, str) else payload.decode("utf-8", "replace")
            parts.append(entry)
        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
            "subject": str(msg["subject"]),
            "to": str(msg["to"]),
            "message_id": str(msg["message-id"]),
            "defects": [str(d) for d in msg.defects],
            "parts": parts,
        }
        base = os.path.join(self.out, str(n))
        with open(base + ".eml", "wb") as f:
            f.write(raw)
        with open(base + ".json.tmp", "w") as f:
            json.dump(summary, f)
        os.rename(base + ".json.tmp", base + ".json")
        return "250 OK queued"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() \
            and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)
    return check


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--user", default="reminders")
    parser.add_argument("--password", default="s3cret")
    parser.add_argument("--reject", default="", help="reply to DATA, e.g. '550 no'")
    args = parser.parse_args()

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    controller = Controller(
        Handler(args.out, args.reject), hostname="127.0.0.1", port=args.port,
        tls_context=context, require_starttls=True,
        authenticator=authenticator(args.user, args.password), auth_require_tls=True,
        server_hostname="localhost", ready_timeout=10)
    controller.start()
    with open(os.path.join(args.out, "ready"), "w") as f:
        f.write("ready\n")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
