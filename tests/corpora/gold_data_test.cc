// Checks the hand-made gold data of the bundled pair (tests/data/reply-to-stalin, described in
// its ANNOTATION.md) against the real sample files: every sentence row is the source's bytes
// [begin, end), the rows cover the annotated text in order, the presegmented files hold the same
// sentences with a blank line at every paragraph change, and gold.vecalign covers both sentence
// lists exactly once, in order. Other tests and benchmarks rely on these invariants.
#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "tandem/corpora/vecalign.h"
#include "test_util.h"

namespace tandem::corpora {
namespace {

std::string GoldPath(const std::string& name) {
  return testing::TestDataDir() + "/reply-to-stalin/" + name;
}

// Lines of `text`, split at '\n'; a final '\n' does not start another line.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

// The byte length of the Unicode white-space character starting at `pos`, or 0. Covers what
// the segmenter trims: ASCII white space, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028,
// U+2029, U+202F, U+205F, U+3000 and U+FEFF.
std::size_t SpaceAt(std::string_view text, std::size_t pos) {
  static constexpr std::string_view kMultiByte[] = {
      "\u0085", "\u00A0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003",
      "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200A",
      "\u2028", "\u2029", "\u202F", "\u205F", "\u3000", "\uFEFF"};
  if (pos >= text.size()) return 0;
  if (std::string_view(" \t\n\r\f\v").find(text[pos]) != std::string_view::npos) return 1;
  for (std::string_view space : kMultiByte) {
    if (text.substr(pos, space.size()) == space) return space.size();
  }
  return 0;
}

bool StartsWithSpace(std::string_view text) { return SpaceAt(text, 0) > 0; }

bool EndsWithSpace(std::string_view text) {
  for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
    if (SpaceAt(text, text.size() - back) == back) return true;
  }
  return false;
}

bool IsAllSpace(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t n = SpaceAt(text, pos);
    if (n == 0) return false;
    pos += n;
  }
  return true;
}

// A line of the source file with its byte span and its number among the non-blank lines
// (1-based; 0 for a blank line).
struct SourceLine {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t non_blank_number = 0;
};

std::vector<SourceLine> SourceLines(std::string_view text) {
  std::vector<SourceLine> lines;
  std::size_t begin = 0;
  std::size_t non_blank = 0;
  for (std::string_view line : Lines(text)) {
    const bool blank = IsAllSpace(line);
    lines.push_back({begin, begin + line.size(), blank ? 0 : ++non_blank});
    begin += line.size() + 1;
  }
  return lines;
}

// The index of the source line holding byte `offset`.
std::size_t LineOf(const std::vector<SourceLine>& lines, std::size_t offset) {
  auto it = std::upper_bound(lines.begin(), lines.end(), offset,
                             [](std::size_t o, const SourceLine& line) { return o < line.begin; });
  return static_cast<std::size_t>(it - lines.begin()) - 1;
}

struct Row {
  std::size_t index = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};

bool ParseSize(std::string_view field, std::size_t* value) {
  if (field.empty() || field.size() > 9) return false;
  *value = 0;
  for (char c : field) {
    if (c < '0' || c > '9') return false;
    *value = *value * 10 + static_cast<std::size_t>(c - '0');
  }
  return true;
}

// Reads a sentence table (`index<TAB>begin<TAB>end<TAB>text`, with a header row). A malformed
// row is a test failure naming the file and line, and is left out.
std::vector<Row> ReadSentenceTable(const std::string& path) {
  const std::string content = testing::ReadFile(path);
  std::vector<std::string_view> lines = Lines(content);
  std::vector<Row> rows;
  if (lines.empty()) {
    ADD_FAILURE() << path << ": empty or missing";
    return rows;
  }
  EXPECT_EQ(lines[0], "index\tbegin\tend\ttext") << path << ":1: header";
  for (std::size_t k = 1; k < lines.size(); ++k) {
    std::vector<std::string_view> fields;
    std::string_view rest = lines[k];
    for (int f = 0; f < 3; ++f) {
      const std::size_t tab = rest.find('\t');
      if (tab == std::string_view::npos) break;
      fields.push_back(rest.substr(0, tab));
      rest.remove_prefix(tab + 1);
    }
    fields.push_back(rest);
    Row row;
    if (fields.size() != 4 || !ParseSize(fields[0], &row.index) ||
        !ParseSize(fields[1], &row.begin) || !ParseSize(fields[2], &row.end) ||
        fields[3].find('\t') != std::string_view::npos) {
      ADD_FAILURE() << path << ":" << k + 1 << ": expected index<TAB>begin<TAB>end<TAB>text";
      continue;
    }
    row.text = std::string(fields[3]);
    rows.push_back(std::move(row));
  }
  return rows;
}

// One side of the pair: its sample file, its gold files, and the non-blank lines of the
// sample that are annotated (0 and 0: the whole file).
struct Side {
  const char* name;
  const char* sample;
  const char* table;
  const char* presegmented;
  std::size_t first_line;
  std::size_t last_line;
};

void PrintTo(const Side& side, std::ostream* os) { *os << side.name; }

constexpr Side kEnglish{"en", "en.txt", "en.sentences.tsv", "en.presegmented.txt", 0, 0};
constexpr Side kHungarian{"hu", "hu.txt", "hu.sentences.tsv", "hu.presegmented.txt", 6, 24};

class GoldSentences : public ::testing::TestWithParam<Side> {
 protected:
  void SetUp() override {
    source_ = testing::ReadFile(testing::SamplePath(GetParam().sample));
    ASSERT_FALSE(source_.empty()) << GetParam().sample;
    lines_ = SourceLines(source_);
    rows_ = ReadSentenceTable(GoldPath(GetParam().table));
    ASSERT_FALSE(rows_.empty()) << GetParam().table;
  }

  // The byte span of the annotated region: the first annotated line's first non-space byte to
  // the last one's last non-space byte.
  std::pair<std::size_t, std::size_t> Region() const {
    std::size_t first = GetParam().first_line;
    std::size_t last = GetParam().last_line;
    if (first == 0) {
      first = 1;
      last = 0;
      for (const SourceLine& line : lines_) last = std::max(last, line.non_blank_number);
    }
    std::size_t begin = std::string::npos;
    std::size_t end = 0;
    for (const SourceLine& line : lines_) {
      if (line.non_blank_number == first) begin = line.begin;
      if (line.non_blank_number == last) end = line.end;
    }
    while (begin < end && SpaceAt(source_, begin) > 0) begin += SpaceAt(source_, begin);
    while (end > begin && EndsWithSpace(std::string_view(source_).substr(begin, end - begin))) {
      --end;
    }
    return {begin, end};
  }

  std::string source_;
  std::vector<SourceLine> lines_;
  std::vector<Row> rows_;
};

TEST_P(GoldSentences, IndicesCountFromZero) {
  for (std::size_t k = 0; k < rows_.size(); ++k) {
    EXPECT_EQ(rows_[k].index, k) << GetParam().table << " row " << k;
  }
}

TEST_P(GoldSentences, TextIsTheSourceBytes) {
  for (const Row& row : rows_) {
    ASSERT_LT(row.begin, row.end) << "sentence " << row.index;
    ASSERT_LE(row.end, source_.size()) << "sentence " << row.index;
    EXPECT_EQ(source_.substr(row.begin, row.end - row.begin), row.text) << "sentence " << row.index;
  }
}

TEST_P(GoldSentences, RowsAreInOrderAndDoNotOverlap) {
  for (std::size_t k = 0; k + 1 < rows_.size(); ++k) {
    EXPECT_LE(rows_[k].end, rows_[k + 1].begin) << "sentences " << k << " and " << k + 1;
  }
}

TEST_P(GoldSentences, NoSentenceStartsOrEndsWithWhiteSpace) {
  for (const Row& row : rows_) {
    EXPECT_FALSE(StartsWithSpace(row.text)) << "sentence " << row.index;
    EXPECT_FALSE(EndsWithSpace(row.text)) << "sentence " << row.index;
  }
}

TEST_P(GoldSentences, SentencesStayInsideOneParagraph) {
  for (const Row& row : rows_) {
    EXPECT_EQ(row.text.find('\n'), std::string::npos) << "sentence " << row.index;
    EXPECT_EQ(row.text.find('\r'), std::string::npos) << "sentence " << row.index;
  }
}

// Every non-space byte of the annotated region is in some sentence, and no sentence lies
// outside it: nothing was left out, nothing from beyond the region came in.
TEST_P(GoldSentences, SentencesCoverTheAnnotatedRegion) {
  const auto [begin, end] = Region();
  ASSERT_LT(begin, end);
  EXPECT_EQ(rows_.front().begin, begin);
  EXPECT_EQ(rows_.back().end, end);
  for (std::size_t k = 0; k + 1 < rows_.size(); ++k) {
    if (rows_[k].end > rows_[k + 1].begin) continue;  // reported by RowsAreInOrder...
    const std::string_view gap =
        std::string_view(source_).substr(rows_[k].end, rows_[k + 1].begin - rows_[k].end);
    EXPECT_TRUE(IsAllSpace(gap)) << "text between sentences " << k << " and " << k + 1 << ": '"
                                 << gap << "'";
  }
}

TEST_P(GoldSentences, PresegmentedFileHoldsTheSentencesAndParagraphBreaks) {
  const std::string content = testing::ReadFile(GoldPath(GetParam().presegmented));
  ASSERT_FALSE(content.empty()) << GetParam().presegmented;
  EXPECT_EQ(content.back(), '\n') << "the last line ends with a line break";
  // Rebuild the expected file from the table: one sentence per line, one blank line between
  // two sentences from different source lines (paragraphs), none at the start or the end.
  std::string expected;
  for (std::size_t k = 0; k < rows_.size(); ++k) {
    if (k > 0 && LineOf(lines_, rows_[k - 1].begin) != LineOf(lines_, rows_[k].begin)) {
      expected += '\n';
    }
    expected += rows_[k].text;
    expected += '\n';
  }
  const std::vector<std::string_view> got = Lines(content);
  const std::vector<std::string_view> want = Lines(expected);
  ASSERT_EQ(got.size(), want.size()) << GetParam().presegmented << ": number of lines";
  for (std::size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(got[k], want[k]) << GetParam().presegmented << ":" << k + 1;
  }
}

INSTANTIATE_TEST_SUITE_P(BundledPair, GoldSentences, ::testing::Values(kEnglish, kHungarian),
                         [](const auto& test) { return std::string(test.param.name); });

// Hard cases of the pair, decided in ANNOTATION.md: each quoted passage lies inside one
// sentence (no break in it), and may have to start or end that sentence.
enum class Where { kInside, kStartsSentence, kEndsSentence };

struct Passage {
  const char* name;
  Side side;
  const char* text;
  Where where;
};

void PrintTo(const Passage& passage, std::ostream* os) { *os << passage.name; }

class GoldHardCases : public ::testing::TestWithParam<Passage> {};

TEST_P(GoldHardCases, FollowTheAnnotationRules) {
  const Passage& passage = GetParam();
  const std::string source = testing::ReadFile(testing::SamplePath(passage.side.sample));
  const std::vector<Row> rows = ReadSentenceTable(GoldPath(passage.side.table));
  const std::size_t at = source.find(passage.text);
  ASSERT_NE(at, std::string::npos) << "not in " << passage.side.sample << ": " << passage.text;
  const std::size_t end = at + std::string_view(passage.text).size();
  const auto row = std::find_if(rows.begin(), rows.end(),
                                [&](const Row& r) { return r.begin <= at && end <= r.end; });
  ASSERT_NE(row, rows.end()) << "split across sentences: " << passage.text;
  if (passage.where == Where::kStartsSentence) {
    EXPECT_EQ(row->begin, at) << "sentence " << row->index;
  }
  if (passage.where == Where::kEndsSentence) {
    EXPECT_EQ(row->end, end) << "sentence " << row->index;
  }
}

INSTANTIATE_TEST_SUITE_P(
    BundledPair, GoldHardCases,
    ::testing::Values(
        Passage{"en_initials", kEnglish, "L.D. Trotsky", Where::kInside},
        Passage{"en_abbreviation_before_name", kEnglish, "G.P.U. Volinsky transmitted",
                Where::kInside},
        Passage{"en_volume_number", kEnglish, "Vol. II. No. 7, 1 April 1929, pp.\u00A01",
                Where::kInside},
        Passage{"en_abbreviation_mid_sentence", kEnglish, "U.S.S.R. and the whole world",
                Where::kInside},
        Passage{"en_stray_period", kEnglish, "menshevism. have both blessed", Where::kInside},
        Passage{"en_footnote_number", kEnglish, "1. Article 58 of the Penal Code",
                Where::kStartsSentence},
        Passage{"en_url", kEnglish, "(www.marxists.org) 2012.", Where::kInside},
        Passage{"en_quote_after_period", kEnglish, "for the masses.\u201D", Where::kEndsSentence},
        Passage{"en_after_closing_quote", kEnglish, "And very often even", Where::kStartsSentence},
        Passage{"en_abbreviation_ends_sentence", kEnglish, "the work of the G.P.U.",
                Where::kEndsSentence},
        Passage{"en_no_final_period", kEnglish, "Documentation License", Where::kEndsSentence},
        Passage{"hu_vol_before_name", kHungarian, "óta, vol. Szermukot", Where::kInside},
        Passage{"hu_ordinal_day", kHungarian, "a 43. napon", Where::kInside},
        Passage{"hu_ordinal_article", kHungarian, "58. cikkely", Where::kInside},
        Passage{"hu_lower_case_new_sentence", kHungarian, "lakóhelyének megváltoztatása",
                Where::kStartsSentence},
        Passage{"hu_torn_phrase", kHungarian, "ujját. történelmi folyamat", Where::kInside},
        Passage{"hu_torn_list", kHungarian, "meghamisításával. parasztpárt", Where::kInside},
        Passage{"hu_torn_noun_phrase", kHungarian, "állapotból. alázatos", Where::kInside},
        Passage{"hu_capital_after_semicolon", kHungarian, "megbízhatóbb; A Komintern",
                Where::kInside},
        Passage{"hu_bracket_before_period", kHungarian, "szolgálatától).", Where::kEndsSentence},
        Passage{"hu_quote_after_period", kHungarian, "vállalhatnak.\"", Where::kEndsSentence},
        Passage{"hu_heading_without_period", kHungarian,
                "Szövetségének Központi Bizottsága a Komintern Végrehajtó Bizottságának",
                Where::kEndsSentence}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(GoldAlignment, CoversBothSidesOnceAndInOrder) {
  StatusOr<std::vector<align::Link>> links = ReadVecalignFile(GoldPath("gold.vecalign"));
  ASSERT_TRUE(links.ok()) << links.status().message();
  const std::size_t source_count = ReadSentenceTable(GoldPath(kEnglish.table)).size();
  const std::size_t target_count = ReadSentenceTable(GoldPath(kHungarian.table)).size();
  ASSERT_GT(source_count, 0u);
  ASSERT_GT(target_count, 0u);
  // Reading the indices link after link must give 0, 1, 2, ... on each side: every sentence
  // once, and the links monotone.
  std::size_t next_source = 0;
  std::size_t next_target = 0;
  for (std::size_t k = 0; k < links->size(); ++k) {
    const align::Link& link = (*links)[k];
    EXPECT_FALSE(link.source.empty() && link.target.empty()) << "link " << k << " is empty";
    for (std::size_t i : link.source) {
      ASSERT_EQ(i, next_source) << "link " << k << ": source index";
      ++next_source;
    }
    for (std::size_t j : link.target) {
      ASSERT_EQ(j, next_target) << "link " << k << ": target index";
      ++next_target;
    }
  }
  EXPECT_EQ(next_source, source_count) << "source sentences covered";
  EXPECT_EQ(next_target, target_count) << "target sentences covered";
}

// Sentences without counterpart are one link each ([i]:[] and []:[j]), as in the public gold
// sets, and no link is larger than the aligner's beads can be (4 sentences a side).
TEST(GoldAlignment, LinksUseTheGoldSetConventions) {
  StatusOr<std::vector<align::Link>> links = ReadVecalignFile(GoldPath("gold.vecalign"));
  ASSERT_TRUE(links.ok()) << links.status().message();
  for (std::size_t k = 0; k < links->size(); ++k) {
    const align::Link& link = (*links)[k];
    if (link.source.empty() || link.target.empty()) {
      EXPECT_EQ(link.source.size() + link.target.size(), 1u) << "link " << k;
    }
    EXPECT_LE(link.source.size(), 4u) << "link " << k;
    EXPECT_LE(link.target.size(), 4u) << "link " << k;
  }
}

}  // namespace
}  // namespace tandem::corpora
