#include "tandem/tei/writer.h"

#include <sstream>

#include <gtest/gtest.h>

#include "fixtures.h"
#include "tandem/corpora/pipeline.h"
#include "test_util.h"

namespace tandem::tei {
namespace {

std::string Write(const corpora::Bitext& bitext, const std::string& output_path) {
  std::ostringstream out;
  const Status status = WriteTei(bitext, {.output_path = output_path}, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

// The whole document, byte for byte: tests/data/tei/small.tei.xml is the reviewed reference.
TEST(WriteTei, ExactOutputForASmallBitext) {
  const std::string xml = Write(testing::SmallBitext(), "/data/out/small.tei.xml");
  EXPECT_EQ(xml, testing::ReadFile(testing::TestDataDir() + "/tei/small.tei.xml"));
}

TEST(WriteTei, SourcePointersAreRelativeToTheOutput) {
  const std::string xml = Write(testing::SmallBitext(), "/data/small.tei.xml");
  EXPECT_NE(xml.find(R"(<s xml:id="hu.p1.s2" source="hu.txt#byte=5,12">Kettő.</s>)"),
            std::string::npos);
}

TEST(WriteTei, SameLanguageOnBothSidesUsesNeutralIds) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.target.language = "en";
  const std::string xml = Write(bitext, "/data/small.tei.xml");
  EXPECT_NE(xml.find(R"(<TEI xml:id="src" xml:lang="en">)"), std::string::npos);
  EXPECT_NE(xml.find(R"(<link target="#src.p1.s1 #tgt.p1.s1" cert="0.9876" />)"),
            std::string::npos);
}

TEST(WriteTei, KeepsIdsTheDocumentCarries) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.source.sentences[0].id = "ep.s17";
  const std::string xml = Write(bitext, "/data/small.tei.xml");
  EXPECT_NE(xml.find(R"(<link target="#ep.s17 #hu.p1.s1")"), std::string::npos);
}

TEST(WriteTei, CarriageReturnsAndControlCharactersAreSafe) {
  corpora::Bitext bitext = testing::SmallBitext();
  // "Two\r\nthree." with a vertical tab (not allowed in XML 1.0) in place of the space in "One.".
  bitext.source.text = "One\x0B Two\r\nthree.\n\nFour.";
  bitext.source.paragraphs = {{{0, 16}, 0, 2, ParagraphKind::kText, {}},
                              {{18, 23}, 2, 1, ParagraphKind::kText, {}}};
  bitext.source.sentences = {{{0, 4}, 0, {}}, {{5, 16}, 0, {}}, {{18, 23}, 1, {}}};
  const std::string xml = Write(bitext, "/data/small.tei.xml");
  EXPECT_NE(xml.find("<s xml:id=\"en.p1.s1\" source=\"en.txt#byte=0,4\">One\xEF\xBF\xBD</s>"),
            std::string::npos);
  EXPECT_NE(xml.find("Two&#13;\nthree.</s>"), std::string::npos);
  EXPECT_EQ(xml.find('\r'), std::string::npos);
}

TEST(WriteTei, RefusesAnInvalidLadder) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.ladder.pop_back();
  std::ostringstream out;
  EXPECT_FALSE(WriteTei(bitext, {}, out).ok());
}

// Every TEI document this test writes is checked with jing against tei_all.rng, in one call.
TEST(WriteTei, OutputValidatesAgainstTeiAll) {
  const std::string jing = TANDEM_JING;
  ASSERT_FALSE(jing.empty()) << "jing is not installed (./test.sh installs it)";
  const std::string schema = testing::SharedDir() + "/schemas/tei/tei_all.rng";
  testing::TempDir dir;

  std::vector<std::string> files;
  auto save = [&](const corpora::Bitext& bitext, const std::string& name) {
    const std::string path = dir.File(name);
    testing::WriteFile(path, Write(bitext, path));
    files.push_back(path);
  };
  save(testing::SmallBitext(), "small.tei.xml");
  corpora::Bitext same_language = testing::SmallBitext();
  same_language.target.language = "en";
  save(same_language, "same-language.tei.xml");
  corpora::Bitext with_info = testing::SmallBitext();
  with_info.source_info = {.title = "Reply to Stalin",
                           .author = "L. D. Trotsky",
                           .date = "16 December 1928",
                           .date_iso = "1928-12-16",
                           .translator = "The Militant",
                           .publisher = "The Militant, Vol. II. No. 7, 1929",
                           .source = "marxists.org",
                           .licence = "GNU FDL"};
  save(with_info, "with-info.tei.xml");

  corpora::AlignFilesRequest request;
  request.source_path = testing::SamplePath("en.txt");
  request.target_path = testing::SamplePath("hu.txt");
  request.source_language = "en";
  request.target_language = "hu";
  request.timestamp = "2026-01-01T00:00:00Z";
  StatusOr<corpora::Bitext> bundled = corpora::AlignFiles(request);
  ASSERT_TRUE(bundled.ok()) << bundled.status().message();
  save(*bundled, "reply-to-stalin.tei.xml");

  std::vector<std::string> command = {jing, schema};
  command.insert(command.end(), files.begin(), files.end());
  const testing::CommandResult result = testing::Run(command);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

}  // namespace
}  // namespace tandem::tei
