#include "tandem/corpora/metadata.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.h"
#include "test_util.h"

namespace tandem::corpora {
namespace {

using ::testing::HasSubstr;

TEST(Metadata, TheBundledPairsSidecar) {
  StatusOr<BitextMetadata> metadata = ReadMetadataFile(testing::SamplePath("metadata.json"));
  ASSERT_TRUE(metadata.ok()) << metadata.status().message();
  EXPECT_EQ(metadata->source.author, "L. D. Trotsky");
  EXPECT_EQ(metadata->source.title, "Reply to Stalin");
  EXPECT_EQ(metadata->source.date, "16 December 1928");
  EXPECT_EQ(metadata->source.date_iso, "1928-12-16");
  EXPECT_THAT(metadata->source.translator, HasSubstr("The Militant"));
  EXPECT_EQ(metadata->target.author, "L. D. Trockij");
}

TEST(Metadata, AppliedFieldsOverrideAndEmptyOnesKeep) {
  Bitext bitext = testing::SmallBitext();
  bitext.source_info.publisher = "kept";
  bitext.source_info.author = "replaced";
  BitextMetadata metadata;
  metadata.title = "T";
  metadata.source.author = "A";
  ApplyMetadata(metadata, bitext);
  EXPECT_EQ(bitext.title, "T");
  EXPECT_EQ(bitext.source_info.author, "A");
  EXPECT_EQ(bitext.source_info.publisher, "kept");

  BitextMetadata flags;
  flags.source.title = "From a flag";
  const BitextMetadata merged = MergeMetadata(metadata, flags);
  EXPECT_EQ(merged.source.title, "From a flag");
  EXPECT_EQ(merged.source.author, "A");
}

TEST(Metadata, ErrorsNameTheFileAndWhat) {
  EXPECT_THAT(ParseMetadata("{\"source\": {\"autor\": \"x\"}}", "m.json").status().message(),
              HasSubstr("m.json: unknown key \"autor\" in \"source\""));
  EXPECT_THAT(ParseMetadata("{\"titel\": \"x\"}", "m.json").status().message(),
              HasSubstr("unknown key \"titel\" (known: title, source, target)"));
  EXPECT_THAT(ParseMetadata("{\"source\": {\"date\": 1928}}", "m.json").status().message(),
              HasSubstr("\"source\".\"date\" must be a string"));
  EXPECT_THAT(ParseMetadata("{\n  \"title\": \"x\",\n  oops\n}", "m.json").status().message(),
              HasSubstr("m.json:3:3: not valid JSON"));
  EXPECT_EQ(ReadMetadataFile("/nonexistent.json").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace tandem::corpora
