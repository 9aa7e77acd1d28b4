#include "tandem/corpora/concordance.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"

namespace tandem::corpora {
namespace {

Document MakeDocument(const std::string& name, const std::string& language,
                      const std::vector<std::string>& sentences) {
  Document document;
  document.name = name;
  document.language = language;
  for (const std::string& sentence : sentences) {
    if (!document.text.empty()) document.text += ' ';
    const std::size_t begin = document.text.size();
    document.text += sentence;
    document.sentences.push_back({{begin, document.text.size()}, 0, {}});
  }
  document.paragraphs = {
      {{0, document.text.size()}, 0, sentences.size(), ParagraphKind::kText, {}}};
  return document;
}

// source 0 "Stalin wrote to the G.P.U. in 1928."     target 0 "Sztálin írt a GPU-nak 1928-ban."
// source 1 "The Stalinist bureaucracy met at the Café." (é decomposed)
//                                                    target 1 "A sztálinista bürokrácia válaszolt."
// source 2 "A sentence nobody translated."           (1:0, no counterpart)
// source 3 "Trotsky   replied to  Stalin."           target 2 "Trockij válaszolt Sztálinnak."
//                                                    target 3 "ŐSZ van." (0:1)
Bitext Letter() {
  Bitext bitext;
  bitext.source = MakeDocument(
      "en.txt", "en",
      {"Stalin wrote to the G.P.U. in 1928.", "The Stalinist bureaucracy met at the Cafe\xCC\x81.",
       "A sentence nobody translated.", "Trotsky   replied to  Stalin."});
  bitext.target = MakeDocument("hu.txt", "hu",
                               {"Szt\xC3\xA1lin \xC3\xADrt a GPU-nak 1928-ban.",
                                "A szt\xC3\xA1linista b\xC3\xBCrokr\xC3\xA1"
                                "cia v\xC3\xA1laszolt.",
                                "Trockij v\xC3\xA1laszolt Szt\xC3\xA1linnak.", "\xC5\x90SZ van."});
  bitext.ladder = {{0, 1, 0, 1, 0.9},
                   {1, 1, 1, 1, 0.8},
                   {2, 1, 2, 0, 0.3},
                   {3, 1, 2, 1, 0.95},
                   {4, 0, 3, 1, 0.2}};
  bitext.review.resize(bitext.ladder.size());
  bitext.review[3].status = ReviewStatus::kConfirmed;
  return bitext;
}

std::vector<ConcordanceRow> Search(const ConcordanceQuery& query) {
  StatusOr<Concordancer> concordancer = Concordancer::Create(query);
  EXPECT_TRUE(concordancer.ok()) << concordancer.status().ToString();
  std::vector<ConcordanceRow> rows;
  if (!concordancer.ok()) return rows;
  const Bitext bitext = Letter();
  EXPECT_TRUE(ValidateBitext(bitext).ok()) << ValidateBitext(bitext).ToString();
  const Status searched = concordancer->Search(bitext, "letter", rows);
  EXPECT_TRUE(searched.ok()) << searched.ToString();
  return rows;
}

std::string Hit(const ConcordanceRow& row) {
  return row.text.substr(row.hit.begin, row.hit.size());
}

// (bead, side, sentence, the hit's bytes) of every row.
struct Where {
  std::size_t bead;
  ConcordanceSide side;
  std::size_t sentence;
  Span hit;
  std::string text;
  friend bool operator==(const Where&, const Where&) = default;
};
std::vector<Where> Places(const std::vector<ConcordanceRow>& rows) {
  std::vector<Where> places;
  for (const auto& row : rows)
    places.push_back({row.bead, row.side, row.sentence, row.hit, Hit(row)});
  return places;
}
void PrintTo(const Where& w, std::ostream* os) {
  *os << "{bead " << w.bead << " " << ConcordanceSideName(w.side) << " s" << w.sentence << " ["
      << w.hit.begin << "," << w.hit.end << ") \"" << w.text << "\"}";
}

constexpr auto kSource = ConcordanceSide::kSource;
constexpr auto kTarget = ConcordanceSide::kTarget;

TEST(Concordance, WordMatchesWholeWordsOnly) {
  const auto rows = Search({.text = "Stalin"});
  EXPECT_EQ(Places(rows), (std::vector<Where>{{0, kSource, 0, {0, 6}, "Stalin"},
                                              {3, kSource, 3, {22, 28}, "Stalin"}}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].corpus, "letter");
  EXPECT_EQ(rows[0].text, "Stalin wrote to the G.P.U. in 1928.");
  EXPECT_EQ(rows[0].other_sentences, (std::vector<std::size_t>{0}));
  EXPECT_EQ(rows[0].other_texts,
            (std::vector<std::string>{"Szt\xC3\xA1lin \xC3\xADrt a GPU-nak 1928-ban."}));
  EXPECT_EQ(rows[0].bead_type, "1:1");
  EXPECT_DOUBLE_EQ(rows[0].confidence, 0.9);
  EXPECT_EQ(rows[0].review, ReviewStatus::kAutomatic);
  EXPECT_EQ(rows[1].review, ReviewStatus::kConfirmed);
  EXPECT_DOUBLE_EQ(rows[1].confidence, 0.95);
}

TEST(Concordance, PartialWordsWhenAsked) {
  EXPECT_EQ(Places(Search({.text = "Stalin", .whole_words = false})),
            (std::vector<Where>{{0, kSource, 0, {0, 6}, "Stalin"},
                                {1, kSource, 1, {4, 10}, "Stalin"},
                                {3, kSource, 3, {22, 28}, "Stalin"}}));
}

TEST(Concordance, PhraseMatchesAcrossAnyWhiteSpace) {
  EXPECT_EQ(Places(Search({.text = "replied to Stalin"})),
            (std::vector<Where>{{3, kSource, 3, {10, 28}, "replied to  Stalin"}}));
  EXPECT_TRUE(Search({.text = "replied Stalin"}).empty());
}

TEST(Concordance, WordEndingInPunctuation) {
  // "G.P.U." ends with a period: the word boundary is only asked of its first letter.
  EXPECT_EQ(Places(Search({.text = "G.P.U."})),
            (std::vector<Where>{{0, kSource, 0, {20, 26}, "G.P.U."}}));
  EXPECT_TRUE(Search({.text = "GPU"}).empty());
  EXPECT_TRUE(Search({.text = "G.P.Ul"}).empty());
}

TEST(Concordance, RegularExpression) {
  EXPECT_EQ(
      Places(Search({.text = R"(G\.P\.U\.|\b1\d{3}\b)", .regex = true})),
      (std::vector<Where>{{0, kSource, 0, {20, 26}, "G.P.U."}, {0, kSource, 0, {30, 34}, "1928"}}));
  // No word boundaries are added to a regular expression.
  EXPECT_EQ(Search({.text = "talin", .regex = true}).size(), 3u);
}

TEST(Concordance, CaseFolding) {
  EXPECT_TRUE(Search({.text = "stalin"}).empty());
  EXPECT_EQ(Search({.text = "stalin", .ignore_case = true}).size(), 2u);
  EXPECT_EQ(Search({.text = "STALIN", .ignore_case = true}).size(), 2u);
  EXPECT_EQ(Search({.text = "^stalin", .regex = true, .ignore_case = true}).size(), 1u);
}

TEST(Concordance, AccentFoldingOnTheTarget) {
  EXPECT_TRUE(Search({.text = "Sztalin", .side = kTarget}).empty());
  // Accents only: the case still counts.
  EXPECT_EQ(Places(Search({.text = "Sztalin", .fold_accents = true, .side = kTarget})),
            (std::vector<Where>{{0, kTarget, 0, {0, 8}, "Szt\xC3\xA1lin"}}));
  EXPECT_EQ(Places(Search({.text = "sztalin",
                           .ignore_case = true,
                           .fold_accents = true,
                           .whole_words = false,
                           .side = kTarget})),
            (std::vector<Where>{{0, kTarget, 0, {0, 8}, "Szt\xC3\xA1lin"},
                                {1, kTarget, 1, {2, 10}, "szt\xC3\xA1lin"},
                                {3, kTarget, 2, {19, 27}, "Szt\xC3\xA1lin"}}));
  // The query's accents are folded too, and a capital with an accent is folded both ways.
  EXPECT_EQ(
      Places(Search(
          {.text = "\xC5\x91sz", .ignore_case = true, .fold_accents = true, .side = kTarget})),
      (std::vector<Where>{{4, kTarget, 3, {0, 4}, "\xC5\x90SZ"}}));
  // A regular expression with accents folded.
  EXPECT_EQ(
      Places(Search(
          {.text = R"(Szt[a-z]lin\b)", .regex = true, .fold_accents = true, .side = kTarget})),
      (std::vector<Where>{{0, kTarget, 0, {0, 8}, "Szt\xC3\xA1lin"}}));
}

TEST(Concordance, DecomposedAccentsMatchComposedQueries) {
  // The text has "e" + U+0301, the query a precomposed "é": the hit takes the whole letter.
  EXPECT_EQ(Places(Search({.text = "caf\xC3\xA9", .ignore_case = true})),
            (std::vector<Where>{{1, kSource, 1, {37, 43}, "Cafe\xCC\x81"}}));
}

TEST(Concordance, BothSides) {
  const auto rows = Search({.text = "1928", .side = ConcordanceSide::kBoth});
  EXPECT_EQ(Places(rows), (std::vector<Where>{{0, kSource, 0, {30, 34}, "1928"},
                                              {0, kTarget, 0, {24, 28}, "1928"}}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].other_texts, (std::vector<std::string>{"Stalin wrote to the G.P.U. in 1928."}));
}

TEST(Concordance, HitWithoutCounterpart) {
  const auto rows = Search({.text = "nobody"});
  EXPECT_EQ(Places(rows), (std::vector<Where>{{2, kSource, 2, {11, 17}, "nobody"}}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].bead_type, "1:0");
  EXPECT_TRUE(rows[0].other_sentences.empty());
  EXPECT_TRUE(rows[0].other_texts.empty());
  const auto target = Search({.text = "van", .side = kTarget});
  ASSERT_EQ(target.size(), 1u);
  EXPECT_EQ(target[0].bead_type, "0:1");
  EXPECT_TRUE(target[0].other_texts.empty());
}

TEST(Concordance, NoHits) {
  EXPECT_TRUE(Search({.text = "Lenin"}).empty());
  EXPECT_TRUE(
      Search({.text = "Lenin|Bukharin", .regex = true, .side = ConcordanceSide::kBoth}).empty());
}

TEST(Concordance, BadRegularExpressionNamesTheProblem) {
  const StatusOr<Concordancer> bad = Concordancer::Create({.text = "(G.P.U.", .regex = true});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(),
            "invalid regular expression \"(G.P.U.\": unbalanced parenthesis (at character 8)");
  const StatusOr<Concordancer> range = Concordancer::Create({.text = "[z-a]", .regex = true});
  ASSERT_FALSE(range.ok());
  EXPECT_NE(range.status().message().find("bad character range"), std::string::npos)
      << range.status().message();
}

TEST(Concordance, EmptyQuery) {
  const StatusOr<Concordancer> empty = Concordancer::Create({.text = "  "});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(empty.status().message().find("empty"), std::string::npos);
}

TEST(Concordance, QueryOfAccentsOnly) {
  // A lone combining acute accent folds to nothing.
  const StatusOr<Concordancer> folded =
      Concordancer::Create({.text = "\xCC\x81", .fold_accents = true});
  ASSERT_FALSE(folded.ok());
  EXPECT_EQ(folded.status().message(),
            "the query \"\xCC\x81\" is empty once its accents are ignored");
  // Without folding it is a query like any other: it finds the decomposed accent of "Café".
  EXPECT_EQ(Search({.text = "\xCC\x81", .whole_words = false}).size(), 1u);
}

TEST(Concordance, FilesAreCheckedBeforeAnyIsRead) {
  int reads = 0;
  const BitextReader read = [&reads](const std::string&) -> StatusOr<Bitext> {
    ++reads;
    return Letter();
  };
  const std::string present = testing::SamplePath("en.txt");
  const StatusOr<std::vector<ConcordanceRow>> missing =
      Concord({present, "/nonexistent/letter.tei.xml"}, {.text = "Stalin"}, read);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "/nonexistent/letter.tei.xml: no such corpus file");
  EXPECT_EQ(reads, 0);

  const StatusOr<std::vector<ConcordanceRow>> found =
      Concord({present, present}, {.text = "Stalin"}, read);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(reads, 2);
  ASSERT_EQ(found->size(), 4u);
  EXPECT_EQ((*found)[0].corpus, present);
}

TEST(Concordance, ReaderErrorsComeBackAsTheyAre) {
  const BitextReader read = [](const std::string& path) -> StatusOr<Bitext> {
    return InvalidDataError(path + ":3:1: not a corpus");
  };
  const std::string present = testing::SamplePath("en.txt");
  const auto rows = Concord({present}, {.text = "Stalin"}, read);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().message(), present + ":3:1: not a corpus");
}

}  // namespace
}  // namespace tandem::corpora
