#pragma once
// How the web server reaches the daemon's single writer.
//
// The choice: the server's handlers run on the daemon's one io_context thread, the same thread
// that owns the writer Store (ingest, reminders). A handler runs to completion before the loop
// picks up anything else, so calling the writer directly from a handler is single-writer by
// construction: no lock, no queue. The cost is that a write blocks the loop for the length of
// one small SQLite transaction (well under a millisecond). If the server ever runs handlers on
// more threads, WriteGate is the one place to change: post to the writer's strand instead.

namespace actiontrack::store {
class Store;
}

namespace actiontrack::web {

class WriteGate {
  public:
    // `writer` must outlive the gate and be used only from the io_context thread.
    explicit WriteGate(store::Store& writer) : m_writer(&writer) {}
    store::Store& writer() { return *m_writer; }

  private:
    store::Store* m_writer;
};

}  // namespace actiontrack::web
