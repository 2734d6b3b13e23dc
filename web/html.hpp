#pragma once
// Server-rendered HTML: escaping and the page frame. Everything that came from minutes or from
// a request goes through escape() before it reaches a page; nothing is ever inserted raw.

#include <string>
#include <string_view>

#include "web/context.hpp"

namespace actiontrack::web {

// & < > " ' replaced by entities; safe in element content and in quoted attribute values.
std::string escape(std::string_view text);

// A complete page: doctype, language, viewport, the stylesheet, the navigation (with log-in
// state from `context`), a <main> holding `body`, with `title` as <title> and <h1>.
Response html_page(const Context& context, std::string_view title, const std::string& body,
                   int status = 200);

// A 303 redirect (after a form post).
Response redirect(std::string location);

// A small HTML error page (for the dashboard; the API answers JSON).
Response html_error(const Context& context, int status, std::string_view message);

// The visible label of a RAG value: "Red: overdue", "Amber: due soon"... (never colour alone).
std::string_view rag_label(std::string_view rag);

}  // namespace actiontrack::web
