#include "parsers/formats/list_labels.hpp"

#include <array>

namespace actiontrack::parsers {

namespace {

std::string roman(int value, bool upper) {
    constexpr std::array<std::pair<int, std::string_view>, 13> k_numerals = {{{1000, "m"},
                                                                              {900, "cm"},
                                                                              {500, "d"},
                                                                              {400, "cd"},
                                                                              {100, "c"},
                                                                              {90, "xc"},
                                                                              {50, "l"},
                                                                              {40, "xl"},
                                                                              {10, "x"},
                                                                              {9, "ix"},
                                                                              {5, "v"},
                                                                              {4, "iv"},
                                                                              {1, "i"}}};
    std::string out;
    for (const auto& [amount, numeral] : k_numerals) {
        while (value >= amount) {
            out.append(numeral);
            value -= amount;
        }
    }
    if (upper)
        for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

}  // namespace

std::string format_counter(int value, CounterStyle style) {
    // Beyond these, documents print nonsense anyway; decimal keeps the label short and bounded.
    if (value < 1 || value > 3999) style = CounterStyle::decimal;
    switch (style) {
        case CounterStyle::decimal:
            return std::to_string(value);
        case CounterStyle::lower_letter:
        case CounterStyle::upper_letter: {
            const char base = style == CounterStyle::lower_letter ? 'a' : 'A';
            // Word's "aa, bb, cc" scheme: the letter repeats once per pass through the alphabet.
            return std::string(static_cast<std::size_t>((value - 1) / 26 + 1),
                               static_cast<char>(base + (value - 1) % 26));
        }
        case CounterStyle::lower_roman:
            return roman(value, false);
        case CounterStyle::upper_roman:
            return roman(value, true);
    }
    return std::to_string(value);
}

}  // namespace actiontrack::parsers
