// HTML, DOCX and PDF minutes in the drop folder: the daemon reads them through the format
// plug-ins next to its binary (parsers/formats/plugin_boundary.hpp), and without a plug-in the
// documents of its format go to failed/ with the reason while the daemon goes on.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "daemon_harness.hpp"

namespace actiontrack::daemon_testing {
namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(fs::path(ACTIONTRACK_FIXTURES_DIR) / "formats" / name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string reason_for(const Workspace& w, const std::string& name) {
    std::ifstream in(w.failed() / (name + ".error.txt"));
    std::string line;
    std::getline(in, line);
    return line;
}

void drop_samples(const Workspace& w) {
    w.drop_by_rename("minutes.html", fixture("sample.html"));
    w.drop_by_rename("minutes.docx", fixture("sample.docx"));
    w.drop_by_rename("minutes.pdf", fixture("sample.pdf"));
}

TEST(DaemonFormats, HtmlDocxAndPdfAreReadThroughTheirPlugins) {
    Workspace w;
    DaemonProcess daemon(w);
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    drop_samples(w);
    ASSERT_TRUE(wait_until([&] {
        return query_int(w.db(), "SELECT COUNT(*) FROM documents") == 3;
    })) << daemon.log();
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM documents WHERE status = 'failed'"), 0)
        << reason_for(w, "minutes.html") << " / " << reason_for(w, "minutes.docx") << " / "
        << reason_for(w, "minutes.pdf");
    EXPECT_GT(query_int(w.db(), "SELECT COUNT(*) FROM actions"), 0);
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonFormats, WithoutItsPluginAFormatsDocumentsGoToFailedWithTheReason) {
    Workspace w;
    // The same binary, in a folder with no plug-ins beside it or in ../lib/actiontrack, and
    // outside the build folder (where only programs of the build look).
    const fs::path binary = w.root() / "bin" / "actiontrack";
    fs::create_directories(binary.parent_path());
    std::error_code linked;
    fs::create_hard_link(actiontrack_binary(), binary, linked);
    if (linked) fs::copy_file(actiontrack_binary(), binary);
    DaemonProcess daemon(w, {}, {}, binary);
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    drop_samples(w);
    ASSERT_TRUE(wait_until([&] {
        return query_int(w.db(), "SELECT COUNT(*) FROM documents WHERE status = 'failed'") == 3;
    })) << daemon.log();
    EXPECT_TRUE(wait_until([&] { return count_files(w.failed(), true) == 6u; })) << daemon.log();
    EXPECT_EQ(reason_for(w, "minutes.html"),
              "HTML support is not installed (actiontrack-html.so not found)");
    EXPECT_EQ(reason_for(w, "minutes.docx"),
              "DOCX support is not installed (actiontrack-docx.so not found)");
    EXPECT_EQ(reason_for(w, "minutes.pdf"),
              "PDF support is not installed (actiontrack-pdf.so not found)");

    // Text needs no plug-in: the daemon lives and goes on storing it.
    w.drop_by_rename("good.txt", minutes(1));
    EXPECT_TRUE(wait_until([&] {
        return query_int(w.db(), "SELECT COUNT(*) FROM documents WHERE status = 'ingested'") == 1;
    })) << daemon.log();
    EXPECT_EQ(daemon.stop(), 0);
}

}  // namespace
}  // namespace actiontrack::daemon_testing
