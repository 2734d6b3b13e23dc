#include "notify/digest.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "notify/time_text.hpp"

namespace actiontrack::notify {
namespace {

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

bool same_committee(std::string_view a, std::string_view b) {
    return normalise_owner(a) == normalise_owner(b);
}

struct Section {
    std::string title;
    std::vector<std::string> lines;
};

class DigestBuilder {
  public:
    explicit DigestBuilder(const DigestInput& input) : m_input(input) {}

    Digest build() {
        std::vector<const PolicyAction*> overdue, upcoming, undated, unassigned, completed, fresh;
        const Instant since = m_input.since;
        for (const PolicyAction& action : m_input.actions) {
            if (m_input.committee && !same_committee(action.committee, *m_input.committee))
                continue;
            if (action.created_at >= since && action.status != "dropped") fresh.push_back(&action);
            if (action.status == "done") {
                if (action.completed_at &&
                    *action.completed_at >=
                        std::chrono::sys_seconds{m_input.today} - std::chrono::days{7}) {
                    completed.push_back(&action);
                }
                continue;
            }
            if (action.closed) continue;
            if (is_unassigned(action)) unassigned.push_back(&action);
            if (!action.due) {
                undated.push_back(&action);
            } else if (*action.due < m_input.today) {
                overdue.push_back(&action);
            } else if (*action.due <= m_input.today + std::chrono::days{14}) {
                upcoming.push_back(&action);
            }
        }
        auto by_due = [](const PolicyAction* a, const PolicyAction* b) {
            return std::tie(*a->due, a->id) < std::tie(*b->due, b->id);
        };
        std::sort(overdue.begin(), overdue.end(), by_due);  // earliest due = most overdue
        std::sort(upcoming.begin(), upcoming.end(), by_due);

        std::vector<Section> sections;
        add(sections, "Overdue", overdue);
        add(sections, "Due in the next 14 days", upcoming);
        add(sections, "No due date", undated);
        add(sections, fmt::format("Unassigned (routed to {})", m_input.routed_to), unassigned);
        add(sections, "Completed in the last 7 days", completed);
        add(sections, "New actions since the last digest", fresh);
        Section resolutions{"New resolutions since the last digest", {}};
        for (const ResolutionFacts& r : m_input.new_resolutions) {
            if (m_input.committee && !same_committee(r.committee, *m_input.committee)) continue;
            resolutions.lines.push_back(fmt::format("{} (minute {}, {}): {}", r.reference,
                                                    r.item.empty() ? "?" : r.item, r.kind,
                                                    shorten(r.text)));
        }
        if (!resolutions.lines.empty()) sections.push_back(std::move(resolutions));
        if (!m_input.dead_deliveries.empty()) {
            sections.push_back({"Deliveries that failed for good", m_input.dead_deliveries});
        }
        return render(sections, overdue.size(), upcoming.size());
    }

  private:
    bool is_unassigned(const PolicyAction& action) const {
        if (!action.owner) return true;
        const Person* person = m_input.owners.find(*action.owner);
        return person == nullptr || !person->active;
    }

    static std::string shorten(std::string_view text) {
        if (text.size() <= 160) return std::string(text);
        std::size_t cut = 157;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
        return std::string(text.substr(0, cut)) + "...";
    }

    std::string line(const PolicyAction& action) const {
        std::string owner = action.owner.value_or("nobody named");
        if (is_unassigned(action)) {
            owner += fmt::format(" [unassigned: routed to {}]", m_input.routed_to);
        }
        std::string due = action.due ? format_date(*action.due)
                                     : fmt::format("no due date (\"{}\")",
                                                   action.due_text.value_or("none given"));
        if (action.due && *action.due < m_input.today && !action.closed) {
            due += fmt::format(", {} days overdue", (m_input.today - *action.due).count());
        }
        std::string out =
            fmt::format("{} (minute {}): {} | owner: {} | due: {}", action.reference,
                        action.item.empty() ? "?" : action.item, shorten(action.text), owner, due);
        if (m_input.public_url)
            out += fmt::format(" | {}/actions/{}", *m_input.public_url, action.id);
        return out;
    }

    void add(std::vector<Section>& sections, std::string title,
             const std::vector<const PolicyAction*>& actions) const {
        if (actions.empty()) return;
        Section section{std::move(title), {}};
        section.lines.reserve(actions.size());
        for (const PolicyAction* action : actions) section.lines.push_back(line(*action));
        sections.push_back(std::move(section));
    }

    Digest render(const std::vector<Section>& sections, std::size_t overdue,
                  std::size_t upcoming) const {
        Digest digest;
        digest.empty = sections.empty();
        digest.subject =
            fmt::format("Weekly actions digest{}: {} overdue, {} due soon",
                        m_input.committee ? " for " + *m_input.committee : "", overdue, upcoming);
        digest.text = fmt::format("Actions digest for {}, week of {}\n", m_input.recipient_name,
                                  format_date(m_input.today));
        digest.html = fmt::format("<html><body><h1>Actions digest for {}, week of {}</h1>\n",
                                  escape_html(m_input.recipient_name), format_date(m_input.today));
        for (const Section& section : sections) {
            digest.text += fmt::format("\n{} ({})\n", section.title, section.lines.size());
            digest.html += fmt::format("<h2>{} ({})</h2>\n<ul>\n", escape_html(section.title),
                                       section.lines.size());
            for (const std::string& entry : section.lines) {
                digest.text += "  - " + entry + "\n";
                digest.html += "<li>" + escape_html(entry) + "</li>\n";
            }
            digest.html += "</ul>\n";
        }
        if (digest.empty) digest.text += "\nNothing to report this week.\n";
        digest.html += "</body></html>\n";
        return digest;
    }

    const DigestInput& m_input;
};

}  // namespace

Digest render_digest(const DigestInput& input) {
    return DigestBuilder(input).build();
}

}  // namespace actiontrack::notify
