"""A hostile SMTP server for one notify test: it answers STARTTLS with "220" and, in the same
write, a forged reply ("554 injected before TLS"), then upgrades the connection to TLS and goes
on as an honest server. A client that kept the forged line in its buffer reads it as the reply
to its first command over TLS (the STARTTLS injection class of bugs, CVE-2011-0411); a careful
client throws away whatever arrived in plain text and delivers.

Listens on 127.0.0.1:PORT, serves connections one after another, writes each accepted message
to OUT/N.eml, and OUT/ready once it listens. Run with /usr/bin/python3; stops on SIGTERM.
"""
import argparse
import asyncio
import os
import signal
import ssl


async def serve(reader, writer, context, out, counter):
    async def line():
        return (await reader.readline()).decode("ascii", "replace").strip()

    async def say(text):
        writer.write(text.encode("ascii"))
        await writer.drain()

    await say("220 injector ready\r\n")
    await line()  # EHLO
    await say("250-injector\r\n250 STARTTLS\r\n")
    if (await line()).upper() != "STARTTLS":
        writer.close()
        return
    await say("220 go ahead\r\n554 injected before TLS\r\n")
    await writer.start_tls(context)
    while True:
        command = await line()
        verb = command.split(" ", 1)[0].upper()
        if verb == "EHLO":
            await say("250-injector\r\n250 8BITMIME\r\n")
        elif verb in ("MAIL", "RCPT"):
            await say("250 ok\r\n")
        elif verb == "DATA":
            await say("354 go on\r\n")
            data = await reader.readuntil(b"\r\n.\r\n")
            counter[0] += 1
            with open(os.path.join(out, f"{counter[0]}.eml"), "wb") as f:
                f.write(data)
            await say("250 accepted\r\n")
        elif verb == "QUIT":
            await say("221 bye\r\n")
            break
        else:
            await say("502 not here\r\n")
            if not command:
                break
    writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    args = parser.parse_args()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    counter = [0]
    server = await asyncio.start_server(
        lambda r, w: serve(r, w, context, args.out, counter), "127.0.0.1", args.port)
    with open(os.path.join(args.out, "ready"), "w") as f:
        f.write("ready\n")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(main())
