#include "normalize.h"

#include <gtest/gtest.h>

#include "tandem/core/language.h"

namespace tandem {
namespace {

TEST(Nfc, ComposesDecomposedText) {
  EXPECT_EQ(Nfc("e\xCC\x81"), "\xC3\xA9");  // e + combining acute -> é
  EXPECT_EQ(Nfc("o\xCC\x8B"), "\xC5\x91");  // o + double acute -> ő
  EXPECT_EQ(Nfc("already composed"), "already composed");
}

TEST(Nfc, CharacterCountIsOfTheComposedForm) {
  EXPECT_EQ(NfcCharacterCount("e\xCC\x81"), 1u);
  EXPECT_EQ(NfcCharacterCount("\xC5\x91sz"), 3u);  // ősz
  EXPECT_EQ(NfcCharacterCount(""), 0u);
  EXPECT_EQ(NfcCharacterCount("\xF0\x9F\x98\x80"), 1u);  // one emoji, four bytes
}

TEST(CaseFolder, FoldsNonAsciiLetters) {
  StatusOr<CaseFolder> hu = CaseFolder::Create("hu");
  ASSERT_TRUE(hu.ok()) << hu.status().message();
  EXPECT_EQ(hu->Fold("\xC5\x90SZ"), "\xC5\x91sz");                // ŐSZ -> ősz
  EXPECT_EQ(hu->Fold("TROCKIJ \xC3\x89S"), "trockij \xC3\xA9s");  // TROCKIJ ÉS
  EXPECT_EQ(hu->Fold("O\xCC\x8B"), "\xC5\x91");                   // decomposed Ő -> ő
}

TEST(CaseFolder, FullCaseFolding) {
  StatusOr<CaseFolder> de = CaseFolder::Create("de");
  ASSERT_TRUE(de.ok());
  EXPECT_EQ(de->Fold("STRA\xC3\x9F"
                     "E"),
            "strasse");  // STRAßE: ß folds to ss
}

TEST(CaseFolder, UnknownLanguageIsAnError) {
  StatusOr<CaseFolder> folder = CaseFolder::Create("qqq-not-a-language");
  EXPECT_FALSE(folder.ok());
  EXPECT_EQ(folder.status().code(), StatusCode::kInvalidArgument);
}

TEST(Language, NamesAndCodesFromIcu) {
  EXPECT_EQ(LanguageName("hu"), "Hungarian");
  EXPECT_EQ(LanguageName("en"), "English");
  EXPECT_EQ(Iso639_3("hu"), "hun");
  EXPECT_EQ(Iso639_3("is"), "isl");
  EXPECT_EQ(Iso639_3("zz"), "");
  EXPECT_TRUE(IsKnownLanguage("de"));
  EXPECT_FALSE(IsKnownLanguage("zz"));
}

}  // namespace
}  // namespace tandem
