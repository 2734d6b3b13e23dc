#pragma once
// How the web server reaches the daemon's single writer.
//
// The choice: the server runs every request that writes on the loop (the io_context whose
// thread owns the writer Store: the daemon's event loop, where ingest and reminders write too;
// see http_server.cpp). A handler runs to completion before the loop picks up anything else,
// so calling the writer directly from such a handler is single-writer by construction: no
// lock, no queue. The cost is that a write holds the loop for one small SQLite transaction
// (well under a millisecond). Reads never come here: the serving threads answer them with
// their own read-only connections.

namespace actiontrack::store {
class Store;
}

namespace actiontrack::web {

class WriteGate {
  public:
    // `writer` must outlive the gate and be used only from the loop's thread.
    explicit WriteGate(store::Store& writer) : m_writer(&writer) {}
    store::Store& writer() { return *m_writer; }

  private:
    store::Store* m_writer;
};

}  // namespace actiontrack::web
