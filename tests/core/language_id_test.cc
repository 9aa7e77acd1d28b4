#include "tandem/core/language_id.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "test_util.h"

namespace tandem {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The project's five seed documents: the two of the bundled pair are in corpora/samples (byte for
// byte the seeds); the other three (web pages on the same topic, one of them Dutch) are
// third-party text that only the shared data hold.
struct SeedCase {
  const char* file;
  const char* language;
  const char* sample;  // the bundled copy in corpora/samples/reply-to-stalin, or nullptr
};

void PrintTo(const SeedCase& c, std::ostream* os) { *os << c.file; }

class SeedLanguages : public ::testing::TestWithParam<SeedCase> {
 protected:
  void SetUp() override {
    if (GetParam().sample == nullptr) TANDEM_SKIP_WITHOUT_SHARED();
  }
  static std::string Seed(const SeedCase& c) {
    return testing::ReadFile(c.sample != nullptr
                                 ? testing::SamplePath(c.sample)
                                 : testing::SharedPath("seeds/" + std::string(c.file)));
  }
};

TEST_P(SeedLanguages, WholeDocument) {
  const LanguageGuess guess = IdentifyLanguage(Seed(GetParam()));
  EXPECT_EQ(guess.language, GetParam().language);
  EXPECT_TRUE(guess.reliable);
  EXPECT_GE(guess.percent, 90);
}

// Every line of 80 bytes or more is in the document's language: the seeds have no quotations
// in other languages.
TEST_P(SeedLanguages, EveryLongLine) {
  std::size_t checked = 0;
  for (const std::string& line : Lines(Seed(GetParam()))) {
    if (line.size() < 80) continue;
    EXPECT_EQ(IdentifyLanguage(line).language, GetParam().language) << line;
    ++checked;
  }
  EXPECT_GE(checked, 5u) << "too few long lines: is this the seed document?";
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedLanguages,
                         ::testing::Values(SeedCase{"000_4a95b2144868372e.txt", "en", nullptr},
                                           SeedCase{"001_97931c3fe877cd32.txt", "nl", nullptr},
                                           SeedCase{"002_79148f1e66a0ed66.txt", "hu", "hu.txt"},
                                           SeedCase{"003_0051f02d1fe7a6a0.txt", "en", "en.txt"},
                                           SeedCase{"004_213af869cf239cb9.txt", "en", nullptr}),
                         [](const auto& test) {
                           return std::string(test.param.file).substr(0, 3);
                         });

TEST(IdentifyLanguage, GoldSetLanguages) {
  TANDEM_SKIP_WITHOUT_SHARED();
  const std::string base = testing::SharedPath("data/align-gold/");
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
  // Whole lines of the bundled pair: about 6000 bytes of the English letter, then about half as
  // much of the Hungarian one.
  const std::string en = testing::ReadFile(testing::SamplePath("en.txt"));
  const std::string english = en.substr(0, en.rfind('\n', 6000));
  const std::string hu = testing::ReadFile(testing::SamplePath("hu.txt"));
  const std::size_t begin = hu.find("Ma, december 16-\xC3\xA1n");
  ASSERT_NE(begin, std::string::npos);
  const std::string hungarian = hu.substr(begin, hu.rfind('\n', begin + 3000) - begin);
  const std::vector<LanguageGuess> guesses = IdentifyLanguages(english + "\n" + hungarian);
  ASSERT_GE(guesses.size(), 2u);
  EXPECT_EQ(guesses[0].language, "en");
  EXPECT_EQ(guesses[1].language, "hu");
  EXPECT_GT(guesses[0].percent, guesses[1].percent);
}

}  // namespace
}  // namespace tandem
