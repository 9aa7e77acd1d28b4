// End-to-end tests of `tandem concord`: the real binary on the bundled pair and the test
// corpora, its three output formats, and its errors and exit codes.
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
using testing::SamplePath;
using testing::TempDir;

CommandResult Tandem(std::vector<std::string> args) {
  args.insert(args.begin(), TANDEM_BINARY);
  return testing::Run(args);
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(what); pos != std::string::npos;
       pos = text.find(what, pos + what.size())) {
    ++n;
  }
  return n;
}

// The bundled letter, aligned as run.sh aligns it, once for all tests.
class ConcordCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    corpus_ = dir_->File("letter.tei.xml");
    const CommandResult r = Tandem({"align", "-q", "-s", "en", "-t", "hu", SamplePath("en.txt"),
                                    SamplePath("hu.txt"), "-o", corpus_});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static TempDir* dir_;
  static std::string corpus_;
};
TempDir* ConcordCli::dir_ = nullptr;
std::string ConcordCli::corpus_;

TEST_F(ConcordCli, GpuInTheLetterListsItsHungarianRenderings) {
  const CommandResult r = Tandem({"concord", corpus_, "G.P.U.", "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<nlohmann::json> rows = JsonLines(r.out);
  // Every occurrence in the English text, and nothing else.
  const std::size_t expected = Count(testing::ReadFile(SamplePath("en.txt")), "G.P.U.");
  ASSERT_EQ(expected, 10u);
  ASSERT_EQ(rows.size(), expected);
  EXPECT_EQ(r.err, "10 hits in 1 corpus file\n");
  std::size_t rendered = 0;
  bool ogpu = false;
  for (const nlohmann::json& row : rows) {
    EXPECT_EQ(row["corpus"], corpus_);
    EXPECT_EQ(row["side"], "source");
    EXPECT_EQ(row["match"], "G.P.U.");
    const std::string text = row["text"];
    const std::size_t begin = row["hit"]["begin"];
    const std::size_t end = row["hit"]["end"];
    EXPECT_EQ(text.substr(begin, end - begin), "G.P.U.");
    EXPECT_GE(row["confidence"].get<double>(), 0.0);
    EXPECT_EQ(row["review"], "automatic");
    std::string other;
    for (const auto& sentence : row["other_texts"]) other += sentence.get<std::string>() + " ";
    EXPECT_EQ(row["other_texts"].size(), row["other_sentences"].size());
    if (other.find("GPU") != std::string::npos) ++rendered;
    ogpu = ogpu || other.find("OGPU") != std::string::npos;
  }
  // The Hungarian renders it "GPU" (and once "OGPU"); two sentences say it without the name
  // ("a kollégium", and one that leaves it out).
  EXPECT_GE(rendered, 8u);
  EXPECT_TRUE(ogpu);
}

TEST_F(ConcordCli, KeywordInContextWithTheOtherSideBeneath) {
  const CommandResult r = Tandem({"concord", "-q", corpus_, "G.P.U.", "--width", "30"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, ::testing::StartsWith("== " + corpus_ + "\n"));
  EXPECT_EQ(Count(r.out, "[G.P.U.]"), 10u);
  EXPECT_THAT(r.out, HasSubstr("ultim\xC3\xA1tum"));
  EXPECT_THAT(r.out,
              HasSubstr("\n           = Azt mondtam a GPU k\xC3\xA9pvisel\xC5\x91j\xC3\xA9nek"));
  // The left context is cut to 30 characters, with an ellipsis.
  EXPECT_THAT(r.out, HasSubstr("\n76 1:1     \xE2\x80\xA6"
                               "sibility for the work of the [G.P.U.]\n"));
}

TEST_F(ConcordCli, TsvHasOneLinePerHitAndAHeader) {
  const CommandResult r = Tandem({"concord", "-q", corpus_, "G.P.U.", "-f", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line,
            "corpus\tbead\tside\tsentence\tbegin\tend\tleft\thit\tright\tother\tbead_type\t"
            "confidence\treview");
  std::size_t rows = 0;
  for (; std::getline(in, line); ++rows) {
    EXPECT_EQ(Count(line, "\t"), 12u) << line;
    EXPECT_THAT(line, HasSubstr("\tG.P.U.\t"));
  }
  EXPECT_EQ(rows, 10u);
}

TEST_F(ConcordCli, TargetSideFoldingCaseAndAccents) {
  // "kollegium" finds "kollégium" and "kollégiumának" only with --fold-accents and --partial.
  CommandResult r =
      Tandem({"concord", "-q", corpus_, "KOLLEGIUM", "--side", "target", "-i", "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  r = Tandem({"concord", "-q", corpus_, "KOLLEGIUM", "--side", "target", "-i", "--fold-accents",
              "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<nlohmann::json> whole = JsonLines(r.out);
  ASSERT_FALSE(whole.empty());
  for (const auto& row : whole) {
    EXPECT_EQ(row["side"], "target");
    EXPECT_EQ(row["match"], "koll\xC3\xA9gium");
  }
  r = Tandem({"concord", "-q", corpus_, "KOLLEGIUM", "--side", "target", "-i", "--fold-accents",
              "--partial", "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(JsonLines(r.out).size(), whole.size());
}

TEST_F(ConcordCli, RegexOnBothSides) {
  const CommandResult r = Tandem(
      {"concord", "-q", corpus_, "-e", R"(\bO?GPU\b|G\.P\.U\.)", "--side", "both", "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t source = 0;
  std::size_t target = 0;
  for (const auto& row : JsonLines(r.out)) (row["side"] == "source" ? source : target) += 1;
  EXPECT_EQ(source, 10u);
  EXPECT_GE(target, 10u);
}

TEST(ConcordCliSmall, HitWithoutCounterpart) {
  const std::string corpus = testing::TestDataDir() + "/tei/small.tei.xml";
  CommandResult r = Tandem({"concord", corpus, "\xC3\xB6t", "-i", "--side", "target"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "== " + corpus + "\n3 0:1" + std::string(46, ' ') +
                       "[\xC3\x96t].\n"
                       "           = (no counterpart: nothing on the source side)\n");
  EXPECT_EQ(r.err, "1 hit in 1 corpus file (1 without counterpart)\n");
  r = Tandem({"concord", corpus, "\xC3\xB6t", "-i", "--side", "target", "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<nlohmann::json> rows = JsonLines(r.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["bead"], 3);
  EXPECT_EQ(rows[0]["bead_type"], "0:1");
  EXPECT_EQ(rows[0]["other_texts"], nlohmann::json::array());
  EXPECT_EQ(rows[0]["sentence"], 4);
}

TEST(ConcordCliSmall, EveryFormatTandemReads) {
  // The same corpus as TMX and JSON Lines gives the same hit.
  for (const char* file : {"formats/small.tmx", "formats/small.jsonl", "tei/small.tei.xml"}) {
    const CommandResult r =
        Tandem({"concord", "-q", testing::TestDataDir() + "/" + file, "Two", "-f", "tsv"});
    ASSERT_EQ(r.exit_code, 0) << file << ": " << r.err;
    EXPECT_EQ(Count(r.out, "\n"), 2u) << file << ": " << r.out;
    EXPECT_THAT(r.out, HasSubstr("\tTwo\t")) << file;
  }
}

TEST(ConcordCliSmall, DirectoryOfCorpora) {
  // A directory stands for the corpus files in it (what tandem batch writes), sorted by name;
  // its JSON and summary files are not corpora.
  TempDir dir;
  const std::string data = testing::TestDataDir();
  testing::WriteFile(dir.File("a.tmx"), testing::ReadFile(data + "/formats/small.tmx"));
  testing::WriteFile(dir.File("b.tei.xml"), testing::ReadFile(data + "/tei/small.tei.xml"));
  testing::WriteFile(dir.File("summary.json"), "{}");
  const CommandResult r = Tandem({"concord", dir.path().string(), "Two", "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<nlohmann::json> rows = JsonLines(r.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["corpus"], dir.File("a.tmx"));
  EXPECT_EQ(rows[1]["corpus"], dir.File("b.tei.xml"));
  EXPECT_EQ(r.err, "2 hits in 2 corpus files\n");
}

TEST(ConcordCliSmall, NoHitsIsNoError) {
  const CommandResult r =
      Tandem({"concord", testing::TestDataDir() + "/tei/small.tei.xml", "Lenin", "-f", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "0 hits in 1 corpus file\n");
}

TEST(ConcordCliSmall, Errors) {
  const std::string corpus = testing::TestDataDir() + "/tei/small.tei.xml";
  // A corpus that does not exist: named, exit 1, before any other corpus is read.
  CommandResult r = Tandem({"concord", corpus, "/nonexistent/x.tei.xml", "Two"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "tandem: error: /nonexistent/x.tei.xml: no such corpus file\n");
  EXPECT_EQ(r.out, "");
  // A regular expression that does not compile: a usage error naming the problem.
  r = Tandem({"concord", corpus, "-e", "Two[ab"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("invalid regular expression \"Two[ab\""));
  EXPECT_THAT(r.err, HasSubstr("a [ without its ]"));
  // No query.
  r = Tandem({"concord", corpus});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("CORPUS... QUERY"));
  r = Tandem({"concord", corpus, "Two", "--side", "left"});
  EXPECT_EQ(r.exit_code, 2);
  // A file that is no corpus.
  r = Tandem({"concord", SamplePath("metadata.json"), "Two"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("metadata.json"));
}

}  // namespace
}  // namespace tandem
