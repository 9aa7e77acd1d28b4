#include "tandem/tei/reader.h"

#include <random>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.h"
#include "generated_corpus.h"
#include "tandem/corpora/pipeline.h"
#include "tandem/tei/writer.h"
#include "test_util.h"

namespace tandem::tei {
namespace {

using ::testing::HasSubstr;

struct Warnings {
  std::vector<std::string> messages;
  corpora::WarningCallback callback() {
    return [this](const std::string& m) { messages.push_back(m); };
  }
};

// Writes `bitext` as TEI to `path` (kept for the jing check) and reads it back.
corpora::Bitext RoundTrip(const corpora::Bitext& bitext, const std::string& path,
                          TeiLayout layout = TeiLayout::kSingleFile, bool load_sources = false,
                          Warnings* warnings = nullptr) {
  const Status written = WriteTeiFile(bitext, {.output_path = path, .layout = layout});
  EXPECT_TRUE(written.ok()) << written.message();
  testing::KeepForSchemaCheck(path, "tei");
  TeiReadOptions options{.load_sources = load_sources};
  if (warnings != nullptr) options.warn = warnings->callback();
  StatusOr<corpora::Bitext> read = ReadTeiFile(path, options);
  EXPECT_TRUE(read.ok()) << read.status().message();
  return read.ok() ? *read : corpora::Bitext{};
}

corpora::Bitext BundledPair() {
  corpora::AlignFilesRequest request;
  request.source_path = testing::SamplePath("en.txt");
  request.target_path = testing::SamplePath("hu.txt");
  request.source_language = "en";
  request.target_language = "hu";
  request.timestamp = "2026-01-01T00:00:00Z";
  StatusOr<corpora::Bitext> bitext = corpora::AlignFiles(request);
  EXPECT_TRUE(bitext.ok()) << bitext.status().message();
  bitext->source_info = {.title = "Reply to Stalin", .author = "L. D. Trotsky"};
  return *bitext;
}

// Field by field first, so that a failure says where the difference is.
void ExpectSameBitext(const corpora::Bitext& read, const corpora::Bitext& original) {
  EXPECT_EQ(read.title, original.title);
  EXPECT_EQ(read.source_info, original.source_info);
  EXPECT_EQ(read.target_info, original.target_info);
  EXPECT_EQ(read.alignment, original.alignment);
  EXPECT_EQ(read.ladder, original.ladder);
  EXPECT_EQ(read.review, original.review);
  for (const auto& [a, b] :
       {std::pair{&read.source, &original.source}, std::pair{&read.target, &original.target}}) {
    EXPECT_EQ(a->name, b->name);
    EXPECT_EQ(a->language, b->language);
    EXPECT_EQ(a->encoding, b->encoding);
    EXPECT_EQ(a->converted, b->converted);
    EXPECT_EQ(a->synthetic, b->synthetic);
    EXPECT_EQ(a->paragraphs, b->paragraphs);
    EXPECT_EQ(a->sentences, b->sentences);
    EXPECT_EQ(a->text, b->text);
  }
  EXPECT_TRUE(read == original);
}

TEST(ReadTei, SmallBitextRoundTripsExactly) {
  testing::TempDir dir;
  const corpora::Bitext original = testing::SmallBitext();
  ExpectSameBitext(RoundTrip(original, dir.File("small.tei.xml")), original);
}

TEST(ReadTei, ReviewInformationRoundTripsExactly) {
  testing::TempDir dir;
  corpora::Bitext original = testing::ReviewedBitext();
  original.review[3].timestamp = "last Tuesday";  // not ISO: kept in a <date>
  original.alignment.dictionaries = {"eng-hun.dic"};
  ExpectSameBitext(RoundTrip(original, dir.File("reviewed.tei.xml")), original);
}

TEST(ReadTei, GeneratedCorporaOfEveryBeadTypeAndStatusRoundTripExactly) {
  testing::TempDir dir;
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    const corpora::Bitext original = testing::GenerateBitext({.beads = 400, .seed = seed});
    SCOPED_TRACE(seed);
    ExpectSameBitext(RoundTrip(original, dir.File("generated" + std::to_string(seed) + ".tei.xml")),
                     original);
  }
  // No review at all, and the same language on both sides.
  corpora::Bitext plain = testing::GenerateBitext(
      {.beads = 50, .review = false, .metadata = false, .target_language = "en"});
  ExpectSameBitext(RoundTrip(plain, dir.File("plain.tei.xml")), plain);
}

TEST(ReadTei, SplitLayoutRoundTripsExactly) {
  testing::TempDir dir;
  const corpora::Bitext original = testing::GenerateBitext({.beads = 100, .seed = 9});
  ExpectSameBitext(RoundTrip(original, dir.File("split.tei.xml"), TeiLayout::kSplit), original);
}

TEST(ReadTei, BundledPairRoundTripsExactly) {
  testing::TempDir dir;
  const corpora::Bitext original = BundledPair();
  // Rebuilt from the TEI: the bundled files have nothing but line feeds between paragraphs.
  ExpectSameBitext(RoundTrip(original, dir.File("pair.tei.xml")), original);
  // With the source files: the same, taken from the files.
  ExpectSameBitext(RoundTrip(original, dir.File("pair.tei.xml"), TeiLayout::kSingleFile, true),
                   original);
}

TEST(ReadTei, LoadSourcesTakesTheWholeFile) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("a.txt"), "  One. Two three.\n \nFour.\n\n");
  testing::WriteFile(dir.File("b.txt"),
                     "Egy. Kett\xC5\x91. H\xC3\xA1rom.\n\nN\xC3\xA9gy. \xC3\x96t.");
  corpora::Bitext original = testing::SmallBitext();
  original.source.name = dir.File("a.txt");
  original.source.text = testing::ReadFile(dir.File("a.txt"));
  original.source.paragraphs[0].span = {2, 17};
  original.source.paragraphs[1].span = {20, 25};
  original.source.sentences = {{{2, 6}, 0, {}}, {{7, 17}, 0, {}}, {{20, 25}, 1, {}}};
  original.target.name = dir.File("b.txt");
  // Without the file, what lies outside paragraphs comes back as line feeds.
  corpora::Bitext rebuilt = RoundTrip(original, dir.File("x.tei.xml"));
  EXPECT_EQ(rebuilt.source.text, "\n\nOne. Two three.\n\n\nFour.\n\n");
  EXPECT_EQ(rebuilt.source.sentences, original.source.sentences);
  // With it, everything.
  ExpectSameBitext(RoundTrip(original, dir.File("x.tei.xml"), TeiLayout::kSingleFile, true),
                   original);
  // A source file that changed since is not used.
  testing::WriteFile(dir.File("a.txt"), "  One. Two thr3e.\n \nFour.\n\n");
  Warnings warnings;
  const corpora::Bitext changed =
      RoundTrip(original, dir.File("y.tei.xml"), TeiLayout::kSingleFile, true, &warnings);
  EXPECT_EQ(changed.source.text, rebuilt.source.text);
  ASSERT_EQ(warnings.messages.size(), 1u);
  EXPECT_THAT(warnings.messages[0], HasSubstr("a.txt: the file has changed (its text)"));
}

TEST(ReadTei, ReplacedCharactersRenumberTheSpansWithAWarning) {
  testing::TempDir dir;
  corpora::Bitext original = testing::SmallBitext();
  original.source.text = "One\x0B Two three.\n\nFour.";
  Warnings warnings;
  const corpora::Bitext read =
      RoundTrip(original, dir.File("x.tei.xml"), TeiLayout::kSingleFile, false, &warnings);
  EXPECT_TRUE(read.source.synthetic);
  EXPECT_EQ(read.source.SentenceText(0), "One\xEF\xBF\xBD");
  EXPECT_EQ(read.source.SentenceText(2), "Four.");
  EXPECT_EQ(read.ladder, original.ladder);
  ASSERT_EQ(warnings.messages.size(), 1u);
  EXPECT_THAT(warnings.messages[0], HasSubstr("the byte spans in the file do not fit the text"));
}

TEST(ReadTei, SyntheticTextsRoundTripExactly) {
  testing::TempDir dir;
  corpora::Bitext original = testing::SmallBitext();
  // What a reader of a format without the original text builds (see document_builder.h).
  original.source.text = "One. Two three.\nFour.";
  original.source.synthetic = true;
  original.source.paragraphs = {{{0, 15}, 0, 2, ParagraphKind::kText, {}},
                                {{16, 21}, 2, 1, ParagraphKind::kText, {}}};
  original.source.sentences = {{{0, 4}, 0, {}}, {{5, 15}, 0, {}}, {{16, 21}, 1, {}}};
  ExpectSameBitext(RoundTrip(original, dir.File("x.tei.xml")), original);
}

std::string Example(const std::string& name) {
  return testing::SharedPath("schemas/tei/examples/" + name);
}

TEST(ReadTei, OneTeiWithTwoTextsInDivs) {
  TANDEM_SKIP_WITHOUT_SHARED();
  Warnings warnings;
  StatusOr<corpora::Bitext> bitext =
      ReadTeiFile(Example("parallel-standoff.tei.xml"), {.warn = warnings.callback()});
  ASSERT_TRUE(bitext.ok()) << bitext.status().message();
  EXPECT_EQ(bitext->source.language, "en");
  EXPECT_EQ(bitext->target.language, "hu");
  ASSERT_EQ(bitext->source.sentences.size(), 5u);
  ASSERT_EQ(bitext->target.sentences.size(), 4u);
  EXPECT_EQ(bitext->source.sentences[4].id, "en.s5");
  EXPECT_EQ(bitext->target.SentenceText(2), "a fordító kettévágta.");
  const align::Ladder expected = {
      {0, 1, 0, 1, 1.0}, {1, 1, 1, 2, 1.0}, {2, 2, 3, 1, 1.0}, {4, 1, 4, 0, 0.0}};
  EXPECT_EQ(bitext->ladder, expected);
  EXPECT_THAT(warnings.messages,
              ::testing::Contains(HasSubstr("1 sentence in no link; read as unaligned")));
}

TEST(ReadTei, TeiCorpusWithCorrespAndWordCertainties) {
  TANDEM_SKIP_WITHOUT_SHARED();
  StatusOr<corpora::Bitext> bitext = ReadTeiFile(Example("parallel-teiCorpus.tei.xml"));
  ASSERT_TRUE(bitext.ok()) << bitext.status().message();
  const align::Ladder expected = {{0, 1, 0, 1, 0.9}, {1, 1, 1, 2, 0.5}};
  EXPECT_EQ(bitext->ladder, expected);
  EXPECT_EQ(bitext->source.sentences[0].id, "doc.en.s1");
}

TEST(ReadTei, ReviewMetadataInTheExampleStyle) {
  TANDEM_SKIP_WITHOUT_SHARED();
  StatusOr<corpora::Bitext> bitext = ReadTeiFile(Example("parallel-review-metadata.tei.xml"));
  ASSERT_TRUE(bitext.ok()) << bitext.status().message();
  ASSERT_EQ(bitext->review.size(), 3u);
  // Its own categories (#st.confirmed) are not tandem's; the reviewer and time are read.
  EXPECT_EQ(bitext->review[0].reviewer, "Reviewer One");
  EXPECT_EQ(bitext->review[0].timestamp, "2024-01-01");
  EXPECT_EQ(bitext->review[2].reviewer, "");
  EXPECT_EQ(bitext->ladder[1].confidence, 0.41);
}

TEST(ReadTei, UnresolvedReviewReferencesAreTakenAsTheyAreWithAWarning) {
  Warnings warnings;
  StatusOr<corpora::Bitext> bitext = ReadTei(
      "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><standOff>\n"
      "<linkGrp domains=\"#en #hu\"><link target=\"#a #b\" resp=\"#nobody\" change=\"#c9\"/>"
      "</linkGrp></standOff>"
      "<TEI xml:id=\"en\" xml:lang=\"en\"><text><body><p><s xml:id=\"a\">A.</s></p></body></text>"
      "</TEI><TEI xml:id=\"hu\" xml:lang=\"hu\"><text><body><p><s xml:id=\"b\">B.</s></p></body>"
      "</text></TEI></teiCorpus>",
      "x.tei.xml", {.warn = warnings.callback()});
  ASSERT_TRUE(bitext.ok()) << bitext.status().message();
  EXPECT_EQ(bitext->review.at(0).reviewer, "nobody");
  EXPECT_EQ(
      warnings.messages,
      std::vector<std::string>{
          "x.tei.xml:2:28: @resp=\"#nobody\" names no respStmt of the header; taken as it is"});
}

struct BadTei {
  const char* name;
  std::string xml;
  const char* message;
};
void PrintTo(const BadTei& c, std::ostream* os) { *os << c.name; }

class ReadTeiErrors : public ::testing::TestWithParam<BadTei> {};

TEST_P(ReadTeiErrors, SayWhatAndWhere) {
  StatusOr<corpora::Bitext> bitext = ReadTei(GetParam().xml, "bad.tei.xml");
  ASSERT_FALSE(bitext.ok());
  EXPECT_EQ(bitext.status().code(), StatusCode::kInvalidData);
  EXPECT_THAT(bitext.status().message(), HasSubstr(GetParam().message));
}

std::string Corpus(const std::string& links, const std::string& en_body = "",
                   const std::string& hu_body = "", const std::string& annotations = "") {
  return "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">\n"
         "<teiHeader/>\n"
         "<standOff><linkGrp type=\"alignment\" domains=\"#en #hu\">\n" +
         links + "\n</linkGrp>" + annotations +
         "</standOff>\n"
         "<TEI xml:id=\"en\" xml:lang=\"en\"><text><body>\n" +
         (en_body.empty() ? "<p><s xml:id=\"a1\">One.</s> <s xml:id=\"a2\">Two.</s></p>"
                          : en_body) +
         "\n</body></text></TEI>\n"
         "<TEI xml:id=\"hu\" xml:lang=\"hu\"><text><body>\n" +
         (hu_body.empty() ? "<p><s xml:id=\"b1\">Egy.</s> <s xml:id=\"b2\">Kettő.</s></p>"
                          : hu_body) +
         "\n</body></text></TEI>\n</teiCorpus>\n";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ReadTeiErrors,
    ::testing::Values(
        BadTei{"dangling", Corpus("<link target=\"#a1 #b9\"/>"),
               "bad.tei.xml:4:1: the pointer '#b9' resolves to no sentence"},
        BadTei{"backwards", Corpus("<link target=\"#a2 #b2\"/>\n<link target=\"#a1 #b1\"/>"),
               "bad.tei.xml:5:1: this link goes back in the source text"},
        BadTei{
            "not_consecutive",
            Corpus("<link target=\"#a1 #a3 #b1\"/>",
                   "<p><s xml:id=\"a1\">One.</s> <s xml:id=\"a2\">Two.</s> <s "
                   "xml:id=\"a3\">Three.</s></p>",
                   "<p><s xml:id=\"b1\">Egy.</s></p>"),
            "bad.tei.xml:4:1: the source sentences of this link are not consecutive (a1 and a3)"},
        BadTei{"bad_cert", Corpus("<link target=\"#a1 #b1\" cert=\"1.5\"/>"),
               "bad.tei.xml:4:1: @cert=\"1.5\" is not a probability"},
        BadTei{"nested",
               Corpus("<link target=\"#a1 #b1\"/>", "<p><s xml:id=\"a1\">O<s>n</s>e.</s></p>"),
               "bad.tei.xml:7:20: <s> inside <s>"},
        BadTei{"empty_sentence", Corpus("<link target=\"#a1 #b1\"/>", "<p><s xml:id=\"a1\"/></p>"),
               "bad.tei.xml:7:4: an empty <s>"},
        BadTei{"duplicate_id",
               Corpus("<link target=\"#a1 #b1\"/>", "<p><s xml:id=\"b1\">X.</s></p>"),
               "the id 'b1' is used by two sentences"},
        BadTei{"malformed", Corpus("<link target=\"#a1 #b1\">"),
               "bad.tei.xml:5:1: end tag </linkGrp> does not match <link> (line 4)"},
        BadTei{"truncated", Corpus("<link target=\"#a1 #b1\"/>").substr(0, 200),
               "unexpected end of file"},
        BadTei{"annotation_target",
               Corpus("<link xml:id=\"l1\" target=\"#a1 #b1\"/>", "", "",
                      "\n<listAnnotation><annotation xml:id=\"n1\" target=\"#l2\" "
                      "motivation=\"bookmarking\"/></listAnnotation>"),
               "bad.tei.xml:6:17: the annotation points to '#l2', which is no link"},
        BadTei{"no_alignment",
               "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><p><s>A.</s></p>"
               "</body></text></TEI>",
               "bad.tei.xml:1:1: no alignment"},
        BadTei{"not_tei", "<tmx version=\"1.4\"><header/><body/></tmx>",
               "<tmx> is not a TEI document"},
        BadTei{"control_character",
               Corpus("<link target=\"#a1 #b1\"/>", "<p><s xml:id=\"a1\">A\x01.</s></p>"),
               "bad.tei.xml:7:20: character U+0001 is not allowed in XML"},
        BadTei{"character_reference",
               Corpus("<link target=\"#a1 #b1\"/>", "<p><s xml:id=\"a1\">A&#1;.</s></p>"),
               "bad.tei.xml:7:4: a character reference"},
        BadTei{"invalid_utf8",
               Corpus("<link target=\"#a1 #b1\"/>", "<p><s xml:id=\"a1\">A\xC3.</s></p>"),
               "bad.tei.xml:7:20: invalid UTF-8"},
        BadTei{"empty", "", "no root element"}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(ReadTei, TruncatedAndGarbledFilesNeverCrash) {
  std::ostringstream out;
  ASSERT_TRUE(WriteTei(testing::GenerateBitext({.beads = 30}), {}, out).ok());
  const std::string xml = out.str();
  std::size_t failures = 0;
  for (std::size_t cut = 0; cut < xml.size(); cut += 37) {
    failures += ReadTei(xml.substr(0, cut), "cut.tei.xml").ok() ? 0 : 1;
  }
  EXPECT_EQ(failures, (xml.size() + 36) / 37);  // every truncation is an error, none a crash
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string garbled = xml;
    for (int k = 0; k < 5; ++k) {
      garbled[std::uniform_int_distribution<std::size_t>(0, garbled.size() - 1)(rng)] =
          static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    }
    (void)ReadTei(garbled, "garbled.tei.xml");  // any Status; no crash, no hang
  }
}

TEST(ReadTeiDocument, ForeignTeiKeepsSegmentationAndIds) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("a.xml"),
                     "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"de\"><teiHeader/>"
                     "<text><body><div><head><s xml:id=\"h1\">Titel</s></head>\n"
                     "<p xml:id=\"x\">\n  <s xml:id=\"s1\">Ein <hi>Satz</hi>.</s>\n  <s "
                     "xml:id=\"s2\">Noch einer.</s>\n</p></div></body></text></TEI>");
  StatusOr<Document> doc = ReadTeiDocumentFile(dir.File("a.xml"));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->language, "de");
  EXPECT_TRUE(doc->synthetic);
  ASSERT_EQ(doc->sentences.size(), 3u);
  EXPECT_EQ(doc->SentenceText(1), "Ein Satz.");
  EXPECT_EQ(doc->sentences[1].id, "s1");
  ASSERT_EQ(doc->paragraphs.size(), 2u);
  EXPECT_EQ(doc->paragraphs[0].kind, ParagraphKind::kHeading);
  EXPECT_EQ(doc->paragraphs[1].id, "x");
  EXPECT_EQ(doc->ParagraphText(1), "\n  Ein Satz.\n  Noch einer.\n");
  EXPECT_TRUE(ValidateDocument(*doc).ok());
}

TEST(ReadTeiDocument, SegElementsWhenThereAreNoSentences) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("a.xml"),
                     "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body>"
                     "<p><seg xml:id=\"g1\">One.</seg><seg xml:id=\"g2\">Two.</seg></p>"
                     "</body></text></TEI>");
  StatusOr<Document> doc = ReadTeiDocumentFile(dir.File("a.xml"), {.language = "en"});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->sentences.size(), 2u);
  EXPECT_EQ(doc->sentences[1].id, "g2");
  EXPECT_EQ(doc->language, "en");
}

TEST(ReadTeiDocument, PicksATextOfACorpusByLanguage) {
  testing::TempDir dir;
  ASSERT_TRUE(WriteTeiFile(testing::SmallBitext(), {.output_path = dir.File("c.tei.xml")}).ok());
  StatusOr<Document> doc = ReadTeiDocumentFile(dir.File("c.tei.xml"), {.language = "hu"});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->sentences.size(), 5u);
  EXPECT_EQ(doc->sentences[0].span, (Span{0, 4}));  // the byte spans of the original
  EXPECT_FALSE(doc->synthetic);
  EXPECT_EQ(ReadTeiDocumentFile(dir.File("c.tei.xml")).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(ReadTeiDocument, ATextWithoutSentencesIsAnError) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("a.xml"),
                     "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body>"
                     "<p>No sentences here.</p></body></text></TEI>");
  StatusOr<Document> doc = ReadTeiDocumentFile(dir.File("a.xml"), {.language = "en"});
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidData);
  EXPECT_THAT(doc.status().message(), HasSubstr("no <s> or <seg> elements"));
}

}  // namespace
}  // namespace tandem::tei
