#pragma once
// Writing list counters the way documents print them: 3 → "3", "c", "C", "iii", "III".
// Shared by the HTML (<ol type>) and DOCX (w:numFmt) adapters.

#include <string>

namespace actiontrack::parsers {

enum class CounterStyle { decimal, lower_letter, upper_letter, lower_roman, upper_roman };

// Values below 1 print as decimal; letters continue "z", "aa", "bb" as Word and browsers do.
std::string format_counter(int value, CounterStyle style);

}  // namespace actiontrack::parsers
