#include "text_search.h"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace tandem::internal {
namespace {

struct FoldCase {
  const char* input;
  bool case_fold;
  bool strip_accents;
  const char* folded;
};

TEST(SearchFolder, FoldsPerCodePoint) {
  const FoldCase cases[] = {
      {"Stalin", false, false, "Stalin"},
      {"Stalin", true, false, "stalin"},
      {"Sztálin", true, false, "szta\xCC\x81lin"},  // decomposed, accent kept
      {"Sztálin", false, true, "Sztalin"},
      {"ŐSZ", true, true, "osz"},
      {"ŐSZ", false, true, "OSZ"},
      {"Straße", true, false, "strasse"},             // full case folding
      {"Cafe\xCC\x81", true, false, "cafe\xCC\x81"},  // already decomposed
      {"Cafe\xCC\x81", false, true, "Cafe"},          // its mark dropped
      {"ΣΟΦΊΑ", true, true, "σοφια"},                 // Greek, two-byte range
      {"Троцкий", true, false, "троцкии\xCC\x86"},    // й decomposes
      {"東京 ﬁ", true, false, "東京 fi"},             // CJK as is; the ligature folds
      {"Þórður", true, true, "þorður"},               // ð has no decomposition: it stays
  };
  for (const FoldCase& c : cases) {
    const StatusOr<SearchFolder> folder =
        SearchFolder::Create({.case_fold = c.case_fold, .strip_accents = c.strip_accents});
    ASSERT_TRUE(folder.ok()) << folder.status().ToString();
    EXPECT_EQ(folder->Fold(c.input), c.folded)
        << c.input << " case " << c.case_fold << " accents " << c.strip_accents;
  }
}

TEST(SearchFolder, OriginMapsEveryByteBack) {
  const StatusOr<SearchFolder> folder = SearchFolder::Create({.case_fold = true});
  ASSERT_TRUE(folder.ok());
  FoldedText out;
  folder->Fold("Ős ß", out);  // Ő (2 bytes) -> o + U+030B (3 bytes); ß (2 bytes) -> ss
  EXPECT_EQ(out.text, "o\xCC\x8Bs ss");
  EXPECT_EQ(out.origin, (std::vector<std::uint32_t>{0, 0, 0, 2, 3, 4, 4, 6}));
}

TEST(SearchRegex, FindsAllMatchesAsByteSpans) {
  StatusOr<SearchRegex> regex = SearchRegex::Compile(R"(G\.P\.U\.|\bO?GPU\b)", false);
  ASSERT_TRUE(regex.ok()) << regex.status().ToString();
  SearchRegex::Matcher matcher = regex->NewMatcher();
  std::vector<Span> hits;
  ASSERT_TRUE(matcher.FindAll("az OGPU kollégium és a G.P.U., GPU-n", hits).ok());
  EXPECT_EQ(hits, (std::vector<Span>{{3, 7}, {25, 31}, {33, 36}}));
  ASSERT_TRUE(matcher.FindAll("nothing here", hits).ok());
  EXPECT_TRUE(hits.empty());
}

TEST(SearchRegex, CaseInsensitive) {
  StatusOr<SearchRegex> regex = SearchRegex::Compile("sztálin", true);
  ASSERT_TRUE(regex.ok());
  SearchRegex::Matcher matcher = regex->NewMatcher();
  std::vector<Span> hits;
  ASSERT_TRUE(matcher.FindAll("SZTÁLIN és Sztálin", hits).ok());
  EXPECT_EQ(hits, (std::vector<Span>{{0, 8}, {13, 21}}));
}

TEST(SearchRegex, ErrorsNameTheProblem) {
  const struct {
    const char* pattern;
    const char* message;
  } cases[] = {
      {"(ab", "invalid regular expression \"(ab\": unbalanced parenthesis (at character 4)"},
      {"[ab", "invalid regular expression \"[ab\": a [ without its ] (at character 4)"},
      {"a{3,1}",
       "invalid regular expression \"a{3,1}\": a {min,max} repetition with max below "
       "min (at character 7)"},
      {"\\k", "invalid regular expression \"\\k\": a bad group name (at character 3)"},
  };
  for (const auto& c : cases) {
    const StatusOr<SearchRegex> regex = SearchRegex::Compile(c.pattern, false);
    ASSERT_FALSE(regex.ok()) << c.pattern;
    EXPECT_EQ(regex.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(regex.status().message(), c.message);
  }
}

TEST(SearchRegex, CatastrophicBacktrackingStops) {
  StatusOr<SearchRegex> regex = SearchRegex::Compile("(a+)+b", false);
  ASSERT_TRUE(regex.ok());
  SearchRegex::Matcher matcher = regex->NewMatcher();
  std::vector<Span> hits;
  const Status status = matcher.FindAll(std::string(40, 'a'), hits);
  EXPECT_EQ(status.code(), StatusCode::kResourceExhausted) << status.ToString();
}

TEST(WordCharacters, LettersDigitsAndMarks) {
  for (const char32_t c : {U'a', U'Z', U'7', U'ő', U'Ж', U'東', U'\u0301'}) {
    EXPECT_TRUE(IsWordCharacter(c)) << static_cast<std::uint32_t>(c);
  }
  for (const char32_t c : {U' ', U'.', U'-', U'\u2019', U'\u00A0', U'«'}) {
    EXPECT_FALSE(IsWordCharacter(c)) << static_cast<std::uint32_t>(c);
  }
}

}  // namespace
}  // namespace tandem::internal
