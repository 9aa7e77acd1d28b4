#include "tandem/tei/writer.h"

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.h"
#include "generated_corpus.h"
#include "tandem/corpora/pipeline.h"
#include "test_util.h"

namespace tandem::tei {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Write(const corpora::Bitext& bitext, const std::string& output_path,
                  std::vector<std::string>* warnings = nullptr) {
  std::ostringstream out;
  TeiWriteOptions options{.output_path = output_path};
  if (warnings != nullptr) {
    options.warn = [warnings](const std::string& m) { warnings->push_back(m); };
  }
  const Status status = WriteTei(bitext, options, out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out.str();
}

// Writes to a real file and keeps it for the jing check of every TEI the tests write.
std::string WriteAndKeep(const corpora::Bitext& bitext, const testing::TempDir& dir,
                         const std::string& name) {
  const std::string path = dir.File(name);
  const Status status = WriteTeiFile(bitext, {.output_path = path});
  EXPECT_TRUE(status.ok()) << status.message();
  testing::KeepForSchemaCheck(path, "tei");
  return testing::ReadFile(path);
}

// The whole document, byte for byte: tests/data/tei/small.tei.xml is the reviewed reference.
TEST(WriteTei, ExactOutputForASmallBitext) {
  const std::string xml = Write(testing::SmallBitext(), "/data/out/small.tei.xml");
  EXPECT_TRUE(testing::MatchesReferenceFile(xml, testing::TestDataDir() + "/tei/small.tei.xml"))
      << xml;
}

// Review records of every kind: statuses, reviewers, times, a note, bookmarks.
TEST(WriteTei, ExactOutputWithReviewInformation) {
  const std::string xml = Write(testing::ReviewedBitext(), "/data/out/reviewed.tei.xml");
  EXPECT_TRUE(testing::MatchesReferenceFile(xml, testing::TestDataDir() + "/tei/reviewed.tei.xml"))
      << xml;
}

TEST(WriteTei, ExactOutputOfTheSplitLayout) {
  const corpora::Bitext bitext = testing::ReviewedBitext();
  TeiWriteOptions options{.output_path = "/data/out/small.tei.xml", .layout = TeiLayout::kSplit};
  const SplitPaths paths = SplitLayoutPaths(bitext, options.output_path);
  EXPECT_EQ(paths.alignment, "/data/out/small.tei.xml");
  EXPECT_EQ(paths.source, "/data/out/small.en.tei.xml");
  EXPECT_EQ(paths.target, "/data/out/small.hu.tei.xml");
  std::ostringstream alignment;
  std::ostringstream source;
  std::ostringstream target;
  const Status status = WriteTeiSplit(bitext, options, alignment, source, target);
  ASSERT_TRUE(status.ok()) << status.message();
  const std::string dir = testing::TestDataDir() + "/tei/split/";
  EXPECT_TRUE(testing::MatchesReferenceFile(alignment.str(), dir + "small.tei.xml"));
  EXPECT_TRUE(testing::MatchesReferenceFile(source.str(), dir + "small.en.tei.xml"));
  EXPECT_TRUE(testing::MatchesReferenceFile(target.str(), dir + "small.hu.tei.xml"));
}

TEST(WriteTei, SplitLayoutWritesThreeFiles) {
  testing::TempDir dir;
  const Status status =
      WriteTeiFile(testing::ReviewedBitext(),
                   {.output_path = dir.File("pair.tei.xml"), .layout = TeiLayout::kSplit});
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(testing::ListDir(dir.path()),
            (std::vector<std::string>{"pair.en.tei.xml", "pair.hu.tei.xml", "pair.tei.xml"}));
  for (const char* name : {"pair.en.tei.xml", "pair.hu.tei.xml", "pair.tei.xml"}) {
    testing::KeepForSchemaCheck(dir.File(name), "tei");
  }
  EXPECT_THAT(testing::ReadFile(dir.File("pair.tei.xml")),
              HasSubstr(R"(<link xml:id="bead.1" target="pair.en.tei.xml#en.p1.s1 )"
                        R"(pair.hu.tei.xml#hu.p1.s1")"));
}

TEST(WriteTei, SourcePointersAreRelativeToTheOutput) {
  const std::string xml = Write(testing::SmallBitext(), "/data/small.tei.xml");
  EXPECT_THAT(xml, HasSubstr(R"(<s xml:id="hu.p1.s2" source="hu.txt#byte=5,12">Kettő.</s>)"));
}

TEST(WriteTei, ParagraphContentIsTheSourceTextExactly) {
  const std::string xml = Write(testing::SmallBitext(), "/data/small.tei.xml");
  EXPECT_THAT(xml, HasSubstr(R"(<p xml:id="en.p1" source="en.txt#byte=0,15"><s xml:id="en.p1.s1" )"
                             R"(source="en.txt#byte=0,4">One.</s> <s xml:id="en.p1.s2" )"
                             R"(source="en.txt#byte=5,15">Two three.</s></p>)"));
}

TEST(WriteTei, SameLanguageOnBothSidesUsesNeutralIds) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.target.language = "en";
  const std::string xml = Write(bitext, "/data/small.tei.xml");
  EXPECT_THAT(xml, HasSubstr(R"(<TEI xml:id="src" xml:lang="en">)"));
  EXPECT_THAT(xml,
              HasSubstr(R"(<link xml:id="bead.1" target="#src.p1.s1 #tgt.p1.s1" cert="0.9876")"));
}

TEST(WriteTei, KeepsIdsTheDocumentCarries) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.source.sentences[0].id = "ep.s17";
  bitext.source.paragraphs[1].id = "ep.p9";
  const std::string xml = Write(bitext, "/data/small.tei.xml");
  EXPECT_THAT(xml, HasSubstr(R"(target="#ep.s17 #hu.p1.s1")"));
  EXPECT_THAT(xml, HasSubstr(R"(<p xml:id="ep.p9")"));
}

TEST(WriteTei, IdsThatAreNotXmlNamesAreReplacedWithAWarning) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.source.sentences[0].id = "1:1";
  bitext.source.sentences[1].id =
      "a\xC3\x97"
      "b";                                              // U+00D7 is not a name character
  bitext.target.sentences[0].id = "\xC3\xA9t\xC5\x91";  // "étő" is a name
  std::vector<std::string> warnings;
  const std::string xml = Write(bitext, "/data/small.tei.xml", &warnings);
  EXPECT_THAT(xml, HasSubstr("target=\"#en.p1.s1 #\xC3\xA9t\xC5\x91\""));
  EXPECT_THAT(xml, HasSubstr(R"(target="#en.p1.s2 #hu.p1.s2 #hu.p1.s3")"));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("/data/en.txt: 2 ids are not XML names (for example '1:1')"));
}

// tandem-tei.rng gives paragraphs the form "....p<k>" and lets links point only at ids without
// it, so a sentence id of that form is replaced (before, it was kept and the schema refused the
// file); a paragraph may keep it.
TEST(WriteTei, SentenceIdsOfTheFormOfAParagraphIdAreReplacedWithAWarning) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.source.sentences[0].id = "ep.p3";
  bitext.source.sentences[1].id = "ep.p3a";  // not the form: kept
  bitext.source.paragraphs[1].id = "ep.p9";
  std::vector<std::string> warnings;
  const std::string xml = Write(bitext, "/data/small.tei.xml", &warnings);
  EXPECT_THAT(xml, HasSubstr(R"(target="#en.p1.s1 #hu.p1.s1")"));
  EXPECT_THAT(xml, HasSubstr(R"(target="#ep.p3a #hu.p1.s2 #hu.p1.s3")"));
  EXPECT_THAT(xml, HasSubstr(R"(<p xml:id="ep.p9")"));
  EXPECT_THAT(xml, ::testing::Not(HasSubstr("\"ep.p3\"")));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("/data/en.txt: 1 sentence ids have the form of a paragraph id "
                                     "(for example 'ep.p3')"));
}

TEST(WriteTei, DuplicateIdsAreRefused) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.source.sentences[0].id = "x";
  bitext.target.sentences[3].id = "x";
  std::ostringstream out;
  const Status status = WriteTei(bitext, {}, out);
  EXPECT_EQ(status.code(), StatusCode::kInvalidData);
  EXPECT_THAT(status.message(), HasSubstr("the id 'x' occurs twice"));
  bitext.target.sentences[3].id = "en.p1.s2";  // collides with a derived id
  EXPECT_THAT(WriteTei(bitext, {}, out).message(), HasSubstr("'en.p1.s2' occurs twice"));
  bitext.target.sentences[3].id = "bead.7";
  EXPECT_THAT(WriteTei(bitext, {}, out).message(), HasSubstr("starts with 'bead.'"));
}

TEST(WriteTei, CarriageReturnsAndControlCharactersAreSafe) {
  corpora::Bitext bitext = testing::SmallBitext();
  // "Two\r\nthree." with a vertical tab (not allowed in XML 1.0) in place of the space in "One.".
  bitext.source.text = "One\x0B Two\r\nthree.\n\nFour.";
  bitext.source.paragraphs = {{{0, 16}, 0, 2, ParagraphKind::kText, {}},
                              {{18, 23}, 2, 1, ParagraphKind::kText, {}}};
  bitext.source.sentences = {{{0, 4}, 0, {}}, {{5, 16}, 0, {}}, {{18, 23}, 1, {}}};
  std::vector<std::string> warnings;
  const std::string xml = Write(bitext, "/data/small.tei.xml", &warnings);
  EXPECT_THAT(xml,
              HasSubstr("<s xml:id=\"en.p1.s1\" source=\"en.txt#byte=0,4\">One\xEF\xBF\xBD</s>"));
  EXPECT_THAT(xml, HasSubstr("Two&#13;\nthree.</s>"));
  EXPECT_EQ(xml.find('\r'), std::string::npos);
  EXPECT_EQ(xml.find('\x0B'), std::string::npos);
  EXPECT_EQ(warnings, std::vector<std::string>{"/data/en.txt:1:4: character U+000B cannot be "
                                               "written in XML; written as U+FFFD"});
}

TEST(WriteTei, ManyBadCharactersGiveTenWarningsAndACount) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.source.text =
      std::string("One\x01\x02\x03\x04\x05\x06\x07\x08\x0B\x0C\x0E\x0F. Two three.\n\nFour.");
  bitext.source.paragraphs = {{{0, 27}, 0, 2, ParagraphKind::kText, {}},
                              {{29, 34}, 2, 1, ParagraphKind::kText, {}}};
  bitext.source.sentences = {{{0, 16}, 0, {}}, {{17, 27}, 0, {}}, {{29, 34}, 1, {}}};
  std::vector<std::string> warnings;
  Write(bitext, "/data/small.tei.xml", &warnings);
  ASSERT_EQ(warnings.size(), 11u);
  EXPECT_THAT(warnings[9], HasSubstr("/data/en.txt:1:13: character U+000C"));
  EXPECT_EQ(warnings[10],
            "/data/en.txt: 2 more characters that XML cannot hold were written as U+FFFD");
}

TEST(WriteTei, MetadataThatTeiCannotTakeAsIsIsLeftOutWithAWarning) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.alignment.version = "1.2-beta";
  bitext.alignment.timestamp = "yesterday";
  bitext.source_info.date = "late 1928";
  bitext.source_info.date_iso = "1928-13";
  bitext.title = "A \x01 title";
  std::vector<std::string> warnings;
  const std::string xml = Write(bitext, "/data/small.tei.xml", &warnings);
  EXPECT_THAT(xml, HasSubstr(R"(<application xml:id="aligner" ident="tandem" version="0">)"));
  EXPECT_THAT(xml, HasSubstr("<date>late 1928</date>"));
  EXPECT_THAT(xml, HasSubstr("<title>A \xEF\xBF\xBD title</title>"));
  EXPECT_EQ(warnings.size(), 4u);
}

TEST(WriteTei, ReviewTimesThatAreNotIsoGoInAChangeDate) {
  corpora::Bitext bitext = testing::ReviewedBitext();
  bitext.review[3].timestamp = "last Tuesday";
  const std::string xml = Write(bitext, "/data/small.tei.xml");
  EXPECT_THAT(xml, HasSubstr(R"(<change xml:id="change.2" who="#reviewer.2">alignment review, )"
                             R"(<date>last Tuesday</date></change>)"));
}

TEST(WriteTei, ParagraphKindsBecomeAbElements) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.source.paragraphs[0].kind = ParagraphKind::kHeading;
  bitext.target.paragraphs[1].kind = ParagraphKind::kListItem;
  const std::string xml = Write(bitext, "/data/small.tei.xml");
  EXPECT_THAT(xml, HasSubstr(R"(<ab type="heading" xml:id="en.p1")"));
  EXPECT_THAT(xml, HasSubstr(R"(<ab type="listItem" xml:id="hu.p2")"));
  EXPECT_THAT(xml, HasSubstr("Two three.</s></ab>"));
}

TEST(WriteTei, SyntheticTextsHaveNoByteSpans) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.source.synthetic = true;
  const std::string xml = Write(bitext, "/data/small.tei.xml");
  EXPECT_THAT(xml, HasSubstr(R"(<s xml:id="en.p1.s1">One.</s>)"));
  EXPECT_THAT(xml, HasSubstr(R"(<note type="layout">)"));
  EXPECT_THAT(xml, HasSubstr(R"(<s xml:id="hu.p1.s1" source="hu.txt#byte=0,4">)"));
}

TEST(WriteTei, RefusesAnInvalidBitext) {
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.ladder.pop_back();
  std::ostringstream out;
  EXPECT_FALSE(WriteTei(bitext, {}, out).ok());
  bitext = testing::ReviewedBitext();
  bitext.review.pop_back();
  EXPECT_THAT(WriteTei(bitext, {}, out).message(), HasSubstr("3 review records for 4 beads"));
}

TEST(WriteTei, UnwritableOutputLeavesNoFile) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("a-file"), "x");
  EXPECT_FALSE(
      WriteTeiFile(testing::SmallBitext(), {.output_path = dir.File("a-file/x.tei.xml")}).ok());
  EXPECT_FALSE(WriteTeiFile(testing::SmallBitext(), {.output_path = dir.File("no-dir/x.tei.xml"),
                                                     .layout = TeiLayout::kSplit})
                   .ok());
  EXPECT_EQ(testing::ListDir(dir.path()), std::vector<std::string>{"a-file"});
}

// These documents go to the jing check (schema_check.tei_jing), with every other TEI the tests
// write.
TEST(WriteTei, OutputsForTheSchemaCheck) {
  testing::TempDir dir;
  WriteAndKeep(testing::SmallBitext(), dir, "small.tei.xml");
  WriteAndKeep(testing::ReviewedBitext(), dir, "reviewed.tei.xml");
  corpora::Bitext same_language = testing::SmallBitext();
  same_language.target.language = "en";
  WriteAndKeep(same_language, dir, "same-language.tei.xml");
  corpora::Bitext kinds = testing::SmallBitext();
  kinds.source.paragraphs[0].kind = ParagraphKind::kHeading;
  kinds.target.paragraphs[1].kind = ParagraphKind::kListItem;
  kinds.source.synthetic = true;
  kinds.alignment.timestamp = "yesterday";
  kinds.source_info.date_iso = "1928-13";
  WriteAndKeep(kinds, dir, "kinds.tei.xml");
  corpora::Bitext with_info = testing::ReviewedBitext();
  with_info.source_info = {.title = "Reply to Stalin",
                           .author = "L. D. Trotsky",
                           .date = "16 December 1928",
                           .date_iso = "1928-12-16",
                           .translator = "The Militant",
                           .publisher = "The Militant, Vol. II. No. 7, 1929",
                           .source = "marxists.org",
                           .licence = "GNU FDL",
                           .note = "from the Russian"};
  with_info.alignment.dictionaries = {"eng-hun.dic", "a & b"};
  with_info.review[3].timestamp = "last Tuesday";
  WriteAndKeep(with_info, dir, "with-info.tei.xml");
  WriteAndKeep(testing::GenerateBitext({.beads = 300}), dir, "generated.tei.xml");

  corpora::AlignFilesRequest request;
  request.source_path = testing::SamplePath("en.txt");
  request.target_path = testing::SamplePath("hu.txt");
  request.source_language = "en";
  request.target_language = "hu";
  request.timestamp = "2026-01-01T00:00:00Z";
  StatusOr<corpora::Bitext> bundled = corpora::AlignFiles(request);
  ASSERT_TRUE(bundled.ok()) << bundled.status().message();
  const std::string xml = WriteAndKeep(*bundled, dir, "reply-to-stalin.tei.xml");
  EXPECT_THAT(xml, Not(HasSubstr("\r")));
}

}  // namespace
}  // namespace tandem::tei
