// End-to-end tests of tandem discover, tandem batch and tandem stats with the real binary: the
// seeds (the one expected pair and its region), generated folders (shuffled pairs, a
// translation embedded in a longer document, documents without counterpart, a duplicate),
// batches with a failing pair, resumed runs and shards.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace tandem {
namespace {

using testing::CommandResult;
using ::testing::HasSubstr;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

CommandResult Tandem(std::vector<std::string> args) {
  args.insert(args.begin(), TANDEM_BINARY);
  return testing::Run(args);
}

// The Text+Berg German-French gold documents: shared third-party data (tests using them skip
// when it is absent).
std::string Gold(const std::string& name) {
  return testing::SharedPath("data/align-gold/textberg-de-fr/" + name);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Join(const std::vector<std::string>& lines, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end && i < lines.size(); ++i) out += lines[i] + "\n";
  return out;
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  for (const std::string& line : Lines(text)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

std::string Name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// "a.txt b.txt" for each pair of a discover JSON, sorted.
std::set<std::string> PairNames(const nlohmann::json& found) {
  std::set<std::string> names;
  for (const auto& pair : found["pairs"]) {
    names.insert(Name(pair["source"].get<std::string>()) + " " +
                 Name(pair["target"].get<std::string>()));
  }
  return names;
}

// The bundled pair (corpora/samples, byte for byte the two seeds of the letter): discover finds it,
// with the region of the letter in each file.
TEST(Discover, BundledPairWithItsRegion) {
  TempDir dir;
  const CommandResult r =
      Tandem({"discover", testing::SamplePath("en.txt"), testing::SamplePath("hu.txt"), "-o",
              dir.File("pairs.tsv"), "--json", dir.File("pairs.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json found = nlohmann::json::parse(ReadFile(dir.File("pairs.json")));
  ASSERT_EQ(found["documents"].size(), 2U) << found.dump(2);
  for (const auto& d : found["documents"]) {
    EXPECT_FALSE(d["declared"].get<bool>());
    EXPECT_GE(d["percent"].get<int>(), 90) << d["path"];
  }
  ASSERT_EQ(found["pairs"].size(), 1U) << found.dump(2);
  const nlohmann::json& pair = found["pairs"][0];
  EXPECT_EQ(Name(pair["source"].get<std::string>()), "en.txt");
  EXPECT_EQ(Name(pair["target"].get<std::string>()), "hu.txt");
  EXPECT_EQ(pair["source_lang"], "en");
  EXPECT_EQ(pair["target_lang"], "hu");
  EXPECT_TRUE(pair["partial"].get<bool>());
  // The Hungarian letter: the 6th to 24th non-empty lines (the file has one paragraph per
  // line), lines 11 to 47 of the file.
  EXPECT_EQ(pair["target_region"]["paragraphs"], nlohmann::json::array({6, 24}));
  EXPECT_EQ(pair["target_region"]["lines"], nlohmann::json::array({11, 47}));
  // The English letter without the web page's front and back matter: from "To the Central
  // Committee" (line 13) to "I can change nothing in these words." (line 69).
  EXPECT_EQ(pair["source_region"]["lines"], nlohmann::json::array({13, 69}));
  // The TSV manifest has the same pair.
  const std::vector<std::string> tsv = Lines(ReadFile(dir.File("pairs.tsv")));
  ASSERT_EQ(tsv.size(), 2U);
  EXPECT_THAT(tsv[0], ::testing::StartsWith("id\tsource\ttarget\tsource_lang\ttarget_lang"));
  EXPECT_THAT(tsv[1], HasSubstr("\ten\thu\t"));
  EXPECT_THAT(tsv[1], HasSubstr("\t6-24\t"));
  EXPECT_THAT(r.err, HasSubstr(" aligned, 1 pair found"));
}

// A folder is read without its README, licences and tandem's metadata sidecar: the bundled pair's
// folder holds two documents.
TEST(Discover, AFolderWithoutItsReadmeLicenceAndMetadata) {
  TempDir dir;
  const std::string folder =
      std::filesystem::path(testing::SamplePath("en.txt")).parent_path().string();
  ASSERT_TRUE(std::filesystem::exists(folder + "/metadata.json"));
  ASSERT_TRUE(std::filesystem::exists(folder + "/README.md"));
  std::filesystem::copy(folder, dir.File("pair"));
  WriteFile(dir.File("pair/LICENSE.txt"), "Permission is hereby granted, free of charge.\n");
  const CommandResult r = Tandem({"discover", dir.File("pair"), "-o", dir.File("pairs.tsv"),
                                  "--json", dir.File("pairs.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json found = nlohmann::json::parse(ReadFile(dir.File("pairs.json")));
  std::vector<std::string> names;
  for (const auto& d : found["documents"]) names.push_back(Name(d["path"].get<std::string>()));
  EXPECT_EQ(names, (std::vector<std::string>{"en.txt", "hu.txt"}));
  EXPECT_EQ(found["pairs"].size(), 1U);
}

// All five seeds: the pair and three unrelated documents on the same topic (one Dutch), which
// only the shared data hold. The one pair is found, and nothing else.
TEST(Discover, SeedsHaveOnePairAndNothingElse) {
  TANDEM_SKIP_WITHOUT_SHARED();
  TempDir dir;
  const CommandResult r = Tandem({"discover", testing::SharedPath("seeds"), "-o",
                                  dir.File("pairs.tsv"), "--json", dir.File("pairs.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json found = nlohmann::json::parse(ReadFile(dir.File("pairs.json")));
  std::map<std::string, std::string> languages;
  for (const auto& d : found["documents"]) {
    const std::string name = Name(d["path"].get<std::string>()).substr(0, 3);
    languages[name] = d["language"];
    EXPECT_FALSE(d["declared"].get<bool>());
    EXPECT_GE(d["percent"].get<int>(), 90) << name;
    // Paragraph by paragraph, the document's own language comes first (001's web page has a
    // line of English boilerplate among its Dutch paragraphs).
    ASSERT_FALSE(d["paragraph_languages"].empty()) << name;
    const auto& main = d["paragraph_languages"][0];
    EXPECT_EQ(main["language"], d["language"]) << name;
  }
  EXPECT_EQ(languages,
            (std::map<std::string, std::string>{
                {"000", "en"}, {"001", "nl"}, {"002", "hu"}, {"003", "en"}, {"004", "en"}}));
  ASSERT_EQ(found["pairs"].size(), 1U) << found.dump(2);
  const nlohmann::json& pair = found["pairs"][0];
  EXPECT_THAT(pair["source"].get<std::string>(), HasSubstr("003_"));
  EXPECT_THAT(pair["target"].get<std::string>(), HasSubstr("002_"));
  EXPECT_EQ(pair["target_region"]["paragraphs"], nlohmann::json::array({6, 24}));
  EXPECT_EQ(pair["source_region"]["lines"], nlohmann::json::array({13, 69}));
  EXPECT_THAT(r.err, HasSubstr(" aligned, 1 pair found"));
}

// A folder made from the Text+Berg gold pairs (German-French, one sentence per line): three
// pairs under shuffled names, a French text whose German translation sits inside a longer
// German document, a German and a French text without counterpart, and a duplicate.
class GeneratedFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    TANDEM_SKIP_WITHOUT_SHARED();
    auto copy = [&](const std::string& from, const std::string& to) {
      WriteFile(dir_.File(to), ReadFile(Gold(from)));
    };
    copy("test1.de", "k07.txt");
    copy("test1.fr", "a02.txt");
    copy("test2.de", "c11.txt");
    copy("test2.fr", "m05.txt");
    copy("test2.fr", "z99.txt");  // duplicate of m05
    copy("test3.de", "b08.txt");
    copy("test3.fr", "q04.txt");
    copy("test5.de", "d01.txt");  // no counterpart
    copy("test6.fr", "f13.txt");  // no counterpart
    copy("test4.fr", "e06.txt");
    // test4.de between two stretches of dev.de (whose French is not in the folder).
    const std::vector<std::string> dev = Lines(ReadFile(Gold("dev.de")));
    const std::string embedded =
        Join(dev, 0, 120) + ReadFile(Gold("test4.de")) + Join(dev, 120, 240);
    WriteFile(dir_.File("g10.txt"), embedded);
    embedded_first_ = 121;
    embedded_last_ = 120 + Lines(ReadFile(Gold("test4.de"))).size();
  }
  TempDir dir_;
  std::size_t embedded_first_ = 0;
  std::size_t embedded_last_ = 0;
};

TEST_F(GeneratedFolder, FindsThePairsAndNothingElse) {
  const CommandResult r = Tandem({"discover", dir_.path().string(), "-o", dir_.File("m.tsv"),
                                  "--json", dir_.File("m.json"), "-j", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json found = nlohmann::json::parse(ReadFile(dir_.File("m.json")));
  EXPECT_EQ(PairNames(found), (std::set<std::string>{"k07.txt a02.txt", "c11.txt m05.txt",
                                                     "b08.txt q04.txt", "g10.txt e06.txt"}))
      << found.dump(2);
  for (const auto& d : found["documents"]) {
    const std::string name = Name(d["path"].get<std::string>());
    EXPECT_EQ(d["language"], name == "k07.txt" || name == "c11.txt" || name == "b08.txt" ||
                                     name == "d01.txt" || name == "g10.txt"
                                 ? "de"
                                 : "fr")
        << name;
    if (name == "z99.txt") {
      EXPECT_EQ(Name(d["duplicate_of"].get<std::string>()), "m05.txt");
    } else {
      EXPECT_FALSE(d.contains("duplicate_of")) << name;
    }
  }
  for (const auto& pair : found["pairs"]) {
    const std::string source = Name(pair["source"].get<std::string>());
    const bool embedded = source == "g10.txt";
    EXPECT_EQ(pair["source_region"]["whole"].get<bool>(), !embedded) << pair.dump();
    if (source == "k07.txt") {
      // The German of test1 stops 15 sentences before the French (the gold alignment leaves
      // the last 15 French sentences, lines 260-274, without counterpart).
      EXPECT_FALSE(pair["target_region"]["whole"].get<bool>());
      EXPECT_NEAR(pair["target_region"]["lines"][1].get<double>(), 259, 2);
    } else {
      EXPECT_TRUE(pair["target_region"]["whole"].get<bool>()) << pair.dump();
    }
    if (embedded) {
      // Within two lines of where test4.de was put.
      const std::size_t first = pair["source_region"]["lines"][0];
      const std::size_t last = pair["source_region"]["lines"][1];
      EXPECT_NEAR(static_cast<double>(first), static_cast<double>(embedded_first_), 2);
      EXPECT_NEAR(static_cast<double>(last), static_cast<double>(embedded_last_), 2);
      EXPECT_TRUE(pair["target_region"]["whole"].get<bool>());
    }
  }
}

TEST(Discover, DeclaredLanguageWinsAndAMismatchIsWarned) {
  TANDEM_SKIP_WITHOUT_SHARED();
  TempDir dir;
  WriteFile(dir.File("a.txt"), ReadFile(Gold("test4.de")));
  WriteFile(dir.File("b.txt"), ReadFile(Gold("test4.fr")));
  const CommandResult r =
      Tandem({"discover", dir.File("a.txt"), dir.File("b.txt"), "--lang", "a.txt=it", "--json",
              dir.File("m.json"), "-o", dir.File("m.tsv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("declared language it but the text looks like de"));
  const nlohmann::json found = nlohmann::json::parse(ReadFile(dir.File("m.json")));
  EXPECT_EQ(found["documents"][0]["language"], "it");
  EXPECT_EQ(found["documents"][0]["detected_language"], "de");
}

// The candidate alignments are held to the memory limit, as `align` is.
TEST(Discover, CandidatesAboveTheMemoryLimitAreRefused) {
  TANDEM_SKIP_WITHOUT_SHARED();
  TempDir dir;
  WriteFile(dir.File("a.txt"), ReadFile(Gold("test2.de")));
  WriteFile(dir.File("b.txt"), ReadFile(Gold("test2.fr")));
  const CommandResult r =
      Tandem({"discover", dir.path().string(), "--memory-limit", "10M", "-j", "1"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("more than the limit of 10 MB: split both texts"));
  EXPECT_THAT(r.err, HasSubstr("a.txt"));
  const CommandResult usage = Tandem({"discover", dir.path().string(), "--memory-limit", "lots"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_THAT(usage.err, HasSubstr("--memory-limit lots: not a size"));
}

TEST(Discover, Errors) {
  TempDir dir;
  CommandResult r = Tandem({"discover", dir.File("missing.txt")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("missing.txt"));
  r = Tandem({"discover", dir.path().string()});  // empty directory
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no documents"));
  r = Tandem({"discover", "--lang", "nonsense", dir.path().string()});
  EXPECT_EQ(r.exit_code, 2);
}

// A manifest of small gold pairs, with one that cannot be read in the middle.
class Batch : public ::testing::Test {
 protected:
  void SetUp() override {
    TANDEM_SKIP_WITHOUT_SHARED();
    std::string manifest = "id\tsource\ttarget\tsource_lang\ttarget_lang\n";
    manifest += "p4\t" + Gold("test4.de") + "\t" + Gold("test4.fr") + "\tde\tfr\n";
    manifest += "p2\t" + Gold("test2.de") + "\t" + Gold("test2.fr") + "\tde\tfr\n";
    manifest += "broken\t" + dir_.File("missing.de") + "\t" + Gold("test4.fr") + "\tde\tfr\n";
    manifest += "p3\t" + Gold("test3.de") + "\t" + Gold("test3.fr") + "\tde\tfr\n";
    manifest += "p0\t" + Gold("test0.de") + "\t" + Gold("test0.fr") + "\tde\tfr\n";
    WriteFile(dir_.File("m.tsv"), manifest);
  }
  std::map<std::string, std::string> Statuses(const std::string& summary) {
    std::map<std::string, std::string> statuses;
    for (const nlohmann::json& line : JsonLines(ReadFile(summary))) {
      statuses[line["id"]] = line["status"];
    }
    return statuses;
  }
  TempDir dir_;
};

TEST_F(Batch, FailingPairIsSkippedAndReportedThenResumed) {
  const std::string out = dir_.File("out");
  CommandResult r = Tandem({"batch", dir_.File("m.tsv"), "-o", out, "--jobs", "2"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("broken (manifest line 4)"));
  EXPECT_THAT(r.err, HasSubstr("missing.de"));
  EXPECT_EQ(Statuses(out + "/summary.jsonl"),
            (std::map<std::string, std::string>{{"p4", "aligned"},
                                                {"p2", "aligned"},
                                                {"broken", "failed"},
                                                {"p3", "aligned"},
                                                {"p0", "aligned"}}));
  for (const char* id : {"p4", "p2", "p3", "p0"}) {
    EXPECT_TRUE(std::filesystem::exists(out + "/" + id + ".tei.xml")) << id;
  }
  EXPECT_FALSE(std::filesystem::exists(out + "/broken.tei.xml"));
  const std::vector<nlohmann::json> lines = JsonLines(ReadFile(out + "/summary.jsonl"));
  ASSERT_EQ(lines.size(), 5U);
  EXPECT_EQ(lines[0]["id"], "p4");  // in manifest order
  EXPECT_GT(lines[0]["beads"].get<int>(), 20);
  EXPECT_GT(lines[0]["beads_by_type"]["1:1"].get<int>(), 20);
  EXPECT_GT(lines[0]["mean_confidence"].get<double>(), 0.5);

  // An interrupted run: p3 never finished (no summary). The rerun aligns only it. A damaged
  // summary of a done pair (numbers that are strings or do not fit) still counts as done.
  std::filesystem::remove(out + "/p3.json");
  WriteFile(out + "/p2.json",
            "{\"beads\":\"many\",\"source_sentences\":1e300,\"beads_by_type\":{\"1:1\":-3}}");
  r = Tandem({"batch", dir_.File("m.tsv"), "-o", out});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(Statuses(out + "/summary.jsonl"),
            (std::map<std::string, std::string>{{"p4", "skipped"},
                                                {"p2", "skipped"},
                                                {"broken", "failed"},
                                                {"p3", "aligned"},
                                                {"p0", "skipped"}}));
  EXPECT_THAT(r.err, HasSubstr("1 aligned, 3 already done, 1 failed"));
  // --force aligns everything again.
  r = Tandem({"batch", dir_.File("m.tsv"), "-o", out, "--force", "-q"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(Statuses(out + "/summary.jsonl")["p4"], "aligned");
}

// Each pair of a batch is held to the memory limit; a pair above it fails with the message of
// `align`, and the other pairs go on.
TEST_F(Batch, PairsAboveTheMemoryLimitFailAndTheRestGoOn) {
  const std::string out = dir_.File("out");
  const CommandResult r = Tandem({"batch", dir_.File("m.tsv"), "-o", out, "--memory-limit", "10M"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  for (const auto& [id, status] : Statuses(out + "/summary.jsonl")) {
    EXPECT_EQ(status, "failed") << id;
  }
  EXPECT_THAT(r.err, HasSubstr("more than the limit of 10 MB: split both texts"));
  EXPECT_FALSE(std::filesystem::exists(out + "/p4.tei.xml"));
  const CommandResult usage =
      Tandem({"batch", dir_.File("m.tsv"), "-o", out, "--memory-limit", "lots"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_THAT(usage.err, HasSubstr("--memory-limit lots: not a size"));
}

TEST_F(Batch, ShardsCoverEveryPairExactlyOnce) {
  const std::string out = dir_.File("out");
  std::multiset<std::string> ids;
  for (const char* shard : {"1/3", "2/3", "3/3"}) {
    const CommandResult r =
        Tandem({"batch", dir_.File("m.tsv"), "-o", out, "--shard", shard, "-f", "tsv", "-q"});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 3) << r.err;
    std::string k(1, shard[0]);
    for (const nlohmann::json& line :
         JsonLines(ReadFile(out + "/summary.shard-" + k + "-of-3.jsonl"))) {
      ids.insert(line["id"].get<std::string>());
      EXPECT_NE(line["status"], "skipped");  // no shard did another's work
    }
  }
  EXPECT_EQ(ids, (std::multiset<std::string>{"p4", "p2", "broken", "p3", "p0"}));
  EXPECT_TRUE(std::filesystem::exists(out + "/p0.tsv"));
}

// Needs no gold data: the manifest's pairs are never aligned.
TEST(BatchErrors, UsageAndManifestErrors) {
  TempDir dir;
  WriteFile(dir.File("m.tsv"), "id\tsource\ttarget\tsource_lang\ttarget_lang\np\t" +
                                   testing::SamplePath("en.txt") + "\t" +
                                   testing::SamplePath("hu.txt") + "\ten\thu\n");
  CommandResult r = Tandem({"batch", dir.File("m.tsv"), "-o", dir.File("o"), "--shard", "4/3"});
  EXPECT_EQ(r.exit_code, 2);
  r = Tandem({"batch", dir.File("m.tsv")});  // -o missing
  EXPECT_EQ(r.exit_code, 2);
  WriteFile(dir.File("bad.tsv"), "source\ttarget\n");
  r = Tandem({"batch", dir.File("bad.tsv"), "-o", dir.File("o")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.tsv:1: the header has no column 'source_lang'"));
  WriteFile(dir.File("dup.tsv"),
            "id\tsource\ttarget\tsource_lang\ttarget_lang\nx\ta\tb\tde\tfr\nx\tc\td\tde\tfr\n");
  r = Tandem({"batch", dir.File("dup.tsv"), "-o", dir.File("o")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("dup.tsv:3: the id 'x' is already used"));
}

// The bundled pair as a batch, with a pair that cannot be read: the letter is aligned and its
// corpus written, the broken pair is reported, and a second run does only what is left. Runs
// without the shared data, so that batch is tested in a plain clone too.
TEST(BatchErrors, BundledPairAndABrokenOneThenResumed) {
  TempDir dir;
  const std::string en = testing::SamplePath("en.txt");
  const std::string hu = testing::SamplePath("hu.txt");
  WriteFile(dir.File("m.tsv"), "id\tsource\ttarget\tsource_lang\ttarget_lang\nletter\t" + en +
                                   "\t" + hu + "\ten\thu\nbroken\t" + dir.File("missing.txt") +
                                   "\t" + hu + "\ten\thu\n");
  const std::string out = dir.File("out");
  CommandResult r = Tandem({"batch", dir.File("m.tsv"), "-o", out});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("missing.txt"));
  EXPECT_THAT(r.err, HasSubstr("1 aligned, 0 already done, 1 failed"));
  std::map<std::string, std::string> statuses;
  for (const nlohmann::json& line : JsonLines(ReadFile(out + "/summary.jsonl"))) {
    statuses[line["id"]] = line["status"];
  }
  EXPECT_EQ(statuses,
            (std::map<std::string, std::string>{{"letter", "aligned"}, {"broken", "failed"}}));
  EXPECT_THAT(ReadFile(out + "/letter.tei.xml"), HasSubstr("<teiCorpus"));
  EXPECT_FALSE(std::filesystem::exists(out + "/broken.tei.xml"));
  r = Tandem({"batch", dir.File("m.tsv"), "-o", out});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("0 aligned, 1 already done, 1 failed"));
}

TEST(Stats, OfABatchOutput) {
  TANDEM_SKIP_WITHOUT_SHARED();
  TempDir dir;
  std::string manifest = "id\tsource\ttarget\tsource_lang\ttarget_lang\n";
  manifest += "p4\t" + Gold("test4.de") + "\t" + Gold("test4.fr") + "\tde\tfr\n";
  manifest += "p3\t" + Gold("test3.de") + "\t" + Gold("test3.fr") + "\tde\tfr\n";
  WriteFile(dir.File("m.tsv"), manifest);
  const std::string out = dir.File("out");
  CommandResult r = Tandem({"batch", dir.File("m.tsv"), "-o", out, "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t beads = 0;
  std::size_t source_sentences = 0;
  for (const nlohmann::json& line : JsonLines(ReadFile(out + "/summary.jsonl"))) {
    beads += line["beads"].get<std::size_t>();
    source_sentences += line["source_sentences"].get<std::size_t>();
  }
  r = Tandem({"stats", out, "-f", "json", "--svg", dir.File("svg")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json stats = nlohmann::json::parse(r.out);
  ASSERT_EQ(stats["corpora"].size(), 1U);
  const nlohmann::json& total = stats["corpora"][0]["total"];
  EXPECT_EQ(stats["corpora"][0]["pairs"].size(), 2U);
  EXPECT_EQ(total["beads"].get<std::size_t>(), beads);
  // The German sentences the batch found: at least the 36 + 107 lines of the gold files (the
  // segmenter also splits a few lines that run a heading into its paragraph).
  EXPECT_EQ(total["source_sentences"].get<std::size_t>(), source_sentences);
  EXPECT_GE(source_sentences, 36U + 107U);
  std::size_t by_confidence = 0;
  for (const auto& bin : total["confidence"]) by_confidence += bin["beads"].get<std::size_t>();
  EXPECT_EQ(by_confidence, beads);
  EXPECT_EQ(total["review"]["automatic"].get<std::size_t>(), beads);
  EXPECT_GT(total["beads_by_type"]["1:1"].get<std::size_t>(), 100U);

  r = Tandem({"stats", out, "-f", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> rows = Lines(r.out);
  ASSERT_EQ(rows.size(), 4U);  // header, two pairs, the total
  EXPECT_THAT(rows[0], ::testing::StartsWith("corpus,pair,source_sentences"));
  EXPECT_THAT(rows[3], HasSubstr(",*," + std::to_string(source_sentences) + ","));
  EXPECT_THAT(ReadFile(dir.File("svg/corpus1-confidence.svg")), ::testing::StartsWith("<svg"));
  EXPECT_THAT(ReadFile(dir.File("svg/corpus1-length-ratio.svg")), HasSubstr("</svg>"));

  r = Tandem({"stats", dir.File("nothing.tei.xml")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("nothing.tei.xml"));
}

}  // namespace
}  // namespace tandem
