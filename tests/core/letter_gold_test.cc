// The bundled letter pair against its hand segmentation (tests/data/reply-to-stalin/,
// ANNOTATION.md): every sentence boundary of en.txt, and of the letter region of hu.txt, must
// be the annotator's.
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "tandem/core/segmenter.h"
#include "test_util.h"

namespace tandem {
namespace {

using SpanSet = std::set<std::pair<std::size_t, std::size_t>>;

// `index<TAB>begin<TAB>end<TAB>text` after a header row.
SpanSet ReadGold(const std::string& path) {
  std::istringstream in(testing::ReadFile(path));
  SpanSet spans;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::size_t index = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    fields >> index >> begin >> end;
    spans.emplace(begin, end);
  }
  return spans;
}

std::string Describe(const SpanSet& spans, const std::string& text) {
  std::string out;
  for (const auto& [begin, end] : spans) {
    out += "  [" + std::to_string(begin) + ", " + std::to_string(end) + ") " +
           text.substr(begin, std::min<std::size_t>(end - begin, 100)) + "\n";
  }
  return out;
}

void ExpectGoldBoundaries(const std::string& language) {
  const SpanSet gold =
      ReadGold(testing::TestDataDir() + "/reply-to-stalin/" + language + ".sentences.tsv");
  ASSERT_FALSE(gold.empty());
  const std::size_t region_begin = gold.begin()->first;
  const std::size_t region_end = gold.rbegin()->second;
  StatusOr<Document> doc =
      SegmentFile(testing::SamplePath(language + ".txt"), {.language = language});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  SpanSet got;
  for (const Sentence& s : doc->sentences) {
    // A sentence lies wholly inside the annotated region or wholly outside it.
    EXPECT_TRUE(s.span.end <= region_begin || s.span.begin >= region_begin)
        << "straddles the region start: " << s.span.begin;
    EXPECT_TRUE(s.span.end <= region_end || s.span.begin >= region_end)
        << "straddles the region end: " << s.span.begin;
    if (s.span.begin >= region_begin && s.span.end <= region_end) {
      got.emplace(s.span.begin, s.span.end);
    }
  }
  SpanSet missing;
  SpanSet extra;
  for (const auto& span : gold) {
    if (!got.count(span)) missing.insert(span);
  }
  for (const auto& span : got) {
    if (!gold.count(span)) extra.insert(span);
  }
  EXPECT_TRUE(missing.empty() && extra.empty())
      << language << ": gold sentences tandem does not have:\n"
      << Describe(missing, doc->text) << language << ": sentences of tandem not in the gold:\n"
      << Describe(extra, doc->text);
  EXPECT_EQ(got.size(), gold.size());
}

TEST(LetterGold, EnglishBoundariesAreTheAnnotators) { ExpectGoldBoundaries("en"); }

TEST(LetterGold, HungarianLetterBoundariesAreTheAnnotators) { ExpectGoldBoundaries("hu"); }

}  // namespace
}  // namespace tandem
