// Every exchange format: exact output for a small bitext, round trips (exact for what each
// format carries), the shared samples of each format, filters, and damaged input.
#include "tandem/tei/formats.h"

#include <filesystem>
#include <random>
#include <set>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "exchange.h"
#include "fixtures.h"
#include "generated_corpus.h"
#include "hunalign.h"
#include "tandem/corpora/pipeline.h"
#include "tandem/tei/reader.h"
#include "tandem/tei/validate.h"
#include "test_util.h"

namespace tandem::tei {
namespace {

using ::testing::HasSubstr;

// Other tools' sample files (InterText, OPUS, hunalign, LF Aligner, ...): shared third-party data.
std::string FormatsDir() { return testing::SharedPath("data/formats/"); }

// What a format carries of a bitext, for comparing round trips.
struct Carries {
  bool spans = false;
  bool ids = false;
  bool confidence = true;
  bool review = true;        // the whole review record
  bool status_only = false;  // InterText: man/auto and the bookmark
};

struct View {
  std::vector<std::string> text[2];
  std::vector<Span> spans[2];
  std::vector<std::string> ids[2];
  std::vector<std::size_t> paragraph_starts[2];  // the sentence each paragraph starts with
  std::vector<std::string> languages;
  align::Ladder ladder;
  std::vector<corpora::BeadReview> review;
};

View Project(const corpora::Bitext& bitext, const Carries& carries) {
  View view;
  const Document* docs[2] = {&bitext.source, &bitext.target};
  for (int side = 0; side < 2; ++side) {
    const Document& doc = *docs[side];
    view.languages.push_back(doc.language);
    for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
      view.text[side].emplace_back(doc.SentenceText(i));
      if (carries.spans) view.spans[side].push_back(doc.sentences[i].span);
      if (carries.ids) view.ids[side].push_back(doc.sentences[i].id);
    }
    for (const Paragraph& p : doc.paragraphs)
      view.paragraph_starts[side].push_back(p.first_sentence);
  }
  view.ladder = bitext.ladder;
  if (!carries.confidence) {
    for (align::Bead& bead : view.ladder) bead.confidence = 0;
  }
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    corpora::BeadReview review = corpora::ReviewOf(bitext, k);
    if (!carries.review) review = {};
    if (carries.status_only) {
      const bool reviewed = review.status != corpora::ReviewStatus::kAutomatic;
      const bool bookmark = review.bookmark;
      review = {};
      review.status =
          reviewed ? corpora::ReviewStatus::kConfirmed : corpora::ReviewStatus::kAutomatic;
      review.bookmark = bookmark;
    }
    view.review.push_back(review);
  }
  return view;
}

void ExpectSameView(const View& read, const View& original) {
  for (int side = 0; side < 2; ++side) {
    EXPECT_EQ(read.text[side], original.text[side]) << side;
    EXPECT_EQ(read.spans[side], original.spans[side]) << side;
    EXPECT_EQ(read.ids[side], original.ids[side]) << side;
    EXPECT_EQ(read.paragraph_starts[side], original.paragraph_starts[side]) << side;
  }
  EXPECT_EQ(read.languages, original.languages);
  EXPECT_EQ(read.ladder, original.ladder);
  EXPECT_EQ(read.review, original.review);
}

corpora::Bitext RoundTrip(const corpora::Bitext& bitext, Format format, const std::string& path,
                          std::vector<std::string>* warnings = nullptr) {
  corpora::WarningCallback warn;
  if (warnings != nullptr) warn = [warnings](const std::string& m) { warnings->push_back(m); };
  const Status written = WriteBitext(bitext, {.path = path, .format = format, .warn = warn});
  EXPECT_TRUE(written.ok()) << written.message();
  if (format == Format::kTmx) testing::KeepForSchemaCheck(path, "tmx");
  ReadRequest read{.path = path,
                   .format = format,
                   .source_language = bitext.source.language,
                   .target_language = bitext.target.language,
                   .warn = warn};
  StatusOr<corpora::Bitext> back = ReadBitext(read);
  EXPECT_TRUE(back.ok()) << back.status().message();
  return back.ok() ? *back : corpora::Bitext{};
}

struct ExactCase {
  Format format;
  const char* file;
  Carries carries;
};

const std::vector<ExactCase>& ExactCases() {
  static const std::vector<ExactCase> kCases = {
      {Format::kTmx, "x.tmx", {.spans = true, .ids = true}},
      {Format::kJsonl, "x.jsonl", {.spans = true, .ids = true}},
      {Format::kXces, "x.xml", {.ids = true, .review = false}},
      {Format::kInterText,
       "x.alignment.xml",
       {.confidence = false, .review = true, .status_only = true}},
  };
  return kCases;
}

TEST(Formats, RoundTripsAreExactForWhatEachFormatCarries) {
  testing::TempDir dir;
  std::vector<corpora::Bitext> bitexts = {testing::ReviewedBitext()};
  for (std::uint32_t seed = 1; seed <= 3; ++seed) {
    bitexts.push_back(testing::GenerateBitext({.beads = 300, .seed = seed}));
  }
  corpora::Bitext with_ids = testing::SmallBitext();
  with_ids.source.sentences[1].id = "ep.s17";
  with_ids.target.sentences[3].id = "x9";
  bitexts.push_back(with_ids);
  corpora::Bitext same_language = testing::GenerateBitext({.beads = 40, .seed = 8});
  same_language.target.language = "en";
  bitexts.push_back(same_language);
  for (const ExactCase& c : ExactCases()) {
    for (std::size_t b = 0; b < bitexts.size(); ++b) {
      SCOPED_TRACE(std::string(FormatName(c.format)) + " bitext " + std::to_string(b));
      Carries carries = c.carries;
      if (c.format == Format::kInterText && b == 4) carries.ids = false;  // InterText: P:S ids
      const corpora::Bitext back =
          RoundTrip(bitexts[b], c.format, dir.File(std::to_string(b) + c.file));
      ExpectSameView(Project(back, carries), Project(bitexts[b], carries));
    }
  }
}

TEST(Formats, TmxReadsBackTheWholeTextWithinParagraphsAndItsNames) {
  testing::TempDir dir;
  const corpora::Bitext original = testing::SmallBitext();
  const corpora::Bitext back = RoundTrip(original, Format::kTmx, dir.File("small.tmx"));
  EXPECT_EQ(back.source.name, original.source.name);
  EXPECT_EQ(back.source.text, original.source.text);  // spaces between sentences, LF outside
  EXPECT_EQ(back.target.text, original.target.text);
  EXPECT_EQ(back.source.paragraphs, original.source.paragraphs);
}

TEST(Formats, BundledPairRoundTrips) {
  corpora::AlignFilesRequest request;
  request.source_path = testing::SamplePath("en.txt");
  request.target_path = testing::SamplePath("hu.txt");
  request.source_language = "en";
  request.target_language = "hu";
  StatusOr<corpora::Bitext> bitext = corpora::AlignFiles(request);
  ASSERT_TRUE(bitext.ok()) << bitext.status().message();
  testing::TempDir dir;
  for (const ExactCase& c : ExactCases()) {
    SCOPED_TRACE(FormatName(c.format));
    const corpora::Bitext back = RoundTrip(*bitext, c.format, dir.File(c.file));
    ExpectSameView(Project(back, c.carries), Project(*bitext, c.carries));
  }
}

// The table of formats says one thing once: each format has one row, a name and an extension
// of its own, and the names of files tandem writes lose exactly that extension.
TEST(Formats, OneRowPerFormat) {
  std::set<std::string_view> names;
  std::set<std::string_view> extensions;
  for (const Format format : AllFormats()) {
    const FormatInfo& info = DescribeFormat(format);
    SCOPED_TRACE(info.name);
    EXPECT_EQ(info.format, format);
    EXPECT_EQ(FormatFromName(info.name), format);
    EXPECT_TRUE(names.insert(info.name).second);
    if (format == Format::kMoses) {
      EXPECT_TRUE(info.extension.empty());
      EXPECT_EQ(info.files, 2);
      continue;
    }
    EXPECT_TRUE(extensions.insert(info.extension).second);
    EXPECT_EQ(NameWithoutFormatExtension("out/letter" + std::string(info.extension)), "letter");
    EXPECT_GE(info.files, 1);
    EXPECT_EQ(IsCompleteFormat(format), info.complete);
  }
  EXPECT_EQ(names.size(), 11u);
  EXPECT_FALSE(FormatFromName("docx").has_value());
  EXPECT_EQ(NameWithoutFormatExtension("a/notes.txt"), "notes.txt");
  EXPECT_EQ(NameWithoutFormatExtension(".tmx"), ".tmx");
}

// Each format's exact output for the small reviewed bitext: tests/data/formats/ holds the
// reviewed references.
TEST(Formats, ExactOutputOfEveryFormat) {
  testing::TempDir dir;
  corpora::Bitext bitext = testing::ReviewedBitext();
  // Beside the outputs: file names in a corpus are relative to it, and the references must not
  // depend on where the temporary directory is.
  bitext.source.name = dir.File("en.txt");
  bitext.target.name = dir.File("hu.txt");
  const std::string reference = testing::TestDataDir() + "/formats/";
  for (const Format format : AllFormats()) {
    if (format == Format::kTei) continue;  // tests/tei/writer_test.cc
    const std::string name = std::string(FormatName(format));
    WriteRequest request{.path = dir.File("small." + name), .format = format};
    if (format == Format::kInterText) request.path = dir.File("small.alignment.xml");
    if (format == Format::kXces) request.path = dir.File("small.xml");
    if (format == Format::kMoses) request.path = dir.File("small.en-hu");
    const Status status = WriteBitext(bitext, request);
    ASSERT_TRUE(status.ok()) << name << ": " << status.message();
    for (const std::string& path : OutputPaths(bitext, request)) {
      const std::string file = std::filesystem::path(path).filename().string();
      EXPECT_TRUE(testing::MatchesReferenceFile(testing::ReadFile(path), reference + file))
          << file << "\n"
          << testing::ReadFile(path);
    }
  }
}

TEST(Formats, TmxValidatesAgainstItsSchema) {
  testing::TempDir dir;
  for (const corpora::Bitext& bitext :
       {testing::ReviewedBitext(), testing::GenerateBitext({.beads = 200})}) {
    const std::string path = dir.File("x" + std::to_string(bitext.ladder.size()) + ".tmx");
    ASSERT_TRUE(WriteBitext(bitext, {.path = path, .format = Format::kTmx}).ok());
  }
  // Every TMX file of the tests is checked in schema_check.tmx (and schema_check.tmx_dtd); here
  // these two directly, against tandem's TMX 1.4b schema, as a quick signal.
  const std::string schema = testing::SourceDir() + "/tei/schema/tmx14.rng";
  for (const char* name : {"x4.tmx", "x200.tmx"}) {
    StatusOr<ValidationReport> report =
        ValidateAgainstSchema(dir.File(name), {.schema_path = schema});
    ASSERT_TRUE(report.ok()) << report.status().message();
    EXPECT_EQ(report->problems.size(), 0u) << report->Format();
  }
  // A header without its required segtype is not TMX.
  std::string broken = testing::ReadFile(dir.File("x4.tmx"));
  const std::size_t at = broken.find(" segtype=\"sentence\"");
  ASSERT_NE(at, std::string::npos);
  broken.erase(at, std::string(" segtype=\"sentence\"").size());
  testing::WriteFile(dir.File("broken.tmx"), broken);
  StatusOr<ValidationReport> report =
      ValidateAgainstSchema(dir.File("broken.tmx"), {.schema_path = schema});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_THAT(report->Format(), HasSubstr("broken.tmx:4: error: "));
}

TEST(Formats, InterTextOutputHasTheStructureOfInterTextsOwnFiles) {
  TANDEM_SKIP_WITHOUT_SHARED();
  // Read InterText's own sample, write it again: the alignment file is byte for byte the same,
  // and the documents too but for the inline <b>/<i> markup tandem does not keep.
  const std::string sample = FormatsDir() + "intertext/";
  StatusOr<corpora::Bitext> bitext =
      ReadBitext({.path = sample + "Obama-Inauguracni_rec.cs-00.no-00.alignment.xml"});
  ASSERT_TRUE(bitext.ok()) << bitext.status().message();
  EXPECT_EQ(bitext->source.language, "cs");
  EXPECT_EQ(bitext->target.language, "no");
  EXPECT_EQ(bitext->ladder.size(), 112u);
  EXPECT_EQ(bitext->ladder[16], (align::Bead{16, 0, 17, 1, 1.0}));  // type='1-0' xtargets='8:1;'
  EXPECT_EQ(bitext->source.SentenceText(0), "Moji spoluobčané, ");
  testing::TempDir dir;
  const std::string out = dir.File("Obama-Inauguracni_rec.cs-00.no-00.alignment.xml");
  ASSERT_TRUE(WriteBitext(*bitext, {.path = out, .format = Format::kInterText}).ok());
  EXPECT_EQ(testing::ListDir(dir.path()),
            (std::vector<std::string>{"Obama-Inauguracni_rec.cs-00.no-00.alignment.xml",
                                      "Obama-Inauguracni_rec.cs-00.xml",
                                      "Obama-Inauguracni_rec.no-00.xml"}));
  EXPECT_EQ(testing::ReadFile(out),
            testing::ReadFile(sample + "Obama-Inauguracni_rec.cs-00.no-00.alignment.xml"));
  EXPECT_EQ(testing::ReadFile(dir.File("Obama-Inauguracni_rec.no-00.xml")),
            testing::ReadFile(sample + "Obama-Inauguracni_rec.no-00.xml"));
  std::string cs = testing::ReadFile(sample + "Obama-Inauguracni_rec.cs-00.xml");
  for (const char* tag : {"<b>", "</b>", "<i>", "</i>"}) {
    for (std::size_t at = cs.find(tag); at != std::string::npos; at = cs.find(tag)) {
      cs.erase(at, std::string(tag).size());
    }
  }
  EXPECT_EQ(testing::ReadFile(dir.File("Obama-Inauguracni_rec.cs-00.xml")), cs);
}

TEST(Formats, TheSharedSamplesOfOtherTools) {
  TANDEM_SKIP_WITHOUT_SHARED();
  const std::string dir = FormatsDir();
  StatusOr<corpora::Bitext> xces = ReadBitext({.path = dir + "xces-opus/en-hu.xml"});
  ASSERT_TRUE(xces.ok()) << xces.status().message();
  EXPECT_EQ(xces->source.language, "en");
  const align::Ladder xces_ladder = {
      {0, 1, 0, 1, 0.91}, {1, 1, 1, 2, 0.42}, {2, 2, 3, 1, 1.0}, {4, 1, 4, 0, 1.0}};
  EXPECT_EQ(xces->ladder, xces_ladder);
  EXPECT_EQ(xces->source.sentences[0].id, "s1");

  StatusOr<corpora::Bitext> tmx = ReadBitext({.path = dir + "tmx/en-hu.tmx"});
  ASSERT_TRUE(tmx.ok()) << tmx.status().message();
  EXPECT_EQ(tmx->target.language, "hu");
  EXPECT_EQ(tmx->target.SentenceText(1), "Ezt a hosszú mondatot a fordító kettévágta.");
  EXPECT_EQ(tmx->review[0].status, corpora::ReviewStatus::kAutomatic);  // x-alignment-status
  EXPECT_EQ(tmx->review[1].note, "1:2 link");

  StatusOr<corpora::Bitext> text =
      ReadBitext({.path = dir + "hunalign-ladder/en-hu.text-output.txt",
                  .format = Format::kHunalignText,
                  .source_language = "en",
                  .target_language = "hu"});
  ASSERT_TRUE(text.ok()) << text.status().message();
  const align::Ladder text_ladder = {
      {0, 1, 0, 1, 0.3}, {1, 1, 1, 2, 0.8}, {2, 2, 3, 1, 0.0}, {4, 1, 4, 0, 0.5}};
  EXPECT_EQ(text->ladder, text_ladder);  // -0.1 clamped to 0

  testing::TempDir temp;
  testing::WriteFile(temp.File("en.txt"),
                     "This is the first sentence.\nThis long sentence.\nThese "
                     "two\nwere merged.\nNo translation.\n");
  testing::WriteFile(temp.File("hu.txt"), "Ez az első.\nEzt a hosszú\nkettévágta.\nÖsszevonták.\n");
  StatusOr<corpora::Bitext> ladder = ReadBitext({.path = dir + "hunalign-ladder/en-hu.ladder",
                                                 .format = Format::kHunalignLadder,
                                                 .source_language = "en",
                                                 .target_language = "hu",
                                                 .source_text = temp.File("en.txt"),
                                                 .target_text = temp.File("hu.txt")});
  ASSERT_TRUE(ladder.ok()) << ladder.status().message();
  EXPECT_EQ(ladder->ladder, text_ladder);

  // A hand ladder of hunalign's (two space-separated columns, no confidence).
  StatusOr<align::Ladder> hand =
      corpora::ReadHunalignLadderFile(dir + "hunalign-ladder/demo.manual.ladder");
  ASSERT_TRUE(hand.ok()) << hand.status().message();
  EXPECT_EQ(hand->at(2), (align::Bead{2, 1, 2, 0, 1.0}));

  StatusOr<corpora::Bitext> moses =
      ReadBitext({.path = dir + "moses-bitext/letter.en-hu", .format = Format::kMoses});
  ASSERT_TRUE(moses.ok()) << moses.status().message();
  EXPECT_EQ(moses->ladder.size(), 3u);
  EXPECT_EQ(moses->target.language, "hu");
  StatusOr<corpora::Bitext> tsv = ReadBitext({.path = dir + "moses-bitext/letter.en-hu.tsv"});
  ASSERT_TRUE(tsv.ok()) << tsv.status().message();
  EXPECT_EQ(tsv->source.SentenceText(2), "These two short sentences were merged.");
  StatusOr<corpora::Bitext> lf =
      ReadBitext({.path = dir + "lf-aligner/aligned_en-hu.txt", .format = Format::kLfAligner});
  ASSERT_TRUE(lf.ok()) << lf.status().message();
  EXPECT_EQ(lf->ladder[1].confidence, 0.8);
}

TEST(Formats, FiltersLeaveOutBeads) {
  testing::TempDir dir;
  const corpora::Bitext bitext = testing::ReviewedBitext();
  // Confirmed or edited, and at least 0.8: beads 1 (0.9876, confirmed) and 4 (0.5) fail...
  WriteRequest request{.path = dir.File("x.jsonl"), .format = Format::kJsonl};
  request.filter.reviewed_only = true;
  ASSERT_TRUE(WriteBitext(bitext, request).ok());
  StatusOr<corpora::Bitext> back = ReadBitext({.path = request.path});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->ladder.size(), 3u);  // beads 1, 2 and 4
  request.filter.min_confidence = 0.8;
  ASSERT_TRUE(WriteBitext(bitext, request).ok());
  back = ReadBitext({.path = request.path});
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->ladder.size(), 1u);
  EXPECT_EQ(back->source.SentenceText(0), "One.");
  // Moses: one-sided beads are never written (unless asked for).
  request = {.path = dir.File("m"), .format = Format::kMoses};
  ASSERT_TRUE(WriteBitext(bitext, request).ok());
  EXPECT_EQ(testing::ReadFile(dir.File("m.hu")), "Egy.\nKettő. Három.\nNégy.\n");
  request.keep_unaligned = true;
  ASSERT_TRUE(WriteBitext(bitext, request).ok());
  EXPECT_EQ(testing::ReadFile(dir.File("m.en")), "One.\nTwo three.\nFour.\n\n");
  // Formats that hold the whole alignment refuse filters.
  for (const Format format : {Format::kTei, Format::kInterText, Format::kHunalignLadder}) {
    WriteRequest refused{.path = dir.File("y"), .format = format};
    refused.filter.min_confidence = 0.5;
    EXPECT_EQ(WriteBitext(bitext, refused).code(), StatusCode::kInvalidArgument);
  }
}

TEST(Formats, LineBreaksAndTabsInPairFormatsBecomeSpacesWithAWarning) {
  testing::TempDir dir;
  corpora::Bitext bitext = testing::SmallBitext();
  bitext.source.text = "One.\tTwo\r\nthree.\n\nFour.";
  bitext.source.paragraphs = {{{0, 16}, 0, 2, ParagraphKind::kText, {}},
                              {{18, 23}, 2, 1, ParagraphKind::kText, {}}};
  bitext.source.sentences = {{{0, 4}, 0, {}}, {{5, 16}, 0, {}}, {{18, 23}, 1, {}}};
  std::vector<std::string> warnings;
  const Status status =
      WriteBitext(bitext, {.path = dir.File("x.tsv"),
                           .format = Format::kTsv,
                           .warn = [&](const std::string& m) { warnings.push_back(m); }});
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(testing::ReadFile(dir.File("x.tsv")),
            "One.\tEgy.\nTwo three.\tKettő. Három.\nFour.\tNégy.\n");
  EXPECT_EQ(warnings, std::vector<std::string>{
                          "tsv: 1 line breaks and tabs inside sentences were written as spaces"});
}

TEST(Formats, DetectionByContent) {
  testing::TempDir dir;
  const corpora::Bitext bitext = testing::SmallBitext();
  for (const auto& [format, name] :
       std::vector<std::pair<Format, std::string>>{{Format::kTei, "a.xml"},
                                                   {Format::kTmx, "b.xml"},
                                                   {Format::kXces, "c.xml"},
                                                   {Format::kInterText, "d.xml"},
                                                   {Format::kJsonl, "e.txt"},
                                                   {Format::kVecalign, "f.txt"},
                                                   {Format::kTsv, "g.tsv"}}) {
    ASSERT_TRUE(WriteBitext(bitext, {.path = dir.File(name), .format = format}).ok());
    StatusOr<Format> detected = DetectFormat(dir.File(name));
    ASSERT_TRUE(detected.ok()) << name;
    EXPECT_EQ(*detected, format) << name;
  }
  testing::WriteFile(dir.File("h.txt"), "one\ttwo\n");
  EXPECT_EQ(DetectFormat(dir.File("h.txt")).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(DetectFormat(dir.File("none.txt")).status().code(), StatusCode::kNotFound);
}

// Every reader, on every truncation of a file of its format and on garbled copies: an error or
// a valid bitext, never a crash.
TEST(Formats, TruncatedAndGarbledFilesOfEveryFormat) {
  testing::TempDir dir;
  const corpora::Bitext bitext = testing::GenerateBitext({.beads = 12, .max_words = 6});
  std::mt19937 rng(3);
  for (const Format format : AllFormats()) {
    SCOPED_TRACE(FormatName(format));
    const std::string base = dir.File(std::string(FormatName(format)) + ".out");
    WriteRequest request{.path = base, .format = format, .keep_unaligned = true};
    ASSERT_TRUE(WriteBitext(bitext, request).ok());
    const std::vector<std::string> paths = OutputPaths(bitext, request);
    ReadRequest read{
        .path = base, .format = format, .source_language = "en", .target_language = "hu"};
    if (format == Format::kHunalignLadder || format == Format::kVecalign) {
      std::string source_lines;
      for (std::size_t i = 0; i < bitext.source.sentences.size(); ++i) source_lines += "s\n";
      std::string target_lines;
      for (std::size_t j = 0; j < bitext.target.sentences.size(); ++j) target_lines += "t\n";
      testing::WriteFile(dir.File("src.txt"), source_lines);
      testing::WriteFile(dir.File("tgt.txt"), target_lines);
      read.source_text = dir.File("src.txt");
      read.target_text = dir.File("tgt.txt");
    }
    ASSERT_TRUE(ReadBitext(read).ok()) << ReadBitext(read).status().message();
    for (const std::string& path : paths) {
      const std::string original = testing::ReadFile(path);
      for (std::size_t cut = 0; cut < original.size(); cut += 1 + original.size() / 60) {
        testing::WriteFile(path, original.substr(0, cut));
        StatusOr<corpora::Bitext> result = ReadBitext(read);
        if (result.ok()) {
          EXPECT_TRUE(corpora::ValidateBitext(*result).ok());
        }
      }
      for (int round = 0; round < 40; ++round) {
        std::string garbled = original;
        for (int k = 0; k < 3; ++k) {
          garbled[std::uniform_int_distribution<std::size_t>(0, garbled.size() - 1)(rng)] =
              static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
        }
        testing::WriteFile(path, garbled);
        StatusOr<corpora::Bitext> result = ReadBitext(read);
        if (result.ok()) {
          EXPECT_TRUE(corpora::ValidateBitext(*result).ok());
        }
      }
      testing::WriteFile(path, original);
    }
  }
}

TEST(Formats, ErrorsNameTheFileAndLine) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("bad.jsonl"), "{\"bead\":0}\n");
  EXPECT_THAT(ReadBitext({.path = dir.File("bad.jsonl")}).status().message(),
              HasSubstr("bad.jsonl:1: no \"confidence\""));
  testing::WriteFile(dir.File("bad.tmx"),
                     "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv "
                     "xml:lang=\"en\"><seg>a</seg></tu></body></tmx>");
  EXPECT_THAT(ReadBitext({.path = dir.File("bad.tmx")}).status().message(),
              HasSubstr("bad.tmx:2:36: end tag </tu> does not match <tuv>"));
  testing::WriteFile(dir.File("bad.ladder"), "0\t0\t0.5\n2\t1\t0.3\n1\t2\t0\n");
  testing::WriteFile(dir.File("a.txt"), "a\nb\n");
  EXPECT_THAT(ReadBitext({.path = dir.File("bad.ladder"),
                          .source_language = "en",
                          .target_language = "hu",
                          .source_text = dir.File("a.txt"),
                          .target_text = dir.File("a.txt")})
                  .status()
                  .message(),
              HasSubstr("bad.ladder:3: rungs must move forward on both sides"));
  testing::WriteFile(dir.File("x.en"), "a\nb\n");
  testing::WriteFile(dir.File("x.hu"), "a\n");
  EXPECT_THAT(ReadBitext({.path = dir.File("x"),
                          .format = Format::kMoses,
                          .source_language = "en",
                          .target_language = "hu"})
                  .status()
                  .message(),
              HasSubstr("x.en has 2 lines but"));
}

TEST(Formats, ConvertAppliesMetadataAndWritesTheOutput) {
  testing::TempDir dir;
  ASSERT_TRUE(
      WriteBitext(testing::SmallBitext(), {.path = dir.File("in.jsonl"), .format = Format::kJsonl})
          .ok());
  ConvertRequest request;
  request.in = {.path = dir.File("in.jsonl"), .source_language = "en", .target_language = "hu"};
  request.out = {.path = dir.File("out.tei.xml"), .format = Format::kTei};
  request.metadata.title = "Converted";
  request.metadata.source.author = "Someone";
  StatusOr<corpora::Bitext> written = ConvertFile(request);
  ASSERT_TRUE(written.ok()) << written.status().message();
  testing::KeepForSchemaCheck(dir.File("out.tei.xml"), "tei");
  StatusOr<corpora::Bitext> back = ReadTeiFile(dir.File("out.tei.xml"));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->title, "Converted");
  EXPECT_EQ(back->source_info.author, "Someone");
  EXPECT_EQ(back->ladder, testing::SmallBitext().ladder);
}

TEST(Formats, AlignInputLoaderReadsTeiAndLeavesTextAlone) {
  testing::TempDir dir;
  ASSERT_TRUE(WriteTeiFile(testing::SmallBitext(), {.output_path = dir.File("c.tei.xml")}).ok());
  const corpora::InputLoader loader = AlignInputLoader();
  StatusOr<std::optional<Document>> tei = loader(dir.File("c.tei.xml"), "hu");
  ASSERT_TRUE(tei.ok()) << tei.status().message();
  ASSERT_TRUE(tei->has_value());
  EXPECT_EQ((*tei)->sentences.size(), 5u);
  StatusOr<std::optional<Document>> text = loader(testing::SamplePath("en.txt"), "en");
  ASSERT_TRUE(text.ok());
  EXPECT_FALSE(text->has_value());
}

}  // namespace
}  // namespace tandem::tei
