#include "tokenizer.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

struct Expected {
  std::size_t begin;
  std::size_t end;
  TokenKind kind;
  std::string key;
};

void ExpectTokens(const WordTokenizer& tokenizer, std::string_view text,
                  const std::vector<Expected>& expected) {
  const std::vector<Token> tokens = tokenizer.Tokenize(text);
  ASSERT_EQ(tokens.size(), expected.size()) << text;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    EXPECT_EQ(tokens[k].span.begin, expected[k].begin) << text << " token " << k;
    EXPECT_EQ(tokens[k].span.end, expected[k].end) << text << " token " << k;
    EXPECT_EQ(tokens[k].kind, expected[k].kind) << text << " token " << k;
    EXPECT_EQ(tokens[k].key, expected[k].key) << text << " token " << k;
  }
}

constexpr TokenKind W = TokenKind::kWord;
constexpr TokenKind N = TokenKind::kNumber;

TEST(WordTokenizer, EnglishWordsNumbersAndApostrophes) {
  StatusOr<WordTokenizer> en = WordTokenizer::Create("en");
  ASSERT_TRUE(en.ok()) << en.status().message();
  // The typographic apostrophe (3 bytes) becomes ' in the key; punctuation is dropped.
  ExpectTokens(*en, "Trotsky\xE2\x80\x99s 2,500 MILES.",
               {{0, 11, W, "trotsky's"}, {12, 17, N, "2,500"}, {18, 23, W, "miles"}});
  ExpectTokens(*en, "seventy-three days",
               {{0, 7, W, "seventy"}, {8, 13, W, "three"}, {14, 18, W, "days"}});
  ExpectTokens(*en, "on 12.8.2012, the 16th",
               {{0, 2, W, "on"}, {3, 12, N, "12.8.2012"}, {14, 17, W, "the"}, {18, 22, W, "16th"}});
  ExpectTokens(*en, "", {});
  ExpectTokens(*en, " -- !? ", {});
}

TEST(WordTokenizer, HungarianFoldsAccentedCapitals) {
  StatusOr<WordTokenizer> hu = WordTokenizer::Create("hu");
  ASSERT_TRUE(hu.ok());
  // "ŐSZ 16-án": Ő is two bytes; the hyphen splits the number from its suffix.
  ExpectTokens(*hu, "\xC5\x90SZ 16-\xC3\xA1n",
               {{0, 4, W, "\xC5\x91sz"}, {5, 7, N, "16"}, {8, 11, W, "\xC3\xA1n"}});
}

TEST(WordTokenizer, GermanFullCaseFolding) {
  StatusOr<WordTokenizer> de = WordTokenizer::Create("de");
  ASSERT_TRUE(de.ok());
  ExpectTokens(*de,
               "STRA\xC3\x9F"
               "E",
               {{0, 7, W, "strasse"}});
  EXPECT_EQ(de->Key("Gro\xC3\x9F"), "gross");
}

TEST(WordTokenizer, KeyIsNfc) {
  StatusOr<WordTokenizer> hu = WordTokenizer::Create("hu");
  ASSERT_TRUE(hu.ok());
  EXPECT_EQ(hu->Key("O\xCC\x8B"), "\xC5\x91");  // decomposed Ő -> ő
  EXPECT_EQ(hu->Key("l\xCA\xBC"), "l'");        // modifier apostrophe
}

TEST(WordTokenizer, UnknownLanguageIsAnError) {
  StatusOr<WordTokenizer> tokenizer = WordTokenizer::Create("qqq-not-a-language");
  ASSERT_FALSE(tokenizer.ok());
  EXPECT_EQ(tokenizer.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace tandem
