// The format plug-ins (parsers/formats/plugin_boundary.hpp): each format's plug-in is found and
// used, and one that is missing or broken is reported in words a user can act on. (What each
// adapter reads is tested in formats_test.cpp, html_test.cpp and docx_test.cpp.)
#include "parsers/formats/format_plugins.hpp"

#include <gtest/gtest.h>

#include "fixture_file.hpp"
#include "parsers/formats/docx.hpp"
#include "parsers/formats/html.hpp"
#include "parsers/formats/pdf.hpp"
#include "parsers/formats/pdf_text_layer.hpp"

namespace actiontrack::parsers {
namespace {

using testing::read_fixture;

TEST(FormatPlugins, EachFormatsPluginIsFoundWithItsEntryPoint) {
    for (const FormatPlugin& plugin : {k_pdf_plugin, k_html_plugin, k_docx_plugin}) {
        const LoadedPlugin loaded = load_plugin(plugin);
        EXPECT_NE(loaded.entry, nullptr) << plugin.file;
        EXPECT_EQ(loaded.error, "") << plugin.file;
    }
}

TEST(FormatPlugins, EachAdapterReadsItsSampleThroughItsPlugin) {
    struct Sample {
        const char* file;
        Result<AdaptedText> (*adapter)(std::string_view);
    };
    for (const Sample& sample :
         {Sample{"formats/sample.pdf", &pdf_to_text}, Sample{"formats/sample.html", &html_to_text},
          Sample{"formats/sample.docx", &docx_to_text}}) {
        const auto text = sample.adapter(read_fixture(sample.file));
        ASSERT_TRUE(text.has_value()) << sample.file << ": " << text.error().message();
        EXPECT_NE(text->utf8.find("Licensing Manager"), std::string::npos) << sample.file;
    }
}

TEST(FormatPlugins, AMissingPluginIsNamedWithTheFormat) {
    const LoadedPlugin loaded =
        load_plugin({"Test", "actiontrack-no-such-format.so", "entry"});
    EXPECT_EQ(loaded.entry, nullptr);
    EXPECT_EQ(loaded.error,
              "Test support is not installed (actiontrack-no-such-format.so not found)");
}

TEST(FormatPlugins, APluginWithoutTheEntryPointCannotBeLoaded) {
    const LoadedPlugin loaded = load_plugin({"HTML", k_html_plugin.file, "no_such_entry"});
    EXPECT_EQ(loaded.entry, nullptr);
    EXPECT_EQ(loaded.error.rfind("HTML support cannot be loaded: ", 0), 0u) << loaded.error;
    EXPECT_NE(loaded.error.find("actiontrack-html.so has no entry point"), std::string::npos)
        << loaded.error;
}

}  // namespace
}  // namespace actiontrack::parsers
