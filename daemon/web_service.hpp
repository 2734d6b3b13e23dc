#pragma once
// Starts the officer's web view (web::HttpServer) inside the daemon, on the daemon's event loop.

#include "common/result.hpp"

namespace actiontrack::service {
class ServiceContext;
}

namespace actiontrack::web_service {

// A ServiceHooks starter: does nothing when [http] enabled = false (`--http off`); otherwise
// listens on [http] address:port and stops with the daemon. Fails when the address cannot be
// bound or the register cannot be opened.
Result<void> start_web_server(service::ServiceContext& context);

}  // namespace actiontrack::web_service
