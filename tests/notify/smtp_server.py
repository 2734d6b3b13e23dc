"""A real SMTP server for the notify tests: Debian's aiosmtpd, run with /usr/bin/python3.

Listens on 127.0.0.1:PORT in one of three modes (--tls-mode):
  starttls  STARTTLS required before anything else, AUTH offered only after it (port 587 style);
  implicit  TLS from the first byte (port 465 style), AUTH offered at once;
  none      plain text, and AUTH offered in the clear (a client must refuse to use it).
--auth-mechanisms restricts what AUTH offers (e.g. "LOGIN"). Every AUTH attempt is appended to
OUT/auth.log as "MECHANISM tls=True|False"; each message accepted is written to OUT/N.eml (the
bytes as received, after SMTP un-stuffing) and OUT/N.json (envelope, TLS and AUTH facts, plus the
message parsed back with the email package). Writes OUT/ready once it accepts connections.
Stops on SIGTERM.
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
        tls = is_tls(server, session)
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
            "tls": tls,
            "authenticated": bool(session.authenticated),
            "auth_mechanism": getattr(session, "auth_mechanism", None),
            "auth_tls": getattr(session, "auth_tls", None),
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


def is_tls(server, session):
    # After STARTTLS aiosmtpd fills session.ssl; with implicit TLS only the transport knows.
    return session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None


def authenticator(user, password, out):
    def check(server, session, envelope, mechanism, auth_data):
        tls = is_tls(server, session)
        session.auth_mechanism = mechanism
        session.auth_tls = tls
        with open(os.path.join(out, "auth.log"), "a") as f:
            f.write(f"{mechanism} tls={tls}\n")
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
    parser.add_argument("--tls-mode", choices=["starttls", "implicit", "none"], default="starttls")
    parser.add_argument("--auth-mechanisms", default="",
                        help="space-separated mechanisms to offer, e.g. 'LOGIN'; default all")
    args = parser.parse_args()

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    options = dict(authenticator=authenticator(args.user, args.password, args.out),
                   server_hostname="localhost", ready_timeout=10)
    if args.auth_mechanisms:
        offered = set(args.auth_mechanisms.split())
        options["auth_exclude_mechanism"] = [m for m in ("PLAIN", "LOGIN") if m not in offered]
    if args.tls_mode == "starttls":
        options.update(tls_context=context, require_starttls=True, auth_require_tls=True)
    elif args.tls_mode == "implicit":
        # aiosmtpd's auth_require_tls only knows STARTTLS; the socket itself is TLS here.
        options.update(ssl_context=context, auth_require_tls=False)
    else:
        options.update(auth_require_tls=False)
    controller = Controller(Handler(args.out, args.reject), hostname="127.0.0.1", port=args.port,
                            **options)
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
