#include "parsers/owner.hpp"

#include <array>
#include <span>
#include <vector>

#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

using text::trim;

// Last words of a role: "... Officer", "... Director", "Chair", and of the units of officers
// that are given work: "the Clerk's Office", "Highways Department".
constexpr std::array<std::string_view, 60> k_role_heads = {
    "officer",     "officers",     "director",   "directors",  "manager",     "managers",
    "chair",       "chairman",     "chairwoman", "chairperson", "vice-chair", "vice-chairman",
    "leader",      "mayor",        "clerk",      "secretary",  "commissioner", "lead",
    "convener",    "convenor",     "holder",     "adviser",    "advisor",     "coordinator",
    "co-ordinator", "administrator", "solicitor", "treasurer", "auditor",     "engineer",
    "planner",     "inspector",    "superintendent", "sergeant", "constable", "member",
    "team",        "lawyer",       "accountant", "analyst",    "consultant",  "deputy",
    "head",        "representative", "office",   "department", "directorate", "dept",
    "champion",    "harbourmaster", "warden",  "sec",
    // Those a residents' association or a parish engages: "The managing agents were asked to
    // write to the owners", "the caretaker would check the boiler". (Not "contractor": "The
    // contractor had agreed to fell the oak, Clerk to follow up" leaves the work with the Clerk.)
    "agent",       "agents",       "caretaker",  "surveyor",   "architect",   "groundsman",
    "lengthsman",  "webmaster"};

// Whether `w` is one of k_role_heads, ignoring ASCII case. Asked of many words walked over when
// looking for an owner, and most are none: a table of the heads' lengths and first letters
// turns those away before the list is walked.
bool is_role_head(std::string_view w) {
    constexpr std::size_t k_longest = 15;
    static constexpr auto k_starts = [] {
        std::array<std::array<bool, 26>, k_longest + 1> starts{};  // [length][first letter]
        for (std::string_view head : k_role_heads) starts[head.size()][static_cast<std::size_t>(head[0] - 'a')] = true;
        return starts;
    }();
    if (w.empty() || w.size() > k_longest || !text::is_alpha(w[0])) return false;
    if (!k_starts[w.size()][static_cast<std::size_t>(text::to_lower(w[0]) - 'a')]) return false;
    return text::contains_ci(k_role_heads, w);
}

// Bodies that can own work.
// ... and the police, whom minutes give work to: "that the Police be asked to patrol the parks".
constexpr std::array<std::string_view, 5> k_owner_bodies = {"executive", "cabinet", "mayor",
                                                            "administration", "police"};

// Bodies that are the meeting itself: "the Panel agreed to keep ..." is a decision, not a task.
constexpr std::array<std::string_view, 12> k_meeting_bodies = {
    "committee", "sub-committee", "panel", "board",   "commission", "council",
    "members",   "group",         "forum", "meeting", "partnership", "subcommittee"};

// With the police ranks that report to parish and community councils: "PC Maclean", "Sgt Hobbs".
// Charities and churches name their people by office: "Trustee Alexander", "Alderman Jones",
// "Rev Smith", "Canon Price".
constexpr std::array<std::string_view, 26> k_person_titles = {
    "councillor", "councillors", "cllr", "mr", "mrs", "ms", "miss", "dr", "professor", "sir",
    "dame", "lord", "lady", "coun", "cllrs", "pc", "pcso", "sgt", "insp", "supt", "revd",
    "trustee", "alderman", "ald", "rev", "canon"};

bool is_initial(std::string_view w) {
    return (w.size() == 1 && text::is_upper(w[0])) ||
           (w.size() == 2 && text::is_upper(w[0]) && w[1] == '.');
}

bool is_joiner(std::string_view w) {
    return w == "of" || w == "and" || w == "for" || w == "&" || w == "the";
}

// "the relevant Officer", "the appropriate Director": a lower-case word that says which holder
// of a capitalised role is meant. It opens the owner phrase and is kept in it.
bool is_describing_word(std::string_view w) {
    return w == "relevant" || w == "appropriate" || w == "responsible" || w == "respective" ||
           w == "nominated" || w == "designated";
}

bool is_name_word(std::string_view w) {
    return text::is_capitalised(w) && !text::is_all_caps(w.size() > 1 ? w : "") ;
}

// Common given names in British and Irish public life (English, Welsh, Scottish and Irish forms,
// and the short forms parish minutes use: "Dave will look into ..."), lower case and sorted.
// Not words that open sentences as often as they name people ("Will", "May", "Hope"). A capitalised pair is a person's name only when it starts with one of these: "Tom
// Baker will arrange", but not "Grant System", "Social Workers" or "Headfort Grove".
constexpr std::string_view k_given_names[] = {
    "aaron", "abigail", "adam", "adrian", "aidan", "ailbhe", "ailsa", "alan", "alasdair", "albert", "aled", "alex",
    "alexander", "alexandra", "alf", "alfred", "alice", "alison", "alistair", "alun", "amanda", "amy", "andrea",
    "andrew", "andy", "angela", "angie", "angus", "anita", "ann", "anna", "anne", "annette", "annie", "anthony",
    "antony", "aoife", "arthur", "audrey", "barbara", "barrie", "barry", "basil", "ben", "benjamin", "bernadette",
    "bernard", "bert", "beryl", "beth", "bethan", "bethany", "bev", "bill", "bob", "brenda", "brendan", "brian",
    "brid", "bridget", "bronwen", "bruce", "callum", "calum", "caoimhe", "carl", "carol", "carole", "caroline",
    "carolyn", "carys", "cathal", "catherine", "catrin", "catriona", "cecil", "cerys", "charles", "charlie",
    "charlotte", "chaz", "cheryl", "chris", "christina", "christine", "christopher", "ciaran", "claire", "clare",
    "cliff", "clifford", "clive", "colin", "colm", "connor", "conor", "craig", "cyril", "dafydd", "dai", "dan",
    "daniel", "danny", "darren", "dave", "david", "dawn", "debbie", "deborah", "declan", "delyth", "denise", "dennis",
    "derek", "dermot", "derrick", "diana", "diane", "donal", "donald", "donna", "doreen", "dorothy", "doug", "douglas",
    "duncan", "dylan", "eamon", "eddie", "edward", "edwin", "eileen", "eilidh", "eirian", "elaine", "eleanor", "elen",
    "eleri", "elfed", "elin", "elizabeth", "elliot", "elsie", "emily", "emlyn", "emma", "emyr", "eoin", "eric",
    "ernest", "esther", "euan", "evan", "ewan", "ewen", "fergal", "fergus", "ffion", "finbar", "fintan", "fiona",
    "frances", "francis", "frank", "fraser", "fred", "gail", "gareth", "gary", "gavin", "gemma", "geoff", "geoffrey",
    "george", "geraint", "gerald", "geraldine", "gerard", "gerry", "gethin", "gill", "gillian", "gladys", "glenys",
    "gloria", "glyn", "gordon", "graeme", "graham", "grainne", "greg", "gruffudd", "gwen", "gwendoline", "gwilym",
    "gwyn", "gwyneth", "hamish", "hannah", "harold", "harry", "harvey", "hazel", "heather", "heledd", "helen",
    "hilary", "howard", "hugh", "huw", "hywel", "iain", "ian", "ieuan", "ifor", "innes", "iolo", "irene", "iris",
    "irving", "isla", "ivor", "iwan", "jack", "jackie", "jacqueline", "jacqui", "james", "jamie", "jan", "jane",
    "janet", "janice", "jason", "jayne", "jean", "jeanette", "jeff", "jeffrey", "jenifer", "jennifer", "jenny",
    "jeremy", "jessica", "jill", "jim", "jo", "joan", "joanna", "joanne", "jocelyn", "joe", "john", "johnny", "jon",
    "jonathan", "jonny", "joseph", "josephine", "josh", "joshua", "joyce", "jude", "judi", "judith", "judy", "julia",
    "julian", "julie", "justin", "karen", "kate", "katherine", "kathleen", "kathryn", "kathy", "katie", "kay",
    "keiran", "keith", "kelly", "ken", "kenneth", "kerry", "kev", "kevin", "kieran", "kim", "kirsteen", "kirsty",
    "lachlan", "laura", "lauren", "lee", "len", "leon", "leonard", "les", "lesley", "leslie", "lewis", "liam", "linda",
    "lindsay", "lionel", "lisa", "liz", "llinos", "lloyd", "lorna", "lorraine", "louise", "lowri", "lucy", "luke",
    "lynda", "lynn", "lynne", "madeleine", "maggie", "mairead", "malcolm", "mandy", "manon", "marcus", "margaret",
    "maria", "marian", "marie", "marilyn", "marion", "marjorie", "mark", "martin", "mary", "matt", "matthew",
    "maureen", "maxine", "megan", "meirion", "mel", "melanie", "menna", "mervyn", "mhairi", "michael", "michelle",
    "mick", "mike", "miles", "molly", "morag", "morven", "murdo", "muriel", "nadia", "naomi", "natalie", "nathan",
    "neil", "neville", "nia", "niall", "niamh", "nichola", "nicholas", "nick", "nicky", "nicola", "nigel", "noel",
    "nora", "norma", "norman", "oisin", "oliver", "olivia", "ollie", "olwen", "orla", "osian", "owen", "padraig",
    "pam", "pamela", "pat", "patricia", "patrick", "paul", "paula", "pauline", "percy", "pete", "peter", "phil",
    "philip", "phillip", "pippa", "rachel", "ralph", "ray", "raymond", "rebecca", "reg", "rhian", "rhiannon", "rhodri",
    "rhona", "rhys", "richard", "rick", "ricky", "rik", "rita", "rob", "robert", "robin", "rod", "rodney", "roger",
    "ron", "ronald", "ronan", "rory", "ros", "rose", "rosemary", "rosie", "ross", "rowena", "roy", "russ", "ruth",
    "ryan", "sally", "sam", "samantha", "sandra", "sarah", "seamus", "sean", "seonaid", "sharon", "shaun", "sheena",
    "sheila", "shirley", "shona", "sian", "sid", "simon", "sinead", "siobhan", "sioned", "sonia", "sophie", "stan",
    "stanley", "stella", "steph", "stephanie", "stephen", "steve", "steven", "stewart", "stu", "stuart", "sue",
    "susan", "suzanne", "syd", "sylvia", "tadhg", "tamsin", "tanya", "ted", "teresa", "terry", "tess", "tessa",
    "theresa", "thomas", "tim", "timothy", "tina", "toby", "tom", "tommy", "tony", "tracey", "tracie", "tracy",
    "trevor", "tristan", "trudy", "tudur", "una", "val", "valerie", "vanessa", "vera", "vernon", "vic", "victoria",
    "vince", "viv", "vivien", "vivienne", "walter", "wayne", "wendy", "wilfred", "william", "wyn", "yvette", "yvonne",
    "zoe"};

bool is_given_name(std::string_view w) {
    return w.size() >= 2 && text::contains_ci_sorted(k_given_names, w);
}

// "Tom Baker", "Katherine Du Plessis": a given name and a surname, capitalised, without a title.
bool looks_like_untitled_name(std::span<const text::Word> ws) {
    if (ws.size() < 2 || ws.size() > 3 || !is_given_name(ws.front().text)) return false;
    for (const auto& w : ws) {
        if (!is_name_word(w.text) || is_role_head(w.text) ||
            text::contains_ci(k_meeting_bodies, w.text) || text::contains_ci(k_owner_bodies, w.text))
            return false;
    }
    return true;
}

// "CCBC", "WCBC", "NHS", "TfL": one short word of capitals (a lower-case letter allowed inside),
// the way minutes shorten the name of an organisation.
bool is_organisation_acronym(std::string_view w) {
    if (w.size() < 3 || w.size() > 6 || !text::is_upper(w.front()) || !text::is_upper(w.back())) return false;
    std::size_t lower = 0;
    for (char c : w) {
        if (text::is_lower(c)) ++lower;
        else if (!text::is_upper(c)) return false;
    }
    return lower <= 1;
}

// "Bryan Smith", "S Butcher", "Stephen Lawrence-Orumwense": a person's name without a title.
bool looks_like_name(std::span<const text::Word> ws) {
    if (ws.size() < 2 || ws.size() > 4) return false;
    for (const auto& w : ws)
        if (!text::is_capitalised(w.text)) return false;
    return is_initial(ws.front().text) || ws.size() >= 2;
}

}  // namespace

bool is_lone_given_name(std::string_view w) {
    static constexpr std::array<std::string_view, 13> k_everyday = {
        "bill", "mark", "frank", "rose", "dawn", "pat", "ray", "sue", "jack", "rob", "lee", "hazel",
        "will"};
    return text::is_capitalised(w) && !text::is_all_caps(w) && is_given_name(w) && !text::contains_ci(k_everyday, w);
}

bool is_pronoun(std::string_view w) {
    // "they" is left out: it usually means a group the minutes do not name.
    return w == "he" || w == "she" || w == "He" || w == "She";
}

// "the area office", "the legal team", "the relevant officer": a unit or officer described in
// lower case, one or two words before the role word.
bool described_role(std::string_view phrase) {
    // Called on every lower-case phrase asked about: words are walked, not collected.
    static constexpr std::array<std::string_view, 7> k_units = {
        "office", "officer", "officers", "team", "department", "directorate", "clerk"};
    // Not "this officer", "each team", "their office": a determiner is not a description.
    static constexpr std::array<std::string_view, 9> k_determiners = {
        "this", "that", "each", "every", "any", "their", "his", "her", "our"};
    std::size_t count = 0;
    std::string_view first, last;
    for (auto w = text::next_word(phrase, 0); !w.text.empty(); w = text::next_word(phrase, w.pos + w.text.size())) {
        if (count == 0 && first.empty() && (w.text == "the" || w.text == "The")) continue;
        if (!text::is_lower(w.text[0]) || ++count > 3) return false;
        if (first.empty()) first = w.text;
        last = w.text;
    }
    return count >= 2 && text::contains_ci(k_units, last) && !text::contains_ci(k_determiners, first) &&
           !is_joiner(first);
}

std::optional<OwnerKind> classify_owner(std::string_view phrase) {
    if (!phrase.empty() && text::is_lower(phrase.front()) && described_role(phrase)) return OwnerKind::role;
    // An owner is a name: capitalised words and the small words that join them. A lone
    // lower-case role word ("officers", "the chair") is the one exception. Checked word by word
    // before anything else, because most phrases asked about fail on their first words. The
    // words are kept as they are walked (at most 14 of them: no allocation).
    constexpr std::size_t k_most_words = 14;
    std::array<text::Word, k_most_words> words;
    std::size_t count = 0;
    for (auto w = text::next_word(phrase, 0); !w.text.empty(); w = text::next_word(phrase, w.pos + w.text.size())) {
        if (count == k_most_words) return std::nullopt;
        words[count++] = w;
        if (text::is_capitalised(w.text) || is_joiner(w.text) || text::is_digit(w.text[0])) continue;
        if (is_role_head(w.text)) continue;  // "convener of the Working Group"
        if (count == 1 && is_describing_word(w.text)) continue;  // "relevant Officer"
        return std::nullopt;
    }
    if (count == 0) return std::nullopt;
    const std::span<const text::Word> ws(words.data(), count);
    // "Director of Finance", "convener of the Civic Events Working Group": the head comes
    // before the first "of".
    for (std::size_t k = 1; k + 1 < ws.size(); ++k) {
        if (ws[k].text != "of" && ws[k].text != "for") continue;
        const std::string_view head = ws[k - 1].text;
        // "Cabinet Member for Housing" is a role; a bare "Member of the public" is not.
        if (is_role_head(head) && (!text::iequals(head, "member") || k >= 2))
            return OwnerKind::role;
        break;
    }
    const std::string_view first = ws.front().text;
    const std::string_view last = ws.back().text;
    if (text::contains_ci(k_person_titles, first) && ws.size() >= 2) return OwnerKind::person;
    if (text::contains_ci(k_meeting_bodies, last)) return OwnerKind::meeting_body;
    if (text::contains_ci(k_owner_bodies, last) && ws.size() <= 2) return OwnerKind::body;
    const std::size_t comma = phrase.find(',');
    if (comma != std::string_view::npos) {
        // "S Butcher, Executive Director of Children's Services" or "the External Auditor, Ms Y.
        // Sato": a person with their role, in either order.
        const std::string_view left = phrase.substr(0, comma), right = trim(phrase.substr(comma + 1));
        const auto left_kind = classify_owner(left), right_kind = classify_owner(right);
        const bool left_name = looks_like_name(text::words(left)) || left_kind == OwnerKind::person;
        const bool right_name = looks_like_name(text::words(right)) || right_kind == OwnerKind::person;
        if ((left_name && right_kind == OwnerKind::role) || (left_kind == OwnerKind::role && right_name))
            return OwnerKind::person;
        // "Amanda Jones, CCBC": a person and the organisation they speak for, as partnership
        // minutes name people from several bodies.
        // (A person by their title or a known given name: "Scrutiny Panels, OSB" is not one.)
        if (left_kind == OwnerKind::person && is_organisation_acronym(right)) return OwnerKind::person;
        return std::nullopt;
    }
    // "Democratic Services", "Legal Services", "Children's Services": a service, capitalised
    // and named (a bare "services" in prose is not an owner).
    if ((last == "Services" || last == "Service") && ws.size() >= 2) return OwnerKind::role;
    if (is_role_head(last)) {
        if (text::iequals(last, "member") && ws.size() < 2) return std::nullopt;
        if (text::iequals(last, "head")) return std::nullopt;  // "Head" alone is not a role
        return OwnerKind::role;
    }
    if (ws.size() >= 3 && text::iequals(first, "head") && ws[1].text == "of") return OwnerKind::role;
    // "Corporate Director Adult Social Care and Health", "Chief Officer - Housing": a role word
    // inside a capitalised title.
    for (std::size_t k = 0; k + 1 < ws.size(); ++k)
        if (is_role_head(ws[k].text) && !text::iequals(ws[k].text, "member") &&
            !text::iequals(ws[k].text, "head") && text::is_capitalised(ws[k].text))
            return OwnerKind::role;
    if (ws.size() >= 2 && ws.size() <= 3 && is_initial(first)) return OwnerKind::person;
    if (looks_like_untitled_name(ws)) return OwnerKind::person;
    return std::nullopt;
}

std::optional<OwnerPhrase> owner_between(std::string_view sentence, std::size_t begin, std::size_t end) {
    std::string_view phrase = trim(sentence.substr(begin, end - begin));
    // "the Strategic Director of Place, in consultation with the Cabinet Member, be authorised":
    // the owner is the first party; the consultee is not.
    // All three asides contain "consultation with": one search rules them out for most phrases.
    if (text::ifind(phrase, "consultation with") != std::string_view::npos) {
        for (std::string_view aside : {", in consultation with", " in consultation with", ", following consultation with"}) {
            const std::size_t at = text::ifind(phrase, aside);
            if (at != std::string_view::npos) phrase = trim(phrase.substr(0, at));
        }
    }
    while (!phrase.empty() && (phrase.back() == ',' || phrase.back() == ';')) phrase = trim(phrase.substr(0, phrase.size() - 1));
    // Trimming and cutting kept the phrase's first byte where it was in the sentence.
    std::size_t start = static_cast<std::size_t>(phrase.data() - sentence.data());
    for (std::string_view article : {"the ", "The ", "a ", "A ", "an "}) {
        if (phrase.substr(0, article.size()) == article) {
            phrase.remove_prefix(article.size());
            start += article.size();
        }
    }
    const auto kind = classify_owner(phrase);
    if (!kind) return std::nullopt;
    return OwnerPhrase{std::string(phrase), *kind, start};
}

std::optional<OwnerPhrase> owner_before(std::string_view s, std::size_t end) {
    // "Mrs J Smith (Head of Planning) agreed to ...": a name with the role in brackets. The owner
    // is written as the minutes write it, name and role.
    if (const std::string_view before = text::trim_right(s.substr(0, end)); !before.empty() && before.back() == ')') {
        const std::size_t open = before.rfind('(');
        if (open != std::string_view::npos && open > 0 && before.size() - open <= 80) {
            const std::string_view inner = before.substr(open + 1, before.size() - open - 2);
            const auto role = classify_owner(trim(inner));
            auto name = owner_before(s, open);
            if (name && name->kind == OwnerKind::person && (role || is_organisation_acronym(trim(inner)))) {
                name->text = std::string(trim(s.substr(name->begin, before.size() - name->begin)));
                return name;
            }
            if (role == OwnerKind::role && !name) {
                const std::string_view role_text = trim(inner);
                return OwnerPhrase{std::string(role_text), OwnerKind::role,
                                   static_cast<std::size_t>(role_text.data() - s.data())};
            }
        }
    }
    // Words are taken one at a time walking back from `end` (text::prev_word): the phrase is a
    // few words long, the sentence before it may be long.
    const std::string_view t = s.substr(0, end);
    // Walk back over capitalised words, initials and the small words that join them; allow one
    // comma between a name and a role ("Bryan Smith, Litigation Manager").
    std::optional<text::Word> first;  // the earliest word taken into the phrase
    text::Word after{};               // the word after the current one (none for the last word)
    bool used_comma = false;
    for (text::Word word = text::prev_word(t, t.size()); !word.text.empty(); word = text::prev_word(t, word.pos)) {
        const std::string_view w = word.text;
        const bool last_word = after.text.empty();
        const std::size_t gap_begin = word.pos + w.size();
        const std::size_t gap_end = last_word ? end : after.pos;
        const std::string_view gap = s.substr(gap_begin, gap_end - gap_begin);
        // "Mrs T. Garland", "Cllr. Hakeney": an initial or a title may end in a full stop.
        const bool abbreviation_dot =
            trim(gap) == "." && (is_initial(w) || text::contains_ci(k_person_titles, w));
        if (!abbreviation_dot && gap.find_first_not_of(" ") != std::string_view::npos) {
            const bool comma_only = trim(gap) == ",";
            if (!(comma_only && !used_comma && first)) {
                if (last_word && trim(gap) == ",") {
                    // "S Butcher, Executive Director, agreed to": the phrase ends in a comma.
                } else {
                    break;
                }
            } else {
                used_comma = true;
            }
        }
        const bool capital = is_name_word(w) || is_initial(w) || text::is_capitalised(w);
        // (The role lists are asked only of a lower-case word that would open the phrase.)
        const auto role_word = [&] { return is_role_head(w) || text::contains_ci(k_meeting_bodies, w); };
        if (capital || (is_joiner(w) && first) || (!first && role_word())) {
            first = word;
            if (!capital && !is_joiner(w)) break;  // a lower-case role word: "officers would"
            // "Memorial Gardens The Chair agreed": a capitalised article starts the phrase (a
            // heading without a full stop ran into the sentence).
            if (w == "The") break;
            after = word;
            continue;
        }
        break;
    }
    if (!first) return std::nullopt;
    // "the relevant Officer will ...", "the appropriate officers would ...": a description
    // opens the phrase.
    if (const text::Word before = text::prev_word(t, first->pos);
        !before.text.empty() && is_describing_word(before.text) &&
        trim(s.substr(before.pos + before.text.size(), first->pos - before.pos - before.text.size())).empty())
        first = before;
    text::Word start = *first;
    while (!start.text.empty() && is_joiner(start.text)) start = text::next_word(t, start.pos + start.text.size());
    if (start.text.empty()) return std::nullopt;
    std::optional<OwnerPhrase> found = owner_between(s, start.pos, end);
    // If the longest phrase fails, try shorter ones (drop leading words one at a time).
    for (text::Word w = text::next_word(t, start.pos + start.text.size()); !found && !w.text.empty();
         w = text::next_word(t, w.pos + w.text.size())) {
        if (is_joiner(w.text)) continue;
        found = owner_between(s, w.pos, end);
    }
    // "Katherine will send a copy of the minutes": a first name alone, opening the sentence.
    if (!found && start.pos == 0 && trim(t) == start.text && is_lone_given_name(start.text))
        found = OwnerPhrase{std::string(start.text), OwnerKind::person, 0};
    return found;
}

}  // namespace actiontrack::parsers
