// The catalogue of bad inputs (docs/robustness.md), end to end: the real binary on each kind of
// input people will feed it. Each case checks the message (it names the input and, where there
// is one, the position), the exit code (docs/cli.md), and that no output was corrupted or left
// half-written.
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_util.h"

namespace tandem {
namespace {

using testing::CommandResult;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::ReadFile;
using testing::SamplePath;
using ::testing::StartsWith;
using testing::TempDir;
using testing::WriteFile;

CommandResult Tandem(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), TANDEM_BINARY);
  return testing::Run(args, input);
}

// Runs tandem through the shell, for what Run() cannot set up (resource limits, redirections).
CommandResult TandemShell(const std::string& before, const std::vector<std::string>& args,
                          const std::string& redirect = "") {
  std::string command = before + " exec '" + std::string(TANDEM_BINARY) + "'";
  for (const std::string& arg : args) command += " '" + arg + "'";
  return testing::Run({"/bin/sh", "-c", command + " " + redirect});
}

constexpr const char* kPrevious = "previous content\n";

// Every case aligns into an output that exists already: after a failure it must be untouched,
// and the directory must hold no temporary file.
class Robustness : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_.File("out.tei.xml"), kPrevious);
    WriteFile(dir_.File("good.txt"), "Ez egy mondat.\nEz egy m\xC3\xA1sik.\n");
  }
  CommandResult Align(const std::string& source, const std::string& target,
                      std::vector<std::string> extra = {}) {
    // No dictionaries: loading FreeDict's takes most of the time of these small alignments
    // (and much more under the sanitizers), and none of these cases is about them.
    std::vector<std::string> args = {"align",
                                     "-q",
                                     "-s",
                                     "en",
                                     "-t",
                                     "hu",
                                     "--dictionary=none",
                                     source,
                                     target,
                                     "-o",
                                     dir_.File("out.tei.xml")};
    args.insert(args.end(), extra.begin(), extra.end());
    return Tandem(args);
  }
  // A failure with exit code 1, `message` in the error, the previous output intact.
  void ExpectRefused(const CommandResult& r, const std::string& message) {
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, StartsWith("tandem: error: "));
    EXPECT_THAT(r.err, HasSubstr(message));
    EXPECT_EQ(ReadFile(dir_.File("out.tei.xml")), kPrevious);
    ExpectNoTemporaryFiles();
  }
  void ExpectNoTemporaryFiles() {
    for (const std::string& name : testing::ListDir(dir_.path())) {
      EXPECT_THAT(name, Not(HasSubstr(".tmp"))) << "a temporary file was left behind";
    }
  }
  std::string Source(const std::string& name, const std::string& content) {
    WriteFile(dir_.File(name), content);
    return dir_.File(name);
  }
  TempDir dir_;
};

TEST_F(Robustness, Utf16WithoutByteOrderMarkIsNamed) {
  std::string utf16;
  for (const char c : std::string("Hello world. This is \xE1 test.\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  const std::string path = Source("utf16.txt", utf16);
  ExpectRefused(Align(path, dir_.File("good.txt")),
                path +
                    ": NUL bytes at every other position: the file looks like UTF-16 without "
                    "a byte-order mark; try --encoding UTF-16LE");
  // Following the advice works.
  std::string text;
  for (const char c : std::string("Hello world. This is a test.\n")) text += std::string{c, '\0'};
  Source("utf16.txt", text);
  const CommandResult r = Align(path, dir_.File("good.txt"), {"--source-encoding", "UTF-16LE"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(Robustness, NulByteIsRefusedWithItsPosition) {
  static constexpr char kText[] = "Good line.\nBad\0 line.\n";
  const std::string path = Source("nul.txt", std::string(kText, sizeof kText - 1));
  ExpectRefused(Align(path, dir_.File("good.txt")),
                path + ":2:4: a NUL character (byte 0x00): this is not a text file");
}

TEST_F(Robustness, BinaryFilesAreNamedForWhatTheyAre) {
  static constexpr char kPng[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10";
  const std::string png = Source("picture.png", std::string(kPng, sizeof kPng - 1));
  ExpectRefused(Align(png, dir_.File("good.txt")),
                png + ": not a text file: the file is a PNG image");
  static constexpr char kZip[] = "PK\x03\x04\x14\0\x06\0";
  const std::string zip = Source("letter.docx", std::string(kZip, sizeof kZip - 1));
  ExpectRefused(Align(dir_.File("good.txt"), zip),
                zip + ": not a text file: the file is a ZIP archive (.docx, .odt and .epub");
  const CommandResult segment = Tandem({"segment", "-l", "en", png});
  EXPECT_EQ(segment.exit_code, 1);
  EXPECT_THAT(segment.err, HasSubstr("the file is a PNG image"));
}

TEST_F(Robustness, OnlyWhitespaceIsLikeAnEmptyFile) {
  const std::string path = Source("blank.txt", "  \n\t\n\xC2\xA0\xE2\x80\x83\r\n\n");
  ExpectRefused(Align(path, dir_.File("good.txt")), path + ": the file has no text to align");
  ExpectRefused(Align(dir_.File("good.txt"), path), path + ": the file has no text to align");
}

TEST_F(Robustness, FiftyMegabyteLine) {
  // The segmenter's own tests (InvalidInput.FiftyMegabytesOnOneLine: 2.6 million sentences on
  // one line; InvalidInput.FiftyMegabytesWithoutASpace) show the linear time; this one runs the
  // binary on a line of 50 MB without a space or a sentence end: one sentence, all of it.
  const std::string word = Source("one-word.txt", std::string(50u << 20, 'x'));
  const CommandResult one = Tandem({"segment", "-l", "en", word});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out.size(), (50u << 20) + 1);
}

TEST_F(Robustness, SameFileOnBothSidesAlignsOneToOne) {
  const CommandResult r = Tandem({"align", "-q", "-s", "en", "-t", "en", SamplePath("en.txt"),
                                  SamplePath("en.txt"), "-f", "vecalign"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::size_t count = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(line.substr(0, line.rfind(':')),
              "[" + std::to_string(count) + "]:[" + std::to_string(count) + "]");
    ++count;
  }
  EXPECT_GT(count, 80u);  // the letter has 83 sentences
}

TEST_F(Robustness, WildlyDifferentLengthsStillCoverBothTexts) {
  // One sentence against the whole Hungarian letter (about 400 sentences).
  const std::string one = Source("one.txt", "Dear Comrade Stalin!\n");
  const CommandResult r = Tandem({"align", "-q", "-s", "en", "-t", "hu", "--dictionary=none", one,
                                  SamplePath("hu.txt"), "-o", dir_.File("lengths.tei.xml")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const CommandResult valid = Tandem({"validate", "-q", dir_.File("lengths.tei.xml")});
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
}

TEST_F(Robustness, LanguageThatDoesNotMatchTheOptionIsWarnedAbout) {
  const CommandResult r = Tandem({"align", "-q", "-s", "de", "-t", "hu", SamplePath("en.txt"),
                                  SamplePath("hu.txt"), "-o", dir_.File("mismatch.tei.xml")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("tandem: warning: " + SamplePath("en.txt") +
                               ": the text looks like English (en"));
  EXPECT_THAT(r.err, HasSubstr("not de as --source-lang says"));
  // A matching language gives no warning.
  const CommandResult ok =
      Tandem({"align", "-q", "-s", "en", "-t", "hu", "--dictionary=none", SamplePath("en.txt"),
              SamplePath("hu.txt"), "-o", dir_.File("match.tei.xml")});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_THAT(ok.err, Not(HasSubstr("looks like")));
}

// Malformed, truncated and deeply nested XML in each XML format: an error with line and
// column, exit code 1, no output file.
TEST_F(Robustness, BrokenXmlInEveryXmlFormat) {
  const std::string data = testing::TestDataDir() + "/";
  struct Case {
    std::string name;
    std::string content;
    std::string from;
    std::string message;
  };
  const std::string tei = ReadFile(data + "tei/small.tei.xml");
  const std::string tmx = ReadFile(data + "formats/small.tmx");
  const std::string xces = ReadFile(data + "formats/small.xml");
  const std::string intertext = ReadFile(data + "formats/small.alignment.xml");
  std::string nested_tei = tei;
  const std::string deep = [] {
    std::string open;
    std::string close;
    for (int i = 0; i < 200000; ++i) {
      open += "<hi>";
      close += "</hi>";
    }
    return open + "x" + close;
  }();
  nested_tei.insert(nested_tei.find("</s>"), deep);
  std::string nested_tmx = tmx;
  nested_tmx.insert(nested_tmx.find("</seg>"), deep);
  const std::vector<Case> cases = {
      {"truncated.tei.xml", tei.substr(0, tei.size() / 2), "tei", "truncated.tei.xml:"},
      {"malformed.tei.xml", "<teiCorpus>\n<teiHeader>\n</teiCorpus>\n", "tei",
       "malformed.tei.xml:"},
      {"truncated.tmx", tmx.substr(0, tmx.size() / 2), "tmx", "truncated.tmx:"},
      {"malformed.tmx", "<tmx version=\"1.4\"><body><tu><tuv></tu></body></tmx>", "tmx",
       "malformed.tmx:1:"},
      {"truncated.xces.xml", xces.substr(0, xces.size() / 2), "xces", "truncated.xces.xml:"},
      {"truncated.alignment.xml", intertext.substr(0, intertext.size() / 2), "intertext",
       "truncated.alignment.xml:"},
  };
  // XCES and InterText name their sentence files; give them the real ones.
  for (const char* name : {"small.en.xml", "small.hu.xml", "small.en-00.xml", "small.hu-00.xml"}) {
    WriteFile(dir_.File(name), ReadFile(data + "formats/" + name));
  }
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string in = Source(c.name, c.content);
    const std::string out = dir_.File("converted.jsonl");
    const CommandResult r = Tandem(
        {"convert", "-q", in, out, "--from", c.from, "--to", "jsonl", "-s", "en", "-t", "hu"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr(c.message));
    EXPECT_FALSE(std::filesystem::exists(out));
    ExpectNoTemporaryFiles();
  }
  // Deeply nested markup (200,000 levels of <hi> inside a sentence) is valid XML: it is read
  // without recursion (pugixml parses iteratively, and tandem walks the tree with a loop), so
  // it cannot exhaust the stack; the sentence's text is the nested text.
  for (const auto& [name, content, from] : {std::tuple{"nested.tei.xml", nested_tei, "tei"},
                                            std::tuple{"nested.tmx", nested_tmx, "tmx"}}) {
    SCOPED_TRACE(name);
    const std::string out = dir_.File(std::string(name) + ".jsonl");
    const CommandResult r = Tandem({"convert", "-q", Source(name, content), out, "--from", from,
                                    "--to", "jsonl", "-s", "en", "-t", "hu"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(out));
  }
}

TEST_F(Robustness, FullDiskLeavesThePreviousOutput) {
  // A file size limit makes writes fail as on a full disk (EFBIG instead of ENOSPC).
  const CommandResult r =
      TandemShell("ulimit -f 8; trap '' XFSZ;",
                  {"align", "-q", "-s", "en", "-t", "hu", "--dictionary=none", SamplePath("en.txt"),
                   SamplePath("hu.txt"), "-o", dir_.File("out.tei.xml")});
  ExpectRefused(r, dir_.File("out.tei.xml"));
  // Standard output on a full device.
  const CommandResult full =
      TandemShell("", {"segment", "-l", "en", SamplePath("en.txt")}, "> /dev/full");
  EXPECT_EQ(full.exit_code, 1) << full.err;
  EXPECT_THAT(full.err, HasSubstr("<stdout>: write error"));
}

TEST_F(Robustness, ReadOnlyLocationIsRefused) {
  // /proc refuses new files even to root.
  const CommandResult r =
      Tandem({"align", "-q", "-s", "en", "-t", "hu", "--dictionary=none", SamplePath("en.txt"),
              SamplePath("hu.txt"), "-o", "/proc/tandem-out.tei.xml"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("/proc/tandem-out.tei.xml"));
  if (::geteuid() != 0) {
    const std::string locked = dir_.File("locked");
    std::filesystem::create_directory(locked);
    ::chmod(locked.c_str(), 0555);
    const CommandResult denied =
        Tandem({"align", "-q", "-s", "en", "-t", "hu", SamplePath("en.txt"), SamplePath("hu.txt"),
                "-o", locked + "/out.tei.xml"});
    EXPECT_EQ(denied.exit_code, 1);
    EXPECT_THAT(denied.err, HasSubstr(locked + "/out.tei.xml"));
    ::chmod(locked.c_str(), 0755);
  }
}

TEST_F(Robustness, SpecialFilesAreNotReadForever) {
  // /dev/zero never ends: refused as not a regular file (a pipe or standard input is fine).
  const CommandResult r = Align("/dev/zero", dir_.File("good.txt"));
  ExpectRefused(r, "/dev/zero: not a regular file");
}

TEST_F(Robustness, ARepeatableOptionBeforeTheFilesDoesNotTakeThem) {
  // `--dictionary X` may be repeated, but each flag takes one value: the files after it stay
  // the positional arguments.
  const CommandResult r =
      Tandem({"align", "-q", "-s", "en", "-t", "hu", "--dictionary", "none", dir_.File("good.txt"),
              dir_.File("good.txt"), "-o", dir_.File("out.tei.xml")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(Robustness, InputsNeedingMoreMemoryThanTheLimitAreRefused) {
  const CommandResult r =
      Align(SamplePath("en.txt"), SamplePath("hu.txt"), {"--memory-limit", "10M"});
  ExpectRefused(r, SamplePath("en.txt") + " and " + SamplePath("hu.txt") + ": aligning ");
  EXPECT_THAT(r.err, HasSubstr("more than the limit of 10 MB: split both texts"));
  const CommandResult usage =
      Align(SamplePath("en.txt"), SamplePath("hu.txt"), {"--memory-limit", "lots"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_THAT(usage.err, HasSubstr("--memory-limit lots: not a size"));
  // The default (the machine's memory) lets ordinary texts through.
  EXPECT_EQ(Align(SamplePath("en.txt"), SamplePath("hu.txt")).exit_code, 0);
}

// The same inputs and options give byte-identical outputs, whatever the number of threads, when
// SOURCE_DATE_EPOCH fixes the date in the TEI header.
TEST(Determinism, SameTeiWhateverTheThreads) {
  TempDir dir;
  ASSERT_EQ(::setenv("SOURCE_DATE_EPOCH", "915148800", 1), 0);
  // A small user dictionary, so that the lexical evidence takes part (FreeDict's would do as
  // well, but loading it takes a minute under the sanitizers).
  WriteFile(dir.File("words.tsv"),
            "party\tp\xC3\xA1rt\nletter\tlev\xC3\xA9l\ncomrade\telvt\xC3\xA1rs\n"
            "opposition\tellenz\xC3\xA9k\nrevolution\tforradalom\n");
  std::vector<std::string> outputs;
  for (const char* threads : {"1", "2"}) {
    const std::string out = dir.File(std::string("threads-") + threads + ".tei.xml");
    const CommandResult r =
        Tandem({"align", "-q", "-s", "en", "-t", "hu", "--dictionary", dir.File("words.tsv"),
                SamplePath("en.txt"), SamplePath("hu.txt"), "--threads", threads, "-o", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    outputs.push_back(ReadFile(out));
  }
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_THAT(outputs[0], HasSubstr("1999-01-01T00:00:00Z"));
  for (std::size_t i = 1; i < outputs.size(); ++i) {
    EXPECT_TRUE(outputs[i] == outputs[0]) << "run " << i << " differs from the first";
  }
  // A longer pair (the letter eight times: over a million search cells), so that the
  // coarse-to-fine search and its parallel cost computation run.
  std::string en;
  std::string hu;
  for (int i = 0; i < 8; ++i) {
    en += ReadFile(testing::TestDataDir() + "/reply-to-stalin/en.presegmented.txt") + "\n";
    hu += ReadFile(testing::TestDataDir() + "/reply-to-stalin/hu.presegmented.txt") + "\n";
  }
  WriteFile(dir.File("en.txt"), en);
  WriteFile(dir.File("hu.txt"), hu);
  std::string first;
  for (const char* threads : {"1", "2"}) {
    const CommandResult r =
        Tandem({"align", "-q", "--presegmented", "-s", "en", "-t", "hu", "--dictionary=none",
                dir.File("en.txt"), dir.File("hu.txt"), "--threads", threads, "-f", "jsonl"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (first.empty()) {
      first = r.out;
    } else {
      EXPECT_TRUE(r.out == first) << "--threads " << threads << " differs from --threads 1";
    }
  }
  EXPECT_EQ(Tandem({"align", "--threads", "-1", "-s", "en", "-t", "hu", SamplePath("en.txt"),
                    SamplePath("hu.txt")})
                .exit_code,
            2);
}

}  // namespace
}  // namespace tandem
