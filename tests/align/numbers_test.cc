#include "numbers.h"

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

TEST(DigitNumberKey, GroupingAndDecimals) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"73", "#73"},
      {"2,500", "#2500"},
      {"2.500", "#2500"},
      {"2\xC2\xA0"
       "500",
       "#2500"},  // no-break space
      {"1,000,000", "#1000000"},
      {"2.5", "#2.5"},
      {"2,5", "#2.5"},
      {"3.14", "#3.14"},
      {"12.8.2012", "#12.8.2012"},
      {"007", "#7"},
      {"16th", "#16"},
      {"1er", "#1"},
      {"5km", "#5"},
      {"1928.", "#1928"},
      {"25,00", "#25.00"},
  };
  for (const auto& [token, key] : cases) {
    const std::optional<std::string> found = DigitNumberKey(token);
    ASSERT_TRUE(found.has_value()) << token;
    EXPECT_EQ(*found, key) << token;
  }
  EXPECT_FALSE(DigitNumberKey("seventy").has_value());
  EXPECT_FALSE(DigitNumberKey("").has_value());
}

// The numbers of a text in one language, as keys in order.
std::vector<std::string> Numbers(const std::string& language, std::string_view text) {
  StatusOr<WordTokenizer> tokenizer = WordTokenizer::Create(language);
  EXPECT_TRUE(tokenizer.ok());
  const std::vector<Token> tokens = tokenizer->Tokenize(text);
  std::vector<std::string> keys;
  for (const NumberMention& m : NumberReader::ForLanguage(language).Read(tokens, text)) {
    keys.push_back(m.key);
  }
  return keys;
}

using Keys = std::vector<std::string>;

TEST(NumberReader, EnglishWordsAndDigits) {
  EXPECT_EQ(Numbers("en", "for seventy-three days"), Keys{"#73"});
  EXPECT_EQ(Numbers("en", "fifty days, 2,500 miles"), (Keys{"#50", "#2500"}));
  EXPECT_EQ(Numbers("en", "two thousand five hundred"), Keys{"#2500"});
  EXPECT_EQ(Numbers("en", "one hundred and twenty"), Keys{"#120"});
  EXPECT_EQ(Numbers("en", "thirty-two years"), Keys{"#32"});
  EXPECT_EQ(Numbers("en", "and then"), Keys{});                 // a joiner alone is no number
  EXPECT_EQ(Numbers("en", "three, four"), (Keys{"#3", "#4"}));  // a comma separates numbers
}

TEST(NumberReader, HungarianCompoundsAndSuffixes) {
  EXPECT_EQ(Numbers("hu", "hetvenhárom napra"), Keys{"#73"});
  EXPECT_EQ(Numbers("hu", "50 napig"), Keys{"#50"});
  EXPECT_EQ(Numbers("hu", "kétezer-ötszáz"), Keys{"#2500"});
  EXPECT_EQ(Numbers("hu", "ötvenet"), Keys{"#50"});  // accusative
  EXPECT_EQ(Numbers("hu", "harminckét éve"), Keys{"#32"});
  EXPECT_EQ(Numbers("hu", "a hatalom csúcsáról"), Keys{});  // "hat" + "alom" is no number
  EXPECT_EQ(Numbers("hu", "negyvenhárom"), Keys{"#43"});
}

TEST(NumberReader, GermanFrenchIcelandic) {
  EXPECT_EQ(Numbers("de", "dreiundsiebzig Tage"), Keys{"#73"});
  EXPECT_EQ(Numbers("de", "zweitausendfünfhundert"), Keys{"#2500"});
  EXPECT_EQ(Numbers("de", "einfach"), Keys{});
  EXPECT_EQ(Numbers("fr", "soixante-treize jours"), Keys{"#73"});
  EXPECT_EQ(Numbers("fr", "quatre-vingt-dix"), Keys{"#90"});
  EXPECT_EQ(Numbers("fr", "quatre-vingts"), Keys{"#80"});
  EXPECT_EQ(Numbers("fr", "vingt et un"), Keys{"#21"});
  EXPECT_EQ(Numbers("is", "sjötíu og þrír dagar"), Keys{"#73"});
}

TEST(NumberReader, LanguagesWithoutWordsReadDigits) {
  EXPECT_FALSE(NumberReader::ForLanguage("xx").has_words());
  EXPECT_TRUE(NumberReader::ForLanguage("en-GB").has_words());
  EXPECT_EQ(Numbers("it", "73 giorni e settanta"), Keys{"#73"});
}

TEST(NumberReader, WordValue) {
  const NumberReader en = NumberReader::ForLanguage("en");
  EXPECT_EQ(en.WordValue("seventy"), 70);
  EXPECT_FALSE(en.WordValue("seventh").has_value());
  const NumberReader hu = NumberReader::ForLanguage("hu");
  EXPECT_EQ(hu.WordValue("hetvenhárom"), 73);
  EXPECT_FALSE(hu.WordValue("hatás").has_value());
}

}  // namespace
}  // namespace tandem::align
