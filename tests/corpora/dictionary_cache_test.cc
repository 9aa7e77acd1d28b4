// Prepared dictionaries kept in a cache directory (LoadPreparedDictionaries): a cold, a warm and
// no cache give the same alignment; a damaged file is rebuilt with a note; a cache that cannot
// be written only makes loading slower.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tandem/corpora/dictionary.h"
#include "tandem/corpora/pipeline.h"
#include "test_util.h"

namespace tandem::corpora {
namespace {

namespace fs = std::filesystem;

// A small English-Hungarian dictionary of words of the bundled letter, tab-separated.
std::string WriteDictionary(const testing::TempDir& dir, const std::string& extra = "") {
  const std::string path = dir.File("letter.tsv");
  testing::WriteFile(path,
                     "answer\tválasz\nletter\tlevél\nparty\tpárt\nopposition\tellenzék\n"
                     "comrade\telvtárs\nrevolution\tforradalom\nworker\tmunkás\n"
                     "government\tkormány\nexile\tszáműzetés\nprison\tbörtön\nyear\tév\n"
                     "war\tháború\ncentral committee\tközponti bizottság\nto give up\tfelad\n"
                     "Stalin\tSztálin\nTrotsky\tTrockij\nSoviet\tszovjet\n" +
                         extra);
  return path;
}

AlignFilesRequest BundledPair(const std::string& dictionary, const std::string& cache) {
  AlignFilesRequest request;
  request.source_path = testing::SamplePath("en.txt");
  request.target_path = testing::SamplePath("hu.txt");
  request.source_language = "en";
  request.target_language = "hu";
  request.timestamp = "2026-01-01T00:00:00Z";
  request.dictionaries.specs = {dictionary};
  request.dictionaries.cache_directory = cache;
  return request;
}

std::vector<std::string> CacheFiles(const std::string& dir) {
  std::vector<std::string> files;
  if (!fs::exists(dir)) return files;
  for (const std::string& name : testing::ListDir(dir)) {
    if (name.ends_with(".tlex")) files.push_back(name);
  }
  return files;
}

TEST(DictionaryCache, ColdWarmAndNoCacheAlignTheSame) {
  testing::TempDir dir;
  const std::string dictionary = WriteDictionary(dir);
  const std::string cache = dir.File("cache");
  std::vector<std::string> warnings;
  AlignFilesRequest request = BundledPair(dictionary, cache);
  request.warn = [&warnings](const std::string& message) { warnings.push_back(message); };

  StatusOr<Bitext> cold = AlignFiles(request);
  ASSERT_TRUE(cold.ok()) << cold.status().message();
  const std::vector<std::string> files = CacheFiles(cache);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_TRUE(files[0].starts_with("letter.tsv.en-hu.")) << files[0];

  StatusOr<PreparedDictionaries> loaded =
      LoadPreparedDictionaries(request.dictionaries, "en", "hu");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->from_cache, 1u);
  ASSERT_EQ(loaded->lexicons.size(), 1u);
  EXPECT_EQ(loaded->lexicons[0]->name(), "letter.tsv");

  StatusOr<Bitext> warm = AlignFiles(request);
  ASSERT_TRUE(warm.ok());
  request.dictionaries.cache_directory = "none";
  StatusOr<Bitext> uncached = AlignFiles(request);
  ASSERT_TRUE(uncached.ok());
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  ASSERT_GT(cold->ladder.size(), 50u);
  EXPECT_EQ(warm->ladder, cold->ladder);
  EXPECT_EQ(uncached->ladder, cold->ladder);
  EXPECT_EQ(CacheFiles(cache), files);
}

TEST(DictionaryCache, DamagedFileIsRebuiltWithANote) {
  testing::TempDir dir;
  DictionaryRequest request;
  request.specs = {WriteDictionary(dir)};
  request.cache_directory = dir.File("cache");
  StatusOr<PreparedDictionaries> first = LoadPreparedDictionaries(request, "en", "hu");
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->from_cache, 0u);
  const std::vector<std::string> files = CacheFiles(request.cache_directory);
  ASSERT_EQ(files.size(), 1u);
  const std::string path = request.cache_directory + "/" + files[0];
  const std::string good = testing::ReadFile(path);

  auto reload_after = [&](const std::string& damaged, const std::string& why) {
    testing::WriteFile(path, damaged);
    StatusOr<PreparedDictionaries> again = LoadPreparedDictionaries(request, "en", "hu");
    ASSERT_TRUE(again.ok()) << why;
    EXPECT_EQ(again->from_cache, 0u) << why;
    ASSERT_EQ(again->notes.size(), 1u) << why;
    EXPECT_NE(again->notes[0].find(path), std::string::npos) << again->notes[0];
    EXPECT_NE(again->notes[0].find("prepared again"), std::string::npos) << again->notes[0];
    ASSERT_EQ(again->lexicons.size(), 1u);
    EXPECT_EQ(again->lexicons[0]->bytes(), std::string_view(good)) << why;
    EXPECT_EQ(testing::ReadFile(path), good) << why << ": the file is written anew";
  };
  reload_after(good.substr(0, good.size() / 2), "truncated");
  std::string flipped = good;
  flipped[good.size() - 5] ^= 0x01;
  reload_after(flipped, "a flipped bit");
  reload_after("", "empty");
  reload_after("not a prepared lexicon at all, but long enough to have a header", "foreign");

  StatusOr<PreparedDictionaries> warm = LoadPreparedDictionaries(request, "en", "hu");
  ASSERT_TRUE(warm.ok());
  EXPECT_EQ(warm->from_cache, 1u);
  EXPECT_TRUE(warm->notes.empty());
}

TEST(DictionaryCache, AChangedDictionaryReplacesItsPreparedFile) {
  testing::TempDir dir;
  DictionaryRequest request;
  request.specs = {WriteDictionary(dir)};
  request.cache_directory = dir.File("cache");
  ASSERT_TRUE(LoadPreparedDictionaries(request, "en", "hu").ok());
  const std::vector<std::string> before = CacheFiles(request.cache_directory);
  ASSERT_EQ(before.size(), 1u);
  WriteDictionary(dir, "peace\tbéke\n");  // another size (and modification time)
  StatusOr<PreparedDictionaries> changed = LoadPreparedDictionaries(request, "en", "hu");
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->from_cache, 0u);
  ASSERT_EQ(changed->lexicons.size(), 1u);
  EXPECT_EQ(changed->lexicons[0]->size(), 18u);
  const std::vector<std::string> after = CacheFiles(request.cache_directory);
  ASSERT_EQ(after.size(), 1u) << "the older file is removed";
  EXPECT_NE(after, before);
  // The same dictionary for another language pair is another file beside it.
  ASSERT_TRUE(LoadPreparedDictionaries(request, "en", "de").ok());
  EXPECT_EQ(CacheFiles(request.cache_directory).size(), 2u);
}

TEST(DictionaryCache, ACacheThatCannotBeWrittenOnlyCostsTime) {
  testing::TempDir dir;
  DictionaryRequest request;
  request.specs = {WriteDictionary(dir)};
  testing::WriteFile(dir.File("file"), "a file where the cache directory would be");
  request.cache_directory = dir.File("file") + "/cache";
  StatusOr<PreparedDictionaries> loaded = LoadPreparedDictionaries(request, "en", "hu");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  ASSERT_EQ(loaded->lexicons.size(), 1u);
  EXPECT_EQ(loaded->lexicons[0]->size(), 17u);
  ASSERT_EQ(loaded->notes.size(), 1u);
  EXPECT_NE(
      loaded->notes[0].find("cannot keep prepared dictionaries in " + request.cache_directory),
      std::string::npos)
      << loaded->notes[0];
}

TEST(DictionaryCache, ErrorsOfTheDictionaryItselfAreReportedAsBefore) {
  testing::TempDir dir;
  DictionaryRequest request;
  request.specs = {dir.File("missing.tsv")};
  request.cache_directory = dir.File("cache");
  StatusOr<PreparedDictionaries> loaded = LoadPreparedDictionaries(request, "en", "hu");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("missing.tsv"), std::string::npos);
  request.specs = {"none", "auto"};
  EXPECT_EQ(LoadPreparedDictionaries(request, "en", "hu").status().code(),
            StatusCode::kInvalidArgument);
}

TEST(DictionaryCache, DefaultDirectoryFollowsXdg) {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const std::string saved = xdg ? xdg : "";
  setenv("XDG_CACHE_HOME", "/somewhere/cache", 1);
  EXPECT_EQ(DefaultDictionaryCache(), "/somewhere/cache/tandem");
  setenv("XDG_CACHE_HOME", "relative", 1);  // not absolute: ignored, as the XDG spec says
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') {
    EXPECT_EQ(DefaultDictionaryCache(), std::string(home) + "/.cache/tandem");
  }
  if (xdg) {
    setenv("XDG_CACHE_HOME", saved.c_str(), 1);
  } else {
    unsetenv("XDG_CACHE_HOME");
  }
}

}  // namespace
}  // namespace tandem::corpora
