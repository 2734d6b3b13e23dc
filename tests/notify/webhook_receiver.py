"""A real HTTP(S) webhook receiver for the notify tests (python3 http.server, loopback only).

Verifies the Standard Webhooks signature independently (HMAC-SHA256 over id.timestamp.body with
the Base64 key after "whsec_"), records each request as OUT/N.json, and answers as OUT/mode
says: "ok" (204), "500", "410", "302", "503-date" (503 with Retry-After as an HTTP-date two
minutes ahead), or "hang" (never answers). With --cert and --key it speaks HTTPS only. Writes
OUT/ready when up.
"""
import argparse
import base64
import email.utils
import hashlib
import hmac
import json
import os
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def verify(secret, headers, body):
    key = base64.b64decode(secret[len("whsec_"):])
    signed = f"{headers.get('webhook-id')}.{headers.get('webhook-timestamp')}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for sig in headers.get("webhook-signature", "").split(" "):
        version, _, value = sig.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return True
    return False


def make_handler(out, secret, counter, tls):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length)
            with counter["lock"]:
                counter["n"] += 1
                n = counter["n"]
            record = {
                "path": self.path,
                "id": self.headers.get("webhook-id"),
                "timestamp": self.headers.get("webhook-timestamp"),
                "signature": self.headers.get("webhook-signature"),
                "verified": verify(secret, self.headers, body),
                "tls": tls,
                "body": json.loads(body.decode("utf-8")),
            }
            with open(os.path.join(out, f"{n}.json.tmp"), "w") as f:
                json.dump(record, f)
            os.rename(os.path.join(out, f"{n}.json.tmp"), os.path.join(out, f"{n}.json"))
            try:
                with open(os.path.join(out, "mode")) as f:
                    mode = f.read().strip()
            except FileNotFoundError:
                mode = "ok"
            if mode == "hang":
                time.sleep(30)
                return
            if mode == "302":
                self.send_response(302)
                self.send_header("Location", "http://127.0.0.1:1/elsewhere")
            elif mode in ("500", "410"):
                self.send_response(int(mode))
            elif mode == "503-date":
                self.send_response(503)
                self.send_header("Retry-After", email.utils.formatdate(time.time() + 120,
                                                                       usegmt=True))
            else:
                self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--cert", help="PEM certificate: serve HTTPS")
    parser.add_argument("--key", help="its PEM key")
    args = parser.parse_args()
    counter = {"n": 0, "lock": threading.Lock()}
    tls = bool(args.cert)
    server = ThreadingHTTPServer(("127.0.0.1", args.port),
                                 make_handler(args.out, args.secret, counter, tls))
    server.daemon_threads = True
    if tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    with open(os.path.join(args.out, "ready"), "w") as f:
        f.write("ready\n")
    server.serve_forever()


if __name__ == "__main__":
    main()
