#include "tandem/tei/validate.h"

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.h"
#include "generated_corpus.h"
#include "tandem/tei/writer.h"
#include "test_util.h"

namespace tandem::tei {
namespace {

using ::testing::HasSubstr;

ValidationReport Validate(const std::string& path) {
  StatusOr<ValidationReport> report = ValidateTeiFile(path);
  EXPECT_TRUE(report.ok()) << report.status().message();
  return report.ok() ? *report : ValidationReport{};
}

ValidationReport ValidateText(const std::string& xml) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("x.tei.xml"), xml);
  ValidationReport report = Validate(dir.File("x.tei.xml"));
  for (ValidationProblem& p : report.problems) p.file = "x.tei.xml";
  return report;
}

TEST(ValidateTei, EverythingTandemWritesIsClean) {
  testing::TempDir dir;
  std::vector<std::pair<corpora::Bitext, TeiLayout>> cases = {
      {testing::SmallBitext(), TeiLayout::kSingleFile},
      {testing::ReviewedBitext(), TeiLayout::kSingleFile},
      {testing::ReviewedBitext(), TeiLayout::kSplit},
      {testing::GenerateBitext({.beads = 500}), TeiLayout::kSingleFile},
      {testing::GenerateBitext({.beads = 200, .seed = 3}), TeiLayout::kSplit},
  };
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const std::string path = dir.File("case" + std::to_string(k) + ".tei.xml");
    ASSERT_TRUE(
        WriteTeiFile(cases[k].first, {.output_path = path, .layout = cases[k].second}).ok());
    const ValidationReport report = Validate(path);
    // tandem's schema accepts every file of the corpus (the split layout writes three).
    std::vector<std::string> files = {path};
    if (cases[k].second == TeiLayout::kSplit) {
      const SplitPaths split = SplitLayoutPaths(cases[k].first, path);
      files.insert(files.end(), {split.source, split.target});
    }
    for (const std::string& file : files) {
      StatusOr<ValidationReport> schema = ValidateAgainstSchema(file);
      ASSERT_TRUE(schema.ok()) << schema.status().message();
      EXPECT_EQ(schema->problems.size(), 0u) << file << "\n" << schema->Format();
    }
    // The source files of the fixtures (/data/en.txt, /corpus/src.txt) do not exist: warnings.
    EXPECT_EQ(report.errors(), 0u) << k << "\n" << report.Format();
    for (const ValidationProblem& p : report.problems) {
      EXPECT_THAT(p.message, HasSubstr("does not exist")) << k;
    }
    EXPECT_EQ(report.links, cases[k].first.ladder.size());
  }
}

TEST(ValidateTei, TheSharedExamplesOfBrokenFiles) {
  TANDEM_SKIP_WITHOUT_SHARED();
  const std::string dir = testing::SharedPath("schemas/tei/examples/");
  struct Case {
    const char* file;
    const char* expected;
  };
  for (const Case& c : {
           Case{"broken/duplicate-id.tei.xml",
                "30:11: error: duplicate xml:id 'en.s1' (first at line 21)"},
           Case{"broken/dangling-target.tei.xml", "41:7: error: '#hu.s99' points to no element"},
           Case{"broken/schematron-only.tei.xml", "21:37: error: <s> inside <s>"},
           Case{"broken/schematron-only.tei.xml",
                "29:9: error: @target: '#x' points to no element"},
           Case{"broken/bad-attribute.tei.xml", "40:7: error: a link without @target"},
           Case{"broken/no-namespace.tei.xml", "5:1: error: <TEI> is not in the TEI namespace"},
           Case{"broken/empty-linkGrp.tei.xml",
                "21:11: warning: 5 sentences of the text 'en' are in no link"},
           Case{"parallel-standoff.tei.xml",
                "25:11: warning: 1 sentences of the text 'en' are in no link"},
       }) {
    const std::string text = Validate(dir + c.file).Format();
    EXPECT_THAT(text, HasSubstr(dir + c.file + ":" + c.expected)) << text;
  }
  const ValidationReport good = Validate(dir + "parallel-review-metadata.tei.xml");
  EXPECT_EQ(good.problems.size(), 0u) << good.Format();
  // jing accepts it, but its resp="#aligner" points nowhere.
  const ValidationReport dangling = Validate(dir + "parallel-teiCorpus.tei.xml");
  EXPECT_EQ(dangling.Format(), dir +
                                   "parallel-teiCorpus.tei.xml:20:7: error: @resp: '#aligner' "
                                   "points to no element\n");
}

std::string Corpus(const std::string& header, const std::string& links,
                   const std::string& annotations = "") {
  return "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">\n"
         "<teiHeader>" +
         header +
         "</teiHeader>\n"
         "<standOff><linkGrp type=\"alignment\" domains=\"#en #hu\">\n" +
         links + "\n</linkGrp>" + annotations +
         "</standOff>\n"
         "<TEI xml:id=\"en\"><text><body><p><s xml:id=\"a1\">One.</s> <s xml:id=\"a2\">Two.</s> "
         "<s xml:id=\"a3\">Three.</s></p></body></text></TEI>\n"
         "<TEI xml:id=\"hu\"><text><body><p><s xml:id=\"b1\">Egy.</s> <s xml:id=\"b2\">Kettő.</s>"
         "</p></body></text></TEI>\n</teiCorpus>\n";
}

const char* kReviewHeader =
    "<fileDesc><titleStmt><title>t</title><respStmt xml:id=\"r1\"><resp>review</resp><name>Ann"
    "</name></respStmt></titleStmt></fileDesc><encodingDesc><appInfo><application "
    "xml:id=\"aligner\" ident=\"tandem\" version=\"1\"><label>tandem</label></application>"
    "</appInfo><classDecl><taxonomy xml:id=\"review.status\"><category "
    "xml:id=\"review.automatic\"><catDesc>a</catDesc></category><category "
    "xml:id=\"review.confirmed\"><catDesc>c</catDesc></category></taxonomy></classDecl>"
    "</encodingDesc><revisionDesc><change xml:id=\"c1\">undated</change></revisionDesc>";

TEST(ValidateTei, AlignmentRules) {
  struct Case {
    const char* name;
    std::string links;
    const char* expected;
  };
  for (const Case& c : {
           Case{"out_of_order", "<link target=\"#a2 #b1\"/>\n<link target=\"#a1 #b2\"/>",
                "x.tei.xml:5:1: error: this link is out of order: it goes back in the source text"},
           Case{"twice", "<link target=\"#a1 #b1\"/>\n<link target=\"#a1 #b2\"/>",
                "x.tei.xml:5:1: error: '#a1' is already in the link at line 4"},
           Case{"gap_inside", "<link target=\"#a1 #a3 #b1\"/>",
                "x.tei.xml:4:1: error: the source sentences of this link are not consecutive"},
           Case{"one_side", "<link target=\"#a1 #a2\"/>",
                "x.tei.xml:4:1: error: a link with sentences of one text only"},
           Case{"one_target", "<link target=\"#a1\"/>",
                "x.tei.xml:4:1: error: a link needs at least two targets"},
           Case{"not_a_sentence", "<link target=\"#en #b1\"/>",
                "x.tei.xml:4:1: error: '#en' points to a <TEI>, not a sentence"},
           Case{"unaligned_both", "<ptr type=\"unaligned\" target=\"#a1 #b1\"/>",
                "x.tei.xml:4:1: error: a ptr of type unaligned with sentences of both texts"},
           Case{"cert", "<link target=\"#a1 #b1\" cert=\"2\"/>",
                "x.tei.xml:4:1: error: @cert=\"2\" is not a probability in [0, 1]"},
           Case{"uncovered", "<link target=\"#a1 #b1\"/>",
                "x.tei.xml:6:57: warning: 2 sentences of the text 'en' are in no link"},
       }) {
    const std::string text = ValidateText(Corpus("", c.links)).Format();
    EXPECT_THAT(text, HasSubstr(c.expected)) << c.name << "\n" << text;
  }
}

TEST(ValidateTei, ReviewRules) {
  struct Case {
    const char* name;
    std::string links;
    std::string annotations;
    const char* expected;
  };
  for (const Case& c : {
           Case{"no_status", "<link target=\"#a1 #b1\"/>", "",
                "x.tei.xml:4:1: error: @ana names 0 review statuses"},
           Case{"two_statuses",
                "<link target=\"#a1 #b1\" ana=\"#review.automatic #review.confirmed\"/>", "",
                "x.tei.xml:4:1: error: @ana names 2 review statuses"},
           Case{"reviewed_by_aligner",
                "<link target=\"#a1 #b1\" ana=\"#review.confirmed\" resp=\"#aligner\"/>", "",
                "x.tei.xml:4:1: error: a link reviewed by a person (review.confirmed) is "
                "attributed to the aligner"},
           Case{"resp_not_a_person",
                "<link target=\"#a1 #b1\" ana=\"#review.confirmed\" resp=\"#c1\"/>", "",
                "x.tei.xml:4:1: error: @resp '#c1' points to a <change>"},
           Case{"undated_change",
                "<link target=\"#a1 #b1\" ana=\"#review.confirmed\" resp=\"#r1\" change=\"#c1\"/>",
                "", "x.tei.xml:4:1: warning: @change '#c1' points to a change without a date"},
           Case{"missing_change",
                "<link target=\"#a1 #b1\" ana=\"#review.confirmed\" change=\"#c9\"/>", "",
                "x.tei.xml:4:1: error: @change: '#c9' points to no element"},
           Case{
               "annotation", "<link xml:id=\"l1\" target=\"#a1 #b1\" ana=\"#review.automatic\"/>",
               "<listAnnotation><annotation xml:id=\"n1\" target=\"#a1\" motivation=\"commenting\">"
               "<note>x</note></annotation></listAnnotation>",
               "x.tei.xml:5:27: error: the annotation points to '#a1', which is no link"},
           Case{"two_bookmarks",
                "<link xml:id=\"l1\" target=\"#a1 #b1\" ana=\"#review.automatic\"/>",
                "<listAnnotation><annotation xml:id=\"n1\" target=\"#l1\" "
                "motivation=\"bookmarking\"/>"
                "<annotation xml:id=\"n2\" target=\"#l1\" "
                "motivation=\"bookmarking\"/></listAnnotation>",
                "warning: a second bookmarking annotation of 'l1'"},
       }) {
    const std::string text = ValidateText(Corpus(kReviewHeader, c.links, c.annotations)).Format();
    EXPECT_THAT(text, HasSubstr(c.expected)) << c.name << "\n" << text;
  }
}

TEST(ValidateTei, ByteSpans) {
  const std::string xml =
      "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body>\n"
      "<p source=\"#byte=0,10\"><s xml:id=\"a\" source=\"#byte=0,4\">One.</s> <s xml:id=\"b\" "
      "source=\"#byte=3,12\">Two.</s></p>\n"
      "<p source=\"#byte=5,20\"><s xml:id=\"c\" source=\"#byte=9,2\">Two.</s></p>\n"
      "</body></text></TEI>";
  const std::string text = ValidateText(xml).Format();
  EXPECT_THAT(text, HasSubstr("x.tei.xml:2:66: error: the byte span [3, 12) is not inside its "
                              "paragraph's [0, 10)"));
  EXPECT_THAT(text, HasSubstr("x.tei.xml:3:1: error: the byte span [5, 20) starts before the end "
                              "of the previous paragraph's (10)"));
  EXPECT_THAT(text, HasSubstr("x.tei.xml:3:24: error: @source=\"#byte=9,2\" is not"));
  EXPECT_THAT(text, HasSubstr("warning: no alignment"));
}

TEST(ValidateTei, MalformedXmlIsOneErrorWithItsPlace) {
  const ValidationReport report =
      ValidateText("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader>\n</TEI>\n");
  ASSERT_EQ(report.problems.size(), 1u) << report.Format();
  EXPECT_EQ(report.Format(),
            "x.tei.xml:3:1: error: end tag </TEI> does not match <teiHeader> "
            "(line 2)\n");
}

TEST(ValidateTei, UnreadableFileIsAStatus) {
  EXPECT_EQ(ValidateTeiFile("/nonexistent/x.tei.xml").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace tandem::tei

namespace tandem::tei {
namespace {

// tandem-tei.rng says what tei_all's RELAX NG cannot: each case changes one thing in a corpus
// tandem wrote, and the schema must reject it at the place of the change (tei_all accepts all
// of these but the probability above 1).
struct SchemaCase {
  const char* name;
  const char* from;
  const char* to;
  const char* message;  // what libxml2 says, at the line of the change
};
void PrintTo(const SchemaCase& c, std::ostream* os) { *os << c.name; }

class TandemTeiSchemaRejects : public ::testing::TestWithParam<SchemaCase> {};

TEST_P(TandemTeiSchemaRejects, TheChangedFile) {
  testing::TempDir dir;
  const std::string path = dir.File("reviewed.tei.xml");
  ASSERT_TRUE(WriteTeiFile(testing::ReviewedBitext(), {.output_path = path}).ok());
  StatusOr<ValidationReport> good = ValidateAgainstSchema(path);
  ASSERT_TRUE(good.ok()) << good.status().message();
  ASSERT_EQ(good->problems.size(), 0u) << good->Format();

  std::string xml = testing::ReadFile(path);
  const std::size_t at = xml.find(GetParam().from);
  ASSERT_NE(at, std::string::npos) << GetParam().from;
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(
                                   xml.begin(), xml.begin() + static_cast<long>(at), '\n'));
  xml.replace(at, std::string(GetParam().from).size(), GetParam().to);
  testing::WriteFile(dir.File("changed.tei.xml"), xml);
  StatusOr<ValidationReport> bad = ValidateAgainstSchema(dir.File("changed.tei.xml"));
  ASSERT_TRUE(bad.ok()) << bad.status().message();
  EXPECT_GT(bad->errors(), 0u);
  EXPECT_THAT(bad->Format(), HasSubstr(dir.File("changed.tei.xml") + ":" + std::to_string(line) +
                                       ": error: " + GetParam().message))
      << bad->Format();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TandemTeiSchemaRejects,
    ::testing::Values(
        SchemaCase{"cert_above_1", "cert=\"0.75\"", "cert=\"1.5\"",
                   "Invalid attribute cert for element link"},
        SchemaCase{"cert_as_a_word", "cert=\"0.75\"", "cert=\"high\"",
                   "Invalid attribute cert for element link"},
        SchemaCase{"ana_outside_the_taxonomy", "ana=\"#review.edited\"", "ana=\"#review.maybe\"",
                   "Invalid attribute ana for element link"},
        SchemaCase{"confirmed_by_the_aligner", "ana=\"#review.confirmed\" resp=\"#reviewer.1\"",
                   "ana=\"#review.confirmed\" resp=\"#aligner\"",
                   "Invalid attribute resp for element link"},
        SchemaCase{"link_to_a_paragraph", "target=\"#en.p2.s1 #hu.p2.s1\"",
                   "target=\"#en.p2 #hu.p2.s1\"", "Invalid attribute target for element link"},
        SchemaCase{"link_to_a_bead", "target=\"#en.p2.s1 #hu.p2.s1\"",
                   "target=\"#en.p2.s1 #bead.1\"", "Invalid attribute target for element link"},
        SchemaCase{"link_with_one_target", "target=\"#en.p2.s1 #hu.p2.s1\"", "target=\"#en.p2.s1\"",
                   "Invalid attribute target for element link"},
        SchemaCase{"bead_id", "xml:id=\"bead.3\"", "xml:id=\"b3\"",
                   "Invalid attribute id for element link"},
        SchemaCase{"bookmark_that_comments", "motivation=\"bookmarking\"",
                   "motivation=\"commenting\"", "Element annotation failed to validate content"},
        SchemaCase{"sentence_id_of_a_paragraph", "xml:id=\"en.p2.s1\"", "xml:id=\"en.p7\"",
                   "Invalid attribute id for element s"},
        SchemaCase{"text_id", "<TEI xml:id=\"hu\"", "<TEI xml:id=\"Hungarian\"",
                   "Element TEI failed to validate content"},
        SchemaCase{"span_in_characters", "#byte=0,4\"", "#char=0,4\"",
                   "Invalid attribute source for element s"}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(TandemTeiSchema, IsBuiltInAndNamesItself) {
  EXPECT_THAT(std::string(TandemTeiSchema()),
              HasSubstr("tandem-tei.rng: the TEI that tandem writes"));
  EXPECT_THAT(std::string(TandemTeiSchema()), HasSubstr("<grammar"));
}

TEST(TandemTeiSchema, ErrorsOfTheFileAndOfTheSchema) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("cut.tei.xml"),
                     "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">\n<tei");
  StatusOr<ValidationReport> cut = ValidateAgainstSchema(dir.File("cut.tei.xml"));
  ASSERT_TRUE(cut.ok()) << cut.status().message();
  EXPECT_GT(cut->errors(), 0u);
  EXPECT_THAT(cut->Format(), HasSubstr(dir.File("cut.tei.xml") + ":2"));

  EXPECT_EQ(ValidateAgainstSchema(dir.File("missing.tei.xml")).status().code(),
            StatusCode::kNotFound);
  testing::WriteFile(dir.File("not-a-schema.rng"), "<grammar/>");
  StatusOr<ValidationReport> bad_schema =
      ValidateAgainstSchema(dir.File("cut.tei.xml"), {.schema_path = dir.File("not-a-schema.rng")});
  ASSERT_FALSE(bad_schema.ok());
  EXPECT_THAT(bad_schema.status().message(), HasSubstr("not-a-schema.rng: not a RELAX NG schema"));
  EXPECT_EQ(ValidateAgainstSchema(dir.File("cut.tei.xml"), {.schema_path = dir.File("none.rng")})
                .status()
                .code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace tandem::tei
