#pragma once
// The register's actions as the three formats `list` offers (and `ingest`/`done` reuse):
// a readable table, a JSON array and RFC 4180 CSV.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace actiontrack::cli {

enum class OutputFormat { table, json, csv };

// "table", "json" or "csv"; nullopt for anything else.
std::optional<OutputFormat> parse_output_format(std::string_view text);

// Columns id, reference, owner, due, status, text (truncated to fit a terminal). The due column
// shows the ISO date, else the due phrase as written, else "-". Empty input gives just the header.
std::string actions_table(std::span<const store::ActionRow> rows);

// An array of objects with every ActionRow field under its own name; absent values (and an
// empty committee or item) are null.
std::string actions_json(std::span<const store::ActionRow> rows);

// A header record and one record per action, with the same fields as the JSON.
std::string actions_csv(std::span<const store::ActionRow> rows);

std::string render_actions(std::span<const store::ActionRow> rows, OutputFormat format);

}  // namespace actiontrack::cli
