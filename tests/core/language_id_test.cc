#include "tandem/core/language_id.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "test_util.h"

namespace tandem {
namespace {

std::string Seed(const std::string& name) {
  return testing::ReadFile(testing::SharedDir() + "/seeds/" + name);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

struct SeedCase {
  const char* file;
  const char* language;
};

void PrintTo(const SeedCase& c, std::ostream* os) { *os << c.file; }

class SeedLanguages : public ::testing::TestWithParam<SeedCase> {};

TEST_P(SeedLanguages, WholeDocument) {
  const LanguageGuess guess = IdentifyLanguage(Seed(GetParam().file));
  EXPECT_EQ(guess.language, GetParam().language);
  EXPECT_TRUE(guess.reliable);
  EXPECT_GE(guess.percent, 90);
}

// Every line of 80 bytes or more is in the document's language: the seeds have no quotations
// in other languages.
TEST_P(SeedLanguages, EveryLongLine) {
  for (const std::string& line : Lines(Seed(GetParam().file))) {
    if (line.size() < 80) continue;
    EXPECT_EQ(IdentifyLanguage(line).language, GetParam().language) << line;
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedLanguages,
                         ::testing::Values(SeedCase{"000_4a95b2144868372e.txt", "en"},
                                           SeedCase{"001_97931c3fe877cd32.txt", "nl"},
                                           SeedCase{"002_79148f1e66a0ed66.txt", "hu"},
                                           SeedCase{"003_0051f02d1fe7a6a0.txt", "en"},
                                           SeedCase{"004_213af869cf239cb9.txt", "en"}),
                         [](const auto& test) {
                           return std::string(test.param.file).substr(0, 3);
                         });

TEST(IdentifyLanguage, GoldSetLanguages) {
  const std::string base = testing::SharedDir() + "/data/align-gold/";
  EXPECT_EQ(IdentifyLanguage(testing::ReadFile(base + "textberg-de-fr/test1.de")).language, "de");
  EXPECT_EQ(IdentifyLanguage(testing::ReadFile(base + "textberg-de-fr/test1.fr")).language, "fr");
  EXPECT_EQ(IdentifyLanguage(testing::ReadFile(base + "parice-en-is/isl/n_1.txt")).language, "is");
}

// Latin is only in CLD2's full tables; the small ones answer English, "reliably".
TEST(IdentifyLanguage, UsesTheFullTables) {
  const LanguageGuess guess = IdentifyLanguage(
      "Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani, "
      "tertiam qui ipsorum lingua Celtae, nostra Galli appellantur. Hi omnes lingua, "
      "institutis, legibus inter se differunt.");
  EXPECT_EQ(guess.language, "la");
}

TEST(IdentifyLanguage, ShortOrEmptyTextIsUnknown) {
  EXPECT_EQ(IdentifyLanguage("").language, "");
  EXPECT_EQ(IdentifyLanguage("1234 5678, 42.").language, "");
  EXPECT_FALSE(IdentifyLanguage("Hi.").reliable);
}

TEST(IdentifyLanguages, MixedDocument) {
  const std::string english = Seed("003_0051f02d1fe7a6a0.txt").substr(0, 6000);
  const std::string dutch = Seed("001_97931c3fe877cd32.txt");
  const std::vector<LanguageGuess> guesses = IdentifyLanguages(english + "\n" + dutch);
  ASSERT_GE(guesses.size(), 2u);
  EXPECT_EQ(guesses[0].language, "en");
  EXPECT_EQ(guesses[1].language, "nl");
  EXPECT_GT(guesses[0].percent, guesses[1].percent);
}

}  // namespace
}  // namespace tandem
