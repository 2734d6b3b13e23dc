#pragma once
// The owners directory: who an owner string from minutes ("The Democratic Services Officer",
// "Cllr Uddin") is, with an address, a time zone and an active flag. Pure data; the rows come
// from the database (notify/owner_store.hpp) or from configuration.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace actiontrack::notify {

struct Person {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::string> email;  // none: reminders are reported, not sent
    std::string time_zone;             // IANA name; empty means the configured default
    bool active = true;
};

// The lookup key of an owner string: lower case ASCII, punctuation and apostrophes dropped,
// runs of spaces folded, a leading "the " removed. "The Democratic Services Officer." and
// "democratic services officer" give the same key. Returns "" for text with no letters.
std::string normalise_owner(std::string_view owner);

class OwnerDirectory {
  public:
    // Adds a person reachable under `aliases` (and their own name). A later alias with the same
    // key replaces an earlier one.
    void add(Person person, const std::vector<std::string>& aliases);

    // The person an owner string names, or nullptr when nobody in the directory matches.
    const Person* find(std::string_view owner) const;

    const std::vector<Person>& people() const { return m_people; }

  private:
    std::vector<Person> m_people;
    std::unordered_map<std::string, std::size_t> m_by_key;  // key → index into m_people
};

}  // namespace actiontrack::notify
