// End-to-end tests of the real tandem binary: output, error messages, exit codes, and that a
// failure never leaves a partial output file.
#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace tandem {
namespace {

using testing::CommandResult;
using ::testing::HasSubstr;
using testing::ReadFile;
using testing::SamplePath;
using ::testing::StartsWith;
using testing::TempDir;
using testing::WriteFile;

CommandResult Tandem(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), TANDEM_BINARY);
  return testing::Run(args, input);
}

std::vector<std::string> AlignBundled(const std::string& output) {
  return {"align", "-s",  "en", "-t", "hu", SamplePath("en.txt"), SamplePath("hu.txt"),
          "-o",    output};
}

TEST(Cli, Version) {
  const CommandResult r = Tandem({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "tandem 0.1.0\n");
}

TEST(Cli, HelpOnEveryCommand) {
  for (const char* command : {"segment", "align", "eval", "convert", "validate", "discover",
                              "batch", "stats", "concord", "dictionaries"}) {
    const CommandResult r = Tandem({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_THAT(r.out, HasSubstr("Usage:")) << command;
  }
  EXPECT_EQ(Tandem({"--help"}).exit_code, 0);
}

TEST(Cli, UsageErrorsExitWithTwo) {
  CommandResult r = Tandem({});
  EXPECT_EQ(r.exit_code, 2);
  r = Tandem({"align", "-s", "en", "-t", "hu", "a.txt", "b.txt", "--bogus-flag"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--bogus-flag"));
  r = Tandem({"segment", SamplePath("en.txt")});  // --lang missing
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--lang"));
  r = Tandem({"align", "-s", "en", "-t", "hu", "--max-bead", "99", "a", "b"});
  EXPECT_EQ(r.exit_code, 2);
  r = Tandem({"align", "-s", "en", "-t", "hu", "--format", "docx", "a", "b"});
  EXPECT_EQ(r.exit_code, 2);
  r = Tandem({"segment", "--lang", "xx-nonsense", SamplePath("en.txt")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown language 'xx-nonsense'"));
}

TEST(Cli, SegmentPrintsSentencesAndParagraphs) {
  TempDir dir;
  WriteFile(dir.File("t.txt"), "First one. Second one.\n\nThird.\n");
  const CommandResult r = Tandem({"segment", "--lang", "en", dir.File("t.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "First one.\nSecond one.\n\nThird.\n");
}

TEST(Cli, SegmentReadsStandardInput) {
  const CommandResult r = Tandem({"segment", "-l", "hu", "-"}, "Egy mondat. M\xC3\xA1sik.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Egy mondat.\nM\xC3\xA1sik.\n");
}

TEST(Cli, SegmentBundledLetter) {
  const CommandResult r = Tandem({"segment", "-l", "en", SamplePath("en.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\nReply to Stalin\n"));
  EXPECT_THAT(r.out, HasSubstr("To the Executive Committee of the Communist International!\n"));
}

TEST(Cli, AlignBundledPairWritesTeiAndSummary) {
  TempDir dir;
  const std::string out = dir.File("pair.tei.xml");
  const CommandResult r = Tandem(AlignBundled(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string xml = ReadFile(out);
  EXPECT_THAT(xml, StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teiCorpus"));
  EXPECT_THAT(xml, HasSubstr("<linkGrp type=\"alignment\""));
  EXPECT_THAT(r.err, HasSubstr("sentences:"));
  EXPECT_THAT(r.err, HasSubstr("beads:"));
  EXPECT_THAT(r.err, HasSubstr("aligned:"));
  EXPECT_THAT(r.err, HasSubstr("confidence:"));
  EXPECT_THAT(r.err, HasSubstr("time:"));
  EXPECT_EQ(testing::ListDir(dir.path()), std::vector<std::string>{"pair.tei.xml"});
  testing::KeepForSchemaCheck(out, "tei");
}

TEST(Cli, AlignOtherFormatsToStandardOutput) {
  TempDir dir;
  WriteFile(dir.File("a.txt"), "One sentence here.\nAnother sentence there.\n");
  WriteFile(dir.File("b.txt"), "Egy mondat itt.\nEgy m\xC3\xA1sik mondat ott.\n");
  CommandResult r = Tandem({"align", "-q", "--presegmented", "-s", "en", "-t", "hu", "-f",
                            "vecalign", dir.File("a.txt"), dir.File("b.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("[0]:[0]:"));
  EXPECT_THAT(r.out, HasSubstr("\n[1]:[1]:"));
  EXPECT_EQ(r.err, "");  // -q

  r = Tandem({"align", "-q", "-s", "en", "-t", "hu", "--format", "jsonl", dir.File("a.txt"),
              dir.File("b.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json first = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  EXPECT_EQ(first["type"], "1:1");
  EXPECT_EQ(first["source"][0]["text"], "One sentence here.");
  EXPECT_EQ(first["source"][0]["begin"], 0);
  EXPECT_EQ(first["source"][0]["end"], 18);
}

// Error paths: a clear message naming the input, exit code 1, and the output untouched.
class CliInputErrors : public ::testing::Test {
 protected:
  void SetUp() override { WriteFile(dir_.File("previous.tei.xml"), "previous content"); }
  void ExpectFailure(const std::string& source, const std::string& message) {
    const CommandResult r = Tandem({"align", "-s", "en", "-t", "hu", source, SamplePath("hu.txt"),
                                    "-o", dir_.File("previous.tei.xml")});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, StartsWith("tandem: error: "));
    EXPECT_THAT(r.err, HasSubstr(message));
    EXPECT_EQ(ReadFile(dir_.File("previous.tei.xml")), "previous content");
  }
  TempDir dir_;
};

TEST_F(CliInputErrors, MissingFile) {
  ExpectFailure(dir_.File("missing.txt"), dir_.File("missing.txt") + ": no such file");
}

TEST_F(CliInputErrors, DirectoryInsteadOfFile) {
  ExpectFailure(dir_.path().string(), ": is a directory, not a file");
}

TEST_F(CliInputErrors, InvalidUtf8) {
  WriteFile(dir_.File("bad.txt"),
            "Good line.\nB\xC3\xA1"
            "d\xF5 line.\n");
  ExpectFailure(dir_.File("bad.txt"), "bad.txt:2:4: invalid UTF-8 (byte 0xF5)");
}

TEST_F(CliInputErrors, EmptyFile) {
  WriteFile(dir_.File("empty.txt"), "");
  ExpectFailure(dir_.File("empty.txt"), "empty.txt: the file has no text to align");
}

TEST(Cli, AlignWithDictionariesAndExplain) {
  TempDir dir;
  WriteFile(dir.File("a.txt"), "The answer came.\nA horse ran.\n");
  WriteFile(dir.File("b.txt"), "A v\xC3\xA1lasz meg\xC3\xA9rkezett.\nEgy l\xC3\xB3 futott.\n");
  WriteFile(dir.File("my.tsv"), "answer\tv\xC3\xA1lasz\nhorse\tl\xC3\xB3\n");
  const CommandResult r =
      Tandem({"align", "--presegmented", "-s", "en", "-t", "hu", "-f", "vecalign", "--dictionary",
              dir.File("my.tsv"), "--explain", dir.File("a.txt"), dir.File("b.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("[0]:[0]:"));
  EXPECT_THAT(r.err, HasSubstr("dictionary: my.tsv"));
  EXPECT_THAT(r.err, HasSubstr("answer = v\xC3\xA1lasz (dictionary: my.tsv)"));
  EXPECT_THAT(r.err, HasSubstr("bead 1  1:1  confidence"));
  // Without dictionaries.
  const CommandResult none =
      Tandem({"align", "--presegmented", "-s", "en", "-t", "hu", "-f", "vecalign", "--dictionary",
              "none", dir.File("a.txt"), dir.File("b.txt")});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_THAT(none.err, HasSubstr("dictionary: none"));
}

// tandem dictionaries: installed pairs (from a directory of its own here, so that the test does
// not depend on what the machine has) and the Debian packages that would add a pair.
TEST(Cli, DictionariesListsInstalledPairsAndDebiansPackages) {
  TempDir dir;
  WriteFile(dir.File("freedict-isl-eng.index"), "a\tA\tB\n");
  WriteFile(dir.File("freedict-isl-eng.dict.dz"), "");
  CommandResult r = Tandem({"dictionaries", "--directory", dir.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("  en-is    freedict-isl-eng\n"));
  EXPECT_THAT(r.out, HasSubstr("  de-en    dict-freedict-deu-eng dict-freedict-eng-deu\n"));
  EXPECT_THAT(r.out, HasSubstr("  en-ro    dict-freedict-eng-rom\n"));
  EXPECT_THAT(r.out, HasSubstr("1 pairs installed; 144 more in 202 packages"));

  r = Tandem({"dictionaries", "--directory", dir.path().string(), "-s", "en", "-t", "de"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("en-de: no FreeDict dictionary installed\n"));
  EXPECT_THAT(r.out, HasSubstr("  dict-freedict-eng-deu (English -> German)\n"
                               "  dict-freedict-deu-eng (German -> English)\n"));
  EXPECT_THAT(r.out, HasSubstr("apt-get install dict-freedict-eng-deu dict-freedict-deu-eng\n"));
  r = Tandem({"dictionaries", "--directory", dir.path().string(), "-s", "is", "-t", "en"});
  EXPECT_THAT(r.out, HasSubstr("is-en: installed: freedict-isl-eng\n"));
  r = Tandem({"dictionaries", "-s", "en", "-t", "et"});
  EXPECT_THAT(r.out, HasSubstr("has no FreeDict dictionary for English and Estonian"));
  EXPECT_EQ(Tandem({"dictionaries", "-s", "en"}).exit_code, 2);
  EXPECT_EQ(Tandem({"dictionaries", "-s", "en", "-t", "qqq-nonsense"}).exit_code, 2);
}

// align says, for a pair without dictionary, what would give one (Debian has none for en-et).
TEST(Cli, AlignWithoutDictionarySaysWhatWouldGiveOne) {
  TempDir dir;
  WriteFile(dir.File("a.txt"), "The answer came.\nA horse ran.\n");
  WriteFile(dir.File("b.txt"), "Vastus tuli.\nHobune jooksis.\n");
  CommandResult r = Tandem({"align", "--presegmented", "-s", "en", "-t", "et", "-f", "vecalign",
                            dir.File("a.txt"), dir.File("b.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("dictionary: none (Debian has no FreeDict dictionary for en-et; "
                               "--dictionary FILE takes one of your own)"));
  r = Tandem({"align", "--presegmented", "-s", "en", "-t", "et", "-f", "vecalign", "--dictionary",
              "none", dir.File("a.txt"), dir.File("b.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("dictionary: none\n"));
}

TEST(Cli, AlignDictionaryErrors) {
  TempDir dir;
  WriteFile(dir.File("a.txt"), "One.\n");
  WriteFile(dir.File("b.txt"), "Egy.\n");
  WriteFile(dir.File("bad.dic"), "v\xC3\xA1lasz @ answer\nbroken line\n");
  CommandResult r = Tandem({"align", "-s", "en", "-t", "hu", "--dictionary", dir.File("bad.dic"),
                            dir.File("a.txt"), dir.File("b.txt")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.dic:2: expected 'target @ source'"));
  r = Tandem({"align", "-s", "en", "-t", "hu", "--dictionary", dir.File("missing.tsv"),
              dir.File("a.txt"), dir.File("b.txt")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("missing.tsv"));
  r = Tandem({"align", "-s", "en", "-t", "hu", "--dictionary", "none", "--dictionary", "auto",
              dir.File("a.txt"), dir.File("b.txt")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--dictionary none"));
}

TEST(Cli, UnwritableOutputFailsCleanly) {
  TempDir dir;
  WriteFile(dir.File("a-file"), "x");
  // The output's directory does not exist / is a file.
  for (const std::string& output :
       {dir.File("no-such-dir/out.tei.xml"), dir.File("a-file/out.tei.xml")}) {
    const CommandResult r = Tandem(AlignBundled(output));
    EXPECT_EQ(r.exit_code, 1) << output;
    EXPECT_THAT(r.err, HasSubstr(output));
  }
  EXPECT_EQ(testing::ListDir(dir.path()), std::vector<std::string>{"a-file"});
  // The output is a directory.
  const CommandResult r = Tandem(AlignBundled(dir.path().string()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("is a directory"));
}

TEST(Cli, EvalPrintsHandComputedScores) {
  TempDir dir;
  WriteFile(dir.File("gold"), "[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3]\n");
  WriteFile(dir.File("hyp"), "[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n[3]:[3, 4]\n");
  const CommandResult r = Tandem({"eval", "-g", dir.File("gold"), "--hyp", dir.File("hyp")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "              Strict     Lax\n"
            "Precision     0.400    0.800\n"
            "Recall        0.333    1.000\n"
            "F1            0.364    0.889\n"
            "links: hypothesis 5 (strict hits 2, lax hits 4); two-sided gold 3 (strict hits 1, lax "
            "hits 3); documents 1\n"
            "unaligned sentences: P/R/F1 0.500/1.000/0.667 (hypothesis 2, gold 1, both 1)\n"
            "shapes: gold 1:1 2, 0:1 1, 2:1 1; hypothesis 1:1 2, 0:1 1, 1:0 1, 1:2 1\n");

  const CommandResult json =
      Tandem({"eval", "--json", "-g", dir.File("gold"), "--hyp", dir.File("hyp")});
  EXPECT_EQ(json.exit_code, 0);
  const nlohmann::json parsed = nlohmann::json::parse(json.out);
  EXPECT_EQ(parsed["counts"]["p_lax"], 4);
  EXPECT_DOUBLE_EQ(parsed["scores"]["precision_strict"].get<double>(), 0.4);
  // Target sentence 2 is unaligned in both; source 2 only in the hypothesis.
  EXPECT_EQ(parsed["unaligned"], nlohmann::json({{"hits", 1}, {"hypothesis", 2}, {"gold", 1}}));
  EXPECT_DOUBLE_EQ(parsed["scores"]["recall_unaligned"].get<double>(), 1.0);
  EXPECT_EQ(parsed["shapes"]["hypothesis"]["1:2"], 1);
}

TEST(Cli, EvalErrors) {
  TempDir dir;
  WriteFile(dir.File("gold"), "[0]:[0]\n");
  WriteFile(dir.File("broken"), "[0]:[0]\n[1]-[1]\n");
  CommandResult r =
      Tandem({"eval", "-g", dir.File("gold"), dir.File("gold"), "--hyp", dir.File("gold")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("2 gold files but 1 hypothesis files"));
  r = Tandem({"eval", "-g", dir.File("gold"), "--hyp", dir.File("broken")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("broken:2:4: expected ':'"));
}

// tandem eval gives the same figures as the reference scorer on the Text+Berg test set,
// aligned by tandem itself.
TEST(Cli, EvalAgreesWithTheReferenceScorer) {
  TANDEM_SKIP_WITHOUT_SHARED();
  const std::string python = TANDEM_PYTHON3;
  ASSERT_FALSE(python.empty()) << "python3 is needed for the shared tools/align_score.py";
  const std::string gold_dir = testing::SharedPath("data/align-gold/textberg-de-fr/");
  TempDir dir;
  std::vector<std::string> golds;
  std::vector<std::string> hyps;
  for (int k = 0; k <= 6; ++k) {
    const std::string name = "test" + std::to_string(k);
    const CommandResult r =
        Tandem({"align", "-q", "--presegmented", "-s", "de", "-t", "fr", "-f", "vecalign",
                gold_dir + name + ".de", gold_dir + name + ".fr", "-o", dir.File(name + ".va")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    golds.push_back(gold_dir + name + ".defr");
    hyps.push_back(dir.File(name + ".va"));
  }
  std::vector<std::string> ours = {"eval", "--json", "-g"};
  ours.insert(ours.end(), golds.begin(), golds.end());
  ours.push_back("--hyp");
  ours.insert(ours.end(), hyps.begin(), hyps.end());
  const CommandResult tandem = Tandem(ours);
  ASSERT_EQ(tandem.exit_code, 0) << tandem.err;

  std::vector<std::string> reference = {python, testing::SharedPath("tools/align_score.py"),
                                        "--json", "-g"};
  reference.insert(reference.end(), golds.begin(), golds.end());
  reference.push_back("-t");
  reference.insert(reference.end(), hyps.begin(), hyps.end());
  const CommandResult scorer = testing::Run(reference);
  ASSERT_EQ(scorer.exit_code, 0) << scorer.err;

  const nlohmann::json a = nlohmann::json::parse(tandem.out);
  const nlohmann::json b = nlohmann::json::parse(scorer.out);
  EXPECT_EQ(a["counts"], b["counts"]);
  for (const char* key : {"precision_strict", "recall_strict", "f1_strict", "precision_lax",
                          "recall_lax", "f1_lax"}) {
    EXPECT_NEAR(a["scores"][key].get<double>(), b["scores"][key].get<double>(), 1e-12) << key;
  }
}

// --- TEI and the exchange formats -------------------------------------------------------------

// Paths in a corpus are relative to the corpus file, wherever tandem is started: a corpus saved
// from another directory (align --keep in place, convert or -o elsewhere, TMX and back) still
// points at its source files, and validates without warnings.
TEST(Cli, CorporaKeepPointingAtTheirSourcesWhateverDirectoryTandemRunsIn) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "texts" / "letter");
  std::filesystem::create_directories(dir.path() / "out");
  std::filesystem::create_directories(dir.path() / "elsewhere" / "deep");
  WriteFile(dir.File("texts/letter/en.txt"), ReadFile(SamplePath("en.txt")));
  WriteFile(dir.File("texts/letter/hu.txt"), ReadFile(SamplePath("hu.txt")));
  auto run = [](const std::string& cwd, std::vector<std::string> args) {
    args.insert(args.begin(), TANDEM_BINARY);
    return testing::Run(args, "", cwd);
  };
  // The pointers and idno paths of a corpus, in order.
  auto paths = [](const std::string& file) {
    const std::string xml = ReadFile(file);
    std::vector<std::string> found;
    for (const std::string open : {"<idno type=\"path\">", "<ptr target=\""}) {
      for (std::size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
        const std::size_t begin = at + open.size();
        found.push_back(xml.substr(begin, xml.find_first_of("<\"", begin) - begin));
      }
    }
    return found;
  };
  auto expect_clean = [&](const std::string& cwd, const std::string& corpus) {
    const CommandResult v = run(cwd, {"validate", corpus});
    EXPECT_EQ(v.exit_code, 0) << v.err;
    EXPECT_THAT(v.err, HasSubstr("(0 errors, 0 warnings;")) << cwd << ": " << corpus << v.err;
  };
  const std::vector<std::string> from_out = {"../texts/letter/en.txt", "../texts/letter/hu.txt",
                                             "../texts/letter/en.txt", "../texts/letter/hu.txt"};

  CommandResult r = run(dir.path(), {"align", "-q", "-s", "en", "-t", "hu", "texts/letter/en.txt",
                                     "texts/letter/hu.txt", "-o", "out/pair.tei.xml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(paths(dir.File("out/pair.tei.xml")), from_out);
  expect_clean(dir.path(), "out/pair.tei.xml");

  // In place, from the corpus's directory and from below another one.
  r = run(dir.File("out"), {"align", "-q", "--keep", "pair.tei.xml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(paths(dir.File("out/pair.tei.xml")), from_out);
  expect_clean(dir.File("out"), "pair.tei.xml");
  r = run(dir.File("elsewhere/deep"), {"align", "-q", "--keep", "../../out/pair.tei.xml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(paths(dir.File("out/pair.tei.xml")), from_out);
  expect_clean(dir.File("elsewhere"), "../out/pair.tei.xml");

  // To another directory: the paths are rebased.
  r = run(dir.File("elsewhere"),
          {"convert", "-q", "../out/pair.tei.xml", "deep/copy.tei.xml", "--to", "tei"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> from_deep = {
      "../../texts/letter/en.txt", "../../texts/letter/hu.txt", "../../texts/letter/en.txt",
      "../../texts/letter/hu.txt"};
  EXPECT_EQ(paths(dir.File("elsewhere/deep/copy.tei.xml")), from_deep);
  expect_clean(dir.path(), "elsewhere/deep/copy.tei.xml");
  r = run(dir.File("out"),
          {"align", "-q", "--keep", "pair.tei.xml", "-o", "../elsewhere/deep/kept.tei.xml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(paths(dir.File("elsewhere/deep/kept.tei.xml")), from_deep);
  expect_clean(dir.File("texts"), "../elsewhere/deep/kept.tei.xml");

  // Through TMX, from a third directory.
  r = run(dir.File("texts"),
          {"convert", "-q", "../out/pair.tei.xml", "../elsewhere/p.tmx", "--to", "tmx"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(ReadFile(dir.File("elsewhere/p.tmx")),
              HasSubstr("<prop type=\"x-tandem-source-name\">../texts/letter/en.txt</prop>"));
  r = run(dir.File("out"),
          {"convert", "-q", "../elsewhere/p.tmx", "from-tmx.tei.xml", "--to", "tei"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(paths(dir.File("out/from-tmx.tei.xml")), from_out);
  expect_clean(dir.path(), "out/from-tmx.tei.xml");
}

TEST(Cli, AlignWithMetadataThenValidateAndConvertToEveryFormat) {
  TempDir dir;
  const std::string tei = dir.File("pair.tei.xml");
  std::vector<std::string> align = AlignBundled(tei);
  align.insert(align.end(), {"--metadata", SamplePath("metadata.json"), "--target-title",
                             "Trockij levele", "-q"});
  CommandResult r = Tandem(align);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string xml = ReadFile(tei);
  EXPECT_THAT(xml, HasSubstr("<title>Reply to Stalin (English and Hungarian): sentence "
                             "alignment</title>"));
  EXPECT_THAT(xml, HasSubstr("<author>L. D. Trotsky</author>"));
  EXPECT_THAT(xml, HasSubstr("<date when=\"1928-12-16\">16 December 1928</date>"));
  EXPECT_THAT(xml, HasSubstr("<title>Trockij levele</title>"));
  testing::KeepForSchemaCheck(tei, "tei");

  r = Tandem({"validate", tei});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("pair.tei.xml: valid (0 errors, 0 warnings; "));
  r = Tandem({"validate", "--schema", tei});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("pair.tei.xml: valid against tandem-tei.rng; checks beyond the "
                               "schema: valid (0 errors, 0 warnings; "));

  const std::vector<std::pair<std::string, std::string>> exports = {
      {"tmx", "p.tmx"},         {"xces", "p.xces.xml"},     {"intertext", "p.alignment.xml"},
      {"jsonl", "p.jsonl"},     {"moses", "p.en-hu"},       {"tsv", "p.tsv"},
      {"hunalign", "p.ladder"}, {"hunalign-text", "p.txt"}, {"vecalign", "p.va"},
      {"lfaligner", "p.lf"},    {"tei", "p.split.tei.xml"}};
  for (const auto& [format, name] : exports) {
    std::vector<std::string> args = {"convert", tei, dir.File(name), "--to", format, "-q"};
    if (format == "tei") args.insert(args.end(), {"--layout", "split"});
    r = Tandem(args);
    EXPECT_EQ(r.exit_code, 0) << format << ": " << r.err;
  }
  testing::KeepForSchemaCheck(dir.File("p.tmx"), "tmx");
  for (const char* name : {"p.split.tei.xml", "p.split.en.tei.xml", "p.split.hu.tei.xml"}) {
    testing::KeepForSchemaCheck(dir.File(name), "tei");
  }
  EXPECT_TRUE(std::filesystem::exists(dir.File("p.en-hu.en")));
  EXPECT_TRUE(std::filesystem::exists(dir.File("p.hu-00.xml")));
  EXPECT_TRUE(std::filesystem::exists(dir.File("p.en.xml")));
  r = Tandem({"validate", dir.File("p.split.tei.xml")});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;

  // And back: every format that carries the alignment converts to TEI again.
  for (const auto& [format, name] : exports) {
    std::vector<std::string> args = {"convert", dir.File(name), dir.File("back.tei.xml"),
                                     "--to",    "tei",          "-q"};
    if (format == "moses" || format == "hunalign-text" || format == "lfaligner") {
      args.insert(args.end(), {"--from", format, "-s", "en", "-t", "hu"});
    }
    if (format == "hunalign" || format == "vecalign") continue;  // need the texts; see below
    r = Tandem(args);
    EXPECT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_EQ(Tandem({"validate", "-q", dir.File("back.tei.xml")}).exit_code, 0) << format;
  }
}

TEST(Cli, ConvertALadderWithTheTextsItWasMadeFrom) {
  TempDir dir;
  WriteFile(dir.File("a.txt"), "One.\nTwo.\nThree.\n");
  WriteFile(dir.File("b.txt"), "Egy.\nKettő.\n");
  WriteFile(dir.File("l.ladder"), "0\t0\t0.9\n1\t1\t0.4\n3\t2\t0\n");
  CommandResult r = Tandem({"convert", dir.File("l.ladder"), dir.File("x.jsonl"), "--to", "jsonl",
                            "--source-text", dir.File("a.txt"), "--target-text", dir.File("b.txt"),
                            "-s", "en", "-t", "hu", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(ReadFile(dir.File("x.jsonl")), HasSubstr("\"confidence\":0.4"));
  EXPECT_THAT(ReadFile(dir.File("x.jsonl")), HasSubstr("\"type\":\"2:1\""));
  r = Tandem({"convert", dir.File("l.ladder"), dir.File("y.jsonl"), "--to", "jsonl"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("give the two texts it was made from"));
}

TEST(Cli, ConvertFiltersAndUsageErrors) {
  TempDir dir;
  const std::string tei = dir.File("pair.tei.xml");
  ASSERT_EQ(Tandem(AlignBundled(tei)).exit_code, 0);
  CommandResult r = Tandem({"convert", tei, dir.File("all.tsv"), "--to", "tsv", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Tandem(
      {"convert", tei, dir.File("sure.tsv"), "--to", "tsv", "-q", "--min-confidence", "0.99"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(ReadFile(dir.File("sure.tsv")).size(), ReadFile(dir.File("all.tsv")).size());
  r = Tandem({"convert", tei, dir.File("none.tsv"), "--to", "tsv", "-q", "--status", "confirmed"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir.File("none.tsv")), "");  // nobody reviewed anything yet

  r = Tandem({"convert", tei, dir.File("x.tei.xml"), "--to", "tei", "--min-confidence", "0.5"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("holds the whole alignment"));
  EXPECT_EQ(Tandem({"convert", tei, dir.File("x"), "--to", "docx"}).exit_code, 2);
  EXPECT_EQ(Tandem({"convert", tei, dir.File("x")}).exit_code, 2);  // --to is required
  EXPECT_EQ(Tandem({"convert", tei, dir.File("x"), "--to", "tsv", "--status", "maybe"}).exit_code,
            2);
  EXPECT_EQ(
      Tandem({"convert", tei, dir.File("x"), "--to", "tsv", "--min-confidence", "2"}).exit_code, 2);
  r = Tandem({"convert", tei, "-", "--to", "xces"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("several files"));
  // Standard output for one-file formats.
  r = Tandem({"convert", tei, "-", "--to", "vecalign", "-q"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, StartsWith("["));
}

TEST(Cli, ConvertFailuresLeaveNoPartialFiles) {
  TempDir dir;
  const std::string tei = dir.File("pair.tei.xml");
  ASSERT_EQ(Tandem(AlignBundled(tei)).exit_code, 0);
  WriteFile(dir.File("a-file"), "x");
  for (const char* format : {"tei", "tmx", "xces", "intertext", "moses", "jsonl"}) {
    const CommandResult r =
        Tandem({"convert", tei, dir.File("a-file/out.xml"), "--to", format, "-q"});
    EXPECT_EQ(r.exit_code, 1) << format;
    EXPECT_THAT(r.err, HasSubstr("a-file/out"));
  }
  // A damaged input, cut after a tag some way in: an error with line and column, nothing
  // written.
  const std::string whole = ReadFile(tei);
  WriteFile(dir.File("bad.tei.xml"), whole.substr(0, whole.find('>', 5000) + 1));
  const CommandResult r =
      Tandem({"convert", dir.File("bad.tei.xml"), dir.File("o.tmx"), "--to", "tmx"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.tei.xml:"));
  EXPECT_THAT(r.err, HasSubstr("unexpected end of file"));
  EXPECT_EQ(testing::ListDir(dir.path()),
            (std::vector<std::string>{"a-file", "bad.tei.xml", "pair.tei.xml"}));
}

TEST(Cli, ValidateReportsProblemsWithLinesAndExitsWithOne) {
  TempDir dir;
  WriteFile(dir.File("bad.tei.xml"),
            "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/>\n"
            "<standOff><linkGrp type=\"alignment\" domains=\"#en #hu\">\n"
            "<link target=\"#a1 #b1\"/>\n<link target=\"#a1 #b9\"/>\n</linkGrp></standOff>\n"
            "<TEI xml:id=\"en\"><text><body><p><s xml:id=\"a1\">A.</s></p></body></text></TEI>\n"
            "<TEI xml:id=\"hu\"><text><body><p><s xml:id=\"b1\">B.</s></p></body></text></TEI>\n"
            "</teiCorpus>\n");
  const CommandResult r = Tandem({"validate", dir.File("bad.tei.xml")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("bad.tei.xml:4:1: error: '#a1' is already in the link at line 3"));
  EXPECT_THAT(r.out, HasSubstr("bad.tei.xml:4:1: error: '#b9' points to no element"));
  EXPECT_THAT(r.err, HasSubstr("INVALID (2 errors"));
  EXPECT_EQ(Tandem({"validate", dir.File("missing.xml")}).exit_code, 1);
  EXPECT_EQ(Tandem({"validate"}).exit_code, 2);
  // Against tandem's schema: this corpus is not what tandem writes (no header, ids of its own).
  const CommandResult schema =
      Tandem({"validate", "--schema", "--schema-only", dir.File("bad.tei.xml")});
  EXPECT_EQ(schema.exit_code, 1);
  EXPECT_THAT(schema.out, HasSubstr("bad.tei.xml:1: error: "));
  EXPECT_THAT(schema.err, HasSubstr("bad.tei.xml: INVALID against tandem-tei.rng"));
  EXPECT_EQ(Tandem({"validate", "--schema-only", dir.File("bad.tei.xml")}).exit_code, 2);
  EXPECT_EQ(Tandem({"validate", "--schema-file", dir.File("none.rng"), dir.File("bad.tei.xml")})
                .exit_code,
            1);
}

TEST(Cli, AlignTeiInputsKeepsTheirSentencesAndIds) {
  TempDir dir;
  WriteFile(dir.File("a.xml"),
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body>"
            "<p><s xml:id=\"x1\">One sentence, made of words.</s> <s xml:id=\"x2\">Two "
            "sentences here.</s></p></body></text></TEI>");
  WriteFile(dir.File("b.xml"),
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body>"
            "<p><s xml:id=\"y1\">Egy mondat, szavakból.</s> <s xml:id=\"y2\">Két mondat "
            "itt.</s></p></body></text></TEI>");
  const CommandResult r = Tandem({"align", "-q", "-s", "en", "-t", "hu", dir.File("a.xml"),
                                  dir.File("b.xml"), "-o", dir.File("ab.tei.xml")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string xml = ReadFile(dir.File("ab.tei.xml"));
  EXPECT_THAT(xml, HasSubstr("target=\"#x1 #y1\""));
  EXPECT_THAT(xml, HasSubstr("target=\"#x2 #y2\""));
  testing::KeepForSchemaCheck(dir.File("ab.tei.xml"), "tei");
  EXPECT_EQ(Tandem({"validate", "-q", dir.File("ab.tei.xml")}).exit_code, 0);
}

TEST(Cli, CharactersXmlCannotHoldAreReplacedWithAWarning) {
  TempDir dir;
  WriteFile(dir.File("a.txt"), "First one\x01 here.\n");
  WriteFile(dir.File("b.txt"), "Az első itt.\n");
  const CommandResult r = Tandem({"align", "-q", "-s", "en", "-t", "hu", dir.File("a.txt"),
                                  dir.File("b.txt"), "-o", dir.File("ab.tei.xml")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("tandem: warning: " + dir.File("a.txt") +
                               ":1:10: character U+0001 cannot be written in XML; written as "
                               "U+FFFD"));
  EXPECT_THAT(ReadFile(dir.File("ab.tei.xml")), HasSubstr("First one\xEF\xBF\xBD here."));
  testing::KeepForSchemaCheck(dir.File("ab.tei.xml"), "tei");
}

}  // namespace
}  // namespace tandem
