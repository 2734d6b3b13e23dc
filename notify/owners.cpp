#include "notify/owners.hpp"

namespace actiontrack::notify {

std::string normalise_owner(std::string_view owner) {
    std::string key;
    key.reserve(owner.size());
    bool pending_space = false;
    for (char c : owner) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
            (byte >= '0' && byte <= '9') || byte >= 0x80) {
            if (pending_space && !key.empty()) key.push_back(' ');
            pending_space = false;
            key.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a') : c);
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '/' ||
                   c == '&') {
            // Separators become one space; other punctuation (".", "'", ",") vanishes, so
            // "Children's" and "Childrens" meet.
            pending_space = true;
        }
    }
    if (key.starts_with("the ")) key.erase(0, 4);
    return key;
}

void OwnerDirectory::add(Person person, const std::vector<std::string>& aliases) {
    const std::size_t index = m_people.size();
    m_by_key[normalise_owner(person.name)] = index;
    for (const std::string& alias : aliases) {
        const std::string key = normalise_owner(alias);
        if (!key.empty()) m_by_key[key] = index;
    }
    m_people.push_back(std::move(person));
}

const Person* OwnerDirectory::find(std::string_view owner) const {
    const auto found = m_by_key.find(normalise_owner(owner));
    return found == m_by_key.end() ? nullptr : &m_people[found->second];
}

}  // namespace actiontrack::notify
