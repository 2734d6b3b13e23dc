#include "tests/store/test_support.hpp"

#include <unistd.h>

#include <atomic>
#include <random>
#include <stdexcept>

namespace actiontrack::store::testing {

TempDir::TempDir() {
    // pid + counter + a random number: unique across parallel ctest processes and reruns.
    static std::atomic<int> counter{0};
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() /
             ("actiontrack_store_test_" + std::to_string(::getpid()) + "_" +
              std::to_string(counter++) + "_" + std::to_string(random()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

Store open_store(const std::string& path) {
    auto store = Store::open(path, StoreOptions{.now = [] { return std::string(k_fixed_now); }});
    if (!store) throw std::runtime_error("cannot open test store: " + store.error().message());
    return std::move(store).value();
}

parsers::Date date(int year, unsigned month, unsigned day) {
    return parsers::Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

DocumentInput document(std::string_view path, char digit) {
    return DocumentInput{.path = std::string(path), .sha256 = std::string(64, digit), .size = 1234};
}

parsers::Action action(std::string item, std::string text, std::optional<std::string> owner,
                       std::optional<parsers::Date> due) {
    parsers::Action result;
    result.item = std::move(item);
    result.text = std::move(text);
    result.owner = std::move(owner);
    result.due = due;
    return result;
}

parsers::Extraction panel_meeting() {
    parsers::Extraction extraction;
    extraction.meeting.committee =
        "Children and Young People's Social Care and Services Scrutiny Panel";
    extraction.meeting.date = date(2022, 6, 7);
    extraction.meeting.time = "16:00";
    extraction.meeting.venue = "Mandela Room, Town Hall";
    extraction.items = {
        parsers::Item{.number = "22/4", .number_inferred = false, .title = "Care leavers"},
        parsers::Item{.number = "22/5", .number_inferred = true, .title = "Work programme"},
    };
    extraction.resolutions = {
        parsers::Resolution{.item = "22/4",
                            .kind = parsers::ResolutionKind::agreed,
                            .label = "(a)",
                            .text = "that the report be noted"},
        parsers::Resolution{.item = "22/5",
                            .kind = parsers::ResolutionKind::resolved,
                            .label = "",
                            .text = "that the work programme be approved"},
    };
    extraction.actions = {
        action("22/4", "Circulate the care leavers survey results to members",
               "Democratic Services", date(2022, 7, 1)),
        action("22/4", "Invite the housing provider to the September meeting", "Chair",
               std::nullopt),
        action("22/5", "Update the work programme with the new topics", "Scrutiny Officer",
               date(2022, 6, 30)),
    };
    extraction.actions[0].resolution = 0;
    return extraction;
}

Database inspect(const std::string& path) {
    auto db = Database::open(path);
    if (!db) throw std::runtime_error("cannot inspect test store: " + db.error().message());
    return std::move(db).value();
}

std::int64_t count_rows(const std::string& path, std::string_view table) {
    Database db = inspect(path);
    // Test-only: `table` is a literal from the test, never data.
    auto count = db.query_int64("SELECT COUNT(*) FROM " + std::string(table));
    if (!count) {
        ADD_FAILURE() << count.error().message();
        return -1;
    }
    return *count;
}

}  // namespace actiontrack::store::testing
