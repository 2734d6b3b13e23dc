#include "daemon/extraction_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "daemon/json_format.hpp"

namespace actiontrack::cli {
namespace {

namespace json = boost::json;
using namespace std::chrono;

parsers::Extraction sample() {
    parsers::Extraction extraction;
    extraction.meeting.committee = "Planning Committee";
    extraction.meeting.date = year{2022} / March / 7;
    extraction.meeting.next_meeting = year{2022} / March / 21;
    extraction.items.push_back({"21/11", false, "Introduction"});
    extraction.items.push_back({"21/12", true, ""});
    parsers::Resolution noted;
    noted.item = "21/11";
    noted.kind = parsers::ResolutionKind::noted;
    noted.text = "";
    extraction.resolutions.push_back(noted);
    parsers::Action read;
    read.item = "21/11";
    read.text = "circulate the report";
    read.owner = "Clerk";
    read.due_text = "by the next meeting";
    read.due = year{2022} / March / 21;
    extraction.actions.push_back(read);
    parsers::Action derived;
    derived.text = "respond to the recommendation";
    derived.derived = true;
    extraction.actions.push_back(derived);
    extraction.warnings.push_back("not part of the contract");
    return extraction;
}

TEST(ExtractionJson, FollowsTheContract) {
    const json::value value = to_contract_json(sample());
    const json::object& root = value.as_object();
    ASSERT_EQ(root.size(), 4u);  // no "warnings"

    const json::object& meeting = root.at("meeting").as_object();
    EXPECT_EQ(meeting.at("committee"), "Planning Committee");
    EXPECT_EQ(meeting.at("date"), "2022-03-07");
    EXPECT_TRUE(meeting.at("time").is_null());
    EXPECT_TRUE(meeting.at("venue").is_null());
    EXPECT_TRUE(meeting.at("contact").is_null());
    EXPECT_EQ(meeting.at("next_meeting"), "2022-03-21");

    const json::array& items = root.at("items").as_array();
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0], (json::object{{"number", "21/11"}, {"title", "Introduction"}}));
    EXPECT_EQ(items[1],
              (json::object{{"number", "21/12"}, {"title", nullptr}, {"inferred", true}}));

    EXPECT_EQ(root.at("resolutions"),
              (json::array{json::object{{"item", "21/11"}, {"kind", "noted"}, {"text", ""}}}));

    const json::array& actions = root.at("actions").as_array();
    ASSERT_EQ(actions.size(), 2u);
    EXPECT_EQ(actions[0], (json::object{{"item", "21/11"},
                                        {"text", "circulate the report"},
                                        {"owner", "Clerk"},
                                        {"due_text", "by the next meeting"},
                                        {"due", "2022-03-21"}}));
    EXPECT_TRUE(actions[1].at("item").is_null());
    EXPECT_TRUE(actions[1].at("owner").is_null());
    EXPECT_EQ(actions[1].at("derived"), true);
}

TEST(ExtractionJson, PrettyFormParsesBackToTheSameValue) {
    const json::value value = to_contract_json(sample());
    const std::string text = pretty_json(value);
    EXPECT_EQ(json::parse(text), value);
    EXPECT_EQ(pretty_json(json::object{}), "{}\n");
    EXPECT_EQ(pretty_json(json::array{1, "a\"b"}), "[\n  1,\n  \"a\\\"b\"\n]\n");
}

}  // namespace
}  // namespace actiontrack::cli
