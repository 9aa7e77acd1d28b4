#include "tandem/corpora/pipeline.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace tandem::corpora {
namespace {

AlignFilesRequest BundledPair() {
  AlignFilesRequest request;
  request.source_path = testing::SamplePath("en.txt");
  request.target_path = testing::SamplePath("hu.txt");
  request.source_language = "en";
  request.target_language = "hu";
  request.timestamp = "2026-01-01T00:00:00Z";
  return request;
}

TEST(AlignFiles, BundledPairGivesAValidBitext) {
  StatusOr<Bitext> bitext = AlignFiles(BundledPair());
  ASSERT_TRUE(bitext.ok()) << bitext.status().message();
  EXPECT_TRUE(ValidateBitext(*bitext).ok());
  EXPECT_GT(bitext->source.sentences.size(), 50u);
  EXPECT_GT(bitext->target.sentences.size(), 500u);
  EXPECT_EQ(bitext->alignment.timestamp, "2026-01-01T00:00:00Z");
  EXPECT_FALSE(bitext->alignment.parameters.empty());
}

TEST(AlignFiles, PresegmentedGoldFilesKeepLineIndices) {
  TANDEM_SKIP_WITHOUT_SHARED();
  AlignFilesRequest request;
  const std::string dir = testing::SharedPath("data/align-gold/textberg-de-fr/");
  request.source_path = dir + "test4.de";
  request.target_path = dir + "test4.fr";
  request.source_language = "de";
  request.target_language = "fr";
  request.presegmented = true;
  StatusOr<Bitext> bitext = AlignFiles(request);
  ASSERT_TRUE(bitext.ok()) << bitext.status().message();
  EXPECT_EQ(bitext->source.sentences.size(), 36u);  // wc -l test4.de
  EXPECT_EQ(bitext->target.sentences.size(), 40u);
}

TEST(AlignFiles, MissingInputNamesThePath) {
  AlignFilesRequest request = BundledPair();
  request.target_path = "/nonexistent/hu.txt";
  StatusOr<Bitext> bitext = AlignFiles(request);
  ASSERT_FALSE(bitext.ok());
  EXPECT_EQ(bitext.status().code(), StatusCode::kNotFound);
  EXPECT_NE(bitext.status().message().find("/nonexistent/hu.txt"), std::string::npos);
}

TEST(AlignFiles, EmptyInputIsAnError) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("empty.txt"), "\n  \n");
  AlignFilesRequest request = BundledPair();
  request.target_path = dir.File("empty.txt");
  StatusOr<Bitext> bitext = AlignFiles(request);
  ASSERT_FALSE(bitext.ok());
  EXPECT_EQ(bitext.status().code(), StatusCode::kInvalidData);
  EXPECT_NE(bitext.status().message().find("empty.txt: the file has no text to align"),
            std::string::npos);
}

TEST(AlignFiles, UnknownLanguageIsAUsageError) {
  AlignFilesRequest request = BundledPair();
  request.target_language = "qq";
  StatusOr<Bitext> bitext = AlignFiles(request);
  ASSERT_FALSE(bitext.ok());
  EXPECT_EQ(bitext.status().code(), StatusCode::kInvalidArgument);
}

TEST(AlignFiles, OnlyOneSideFromStandardInput) {
  AlignFilesRequest request = BundledPair();
  request.source_path = "-";
  request.target_path = "-";
  EXPECT_EQ(AlignFiles(request).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace tandem::corpora
