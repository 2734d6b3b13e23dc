#pragma once
// Who an action belongs to, as the minutes write it: a role ("Democratic Services Officer",
// "Head of Strategic Services"), a named person ("Councillor C Dowden", "S Butcher, Executive
// Director of Children's Services") or a body ("the Executive"). Never guessed.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace actiontrack::parsers {

enum class OwnerKind { role, person, body, meeting_body };

// The noun phrase that ends just before `end` in `sentence` when it names an owner, with a
// leading article removed; nullopt when the words there are not a role, person or body.
// `meeting_body` results ("the Panel", "the Committee", "Members") are the meeting itself.
struct OwnerPhrase {
    std::string text;
    OwnerKind kind = OwnerKind::role;
    std::size_t begin = 0;  // where the phrase starts in `sentence`
};
std::optional<OwnerPhrase> owner_before(std::string_view sentence, std::size_t end);

// The owner phrase that starts at `begin` and ends at `end` (exclusive), if it names one.
std::optional<OwnerPhrase> owner_between(std::string_view sentence, std::size_t begin,
                                         std::size_t end);

// Classifies a candidate phrase; nullopt when it is not an owner at all.
std::optional<OwnerKind> classify_owner(std::string_view phrase);

bool is_pronoun(std::string_view word);

// "Katherine", "Huw": a common given name that is not also an everyday word ("Bill", "Mark",
// "Frank" and "Dawn" are left out), so that a sentence opening "Katherine will send ..." or a
// passive ending "... by Katherine" names its owner.
bool is_lone_given_name(std::string_view word);

}  // namespace actiontrack::parsers
