#include "store/vocabulary.hpp"

#include "store/store.hpp"

namespace actiontrack::store {

std::string_view db_text(parsers::ResolutionKind kind) {
    switch (kind) {
        case parsers::ResolutionKind::agreed:
            return "agreed";
        case parsers::ResolutionKind::resolved:
            return "resolved";
        case parsers::ResolutionKind::noted:
            return "noted";
        case parsers::ResolutionKind::recommended:
            return "recommended";
    }
    return "resolved";  // unreachable for valid enum values
}

std::string_view db_text(parsers::DateGrain grain) {
    switch (grain) {
        case parsers::DateGrain::day:
            return "day";
        case parsers::DateGrain::month:
            return "month";
        case parsers::DateGrain::quarter:
            return "quarter";
    }
    return "day";  // unreachable for valid enum values
}

// The public names below double as the stored words for action status.

std::string_view to_string(IngestOutcome outcome) {
    switch (outcome) {
        case IngestOutcome::stored:
            return "stored";
        case IngestOutcome::updated:
            return "updated";
        case IngestOutcome::duplicate:
            return "duplicate";
    }
    return "stored";
}

std::string_view to_string(ActionStatus status) {
    switch (status) {
        case ActionStatus::open:
            return "open";
        case ActionStatus::in_progress:
            return "in_progress";
        case ActionStatus::done:
            return "done";
        case ActionStatus::dropped:
            return "dropped";
    }
    return "open";
}

std::optional<ActionStatus> parse_action_status(std::string_view text) {
    // People type "in-progress" as often as "in_progress"; both mean the same status.
    if (text == "in-progress") return ActionStatus::in_progress;
    for (ActionStatus status : {ActionStatus::open, ActionStatus::in_progress, ActionStatus::done,
                                ActionStatus::dropped}) {
        if (text == to_string(status)) return status;
    }
    return std::nullopt;
}

}  // namespace actiontrack::store
