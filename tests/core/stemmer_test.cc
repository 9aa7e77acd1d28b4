#include "stemmer.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

TEST(Stemmer, HungarianStripsCaseSuffixes) {
  StatusOr<Stemmer> hu = Stemmer::Create("hu");
  ASSERT_TRUE(hu.ok()) << hu.status().message();
  EXPECT_EQ(hu->Stem("sz\xC3\xA1lin"
                     "nak"),
            hu->Stem("sz\xC3\xA1lint"));  // Sztálinnak, Sztálint
  EXPECT_EQ(hu->Stem("napig"), "nap");
  EXPECT_EQ(hu->Stem("napra"), "nap");
  EXPECT_EQ(hu->Stem("butovot"), "butov");
}

TEST(Stemmer, EnglishGermanFrench) {
  StatusOr<Stemmer> en = Stemmer::Create("en");
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(en->Stem("answered"), "answer");
  EXPECT_EQ(en->Stem("answers"), "answer");
  EXPECT_EQ(en->Stem("trotsky's"), "trotski");
  StatusOr<Stemmer> de = Stemmer::Create("de");
  ASSERT_TRUE(de.ok());
  EXPECT_EQ(de->Stem("bergen"), de->Stem("berg"));
  StatusOr<Stemmer> fr = Stemmer::Create("fr-CH");
  ASSERT_TRUE(fr.ok());
  EXPECT_EQ(fr->Stem("montagnes"), fr->Stem("montagne"));
}

TEST(Stemmer, EmptyWordStaysEmpty) {
  StatusOr<Stemmer> en = Stemmer::Create("en");
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(en->Stem(""), "");
}

TEST(Stemmer, LanguagesWithoutAnAlgorithm) {
  StatusOr<Stemmer> is = Stemmer::Create("is");
  ASSERT_FALSE(is.ok());
  EXPECT_EQ(is.status().code(), StatusCode::kNotFound);
  StatusOr<Stemmer> unknown = Stemmer::Create("qqq-not-a-language");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace tandem
