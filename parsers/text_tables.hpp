#pragma once
// Action logs typed into plain text: "Action | Responsible Officer | Due date | Status" rows, or
// columns lined up with spaces as PDF-to-text converters write them. Rewritten as the
// "ACTION: <owner> to <action> by <due>." lines the action rules read, as the HTML and DOCX
// adapters do with their tables. Pure.

#include <optional>
#include <string>
#include <string_view>

namespace actiontrack::parsers {

// The text with every action-log table rewritten; nullopt when it has none (the usual case, so
// the text is not copied).
std::optional<std::string> rewrite_text_action_logs(std::string_view utf8);

}  // namespace actiontrack::parsers
