// The catalogue of bad inputs (docs/robustness.md), end to end: the real binary on each kind of
// input people will feed it. Each case checks the message (it names the input and, where there
// is one, the position), the exit code (docs/cli.md), and that no output was corrupted or left
// half-written.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
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
                    "a byte-order mark; try --source-encoding UTF-16LE");
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

// An output that is one of the inputs would destroy the input: `align -o a.hu` replaced the
// Hungarian text with TEI, `convert c.tei.xml c.tei.xml --to tmx` the corpus with a lossy TMX,
// both with exit code 0. Every command that writes refuses it before any work (exit 2), however
// the file is named: the same name, another spelling of the path, a symbolic link, a hard link.
TEST_F(Robustness, AnOutputThatIsAnInputIsRefused) {
  const std::string data = testing::TestDataDir() + "/";
  const std::string en = Source("a.en", ReadFile(SamplePath("en.txt")));
  const std::string hu = Source("a.hu", ReadFile(SamplePath("hu.txt")));
  const std::string corpus = Source("c.tei.xml", ReadFile(data + "tei/small.tei.xml"));
  const std::string words = Source("words.tsv", "party\tp\xC3\xA1rt\n");
  const std::string abbreviations = Source("abbr.txt", "Sec.\n");
  const std::string metadata = Source("meta.json", "{\"title\": \"A pair\"}\n");
  std::filesystem::create_symlink("a.hu", dir_.File("link.hu"));
  std::filesystem::create_hard_link(hu, dir_.File("hard.hu"));
  std::filesystem::create_symlink("c.tei.xml", dir_.File("link.tei.xml"));
  std::map<std::string, std::string> before;
  for (const std::string& file : {en, hu, corpus, words, abbreviations, metadata}) {
    before[file] = ReadFile(file);
  }
  const std::string dot_hu = (dir_.path() / "." / "a.hu").string();
  const std::string dot_corpus = (dir_.path() / "." / "c.tei.xml").string();
  const std::vector<std::vector<std::string>> commands = {
      {"segment", "-l", "hu", hu, "-o", hu},
      {"segment", "-l", "hu", hu, "-o", dot_hu},
      {"segment", "-l", "hu", hu, "-o", dir_.File("link.hu")},
      {"segment", "-l", "hu", dir_.File("link.hu"), "-o", dir_.File("hard.hu")},
      {"segment", "-l", "en", en, "--abbreviations", abbreviations, "-o", abbreviations},
      {"align", "-q", "-s", "en", "-t", "hu", "--dictionary=none", en, hu, "-o", hu},
      {"align", "-q", "-s", "en", "-t", "hu", "--dictionary=none", en, hu, "-o",
       dir_.File("hard.hu")},
      {"align", "-q", "-s", "en", "-t", "hu", "--dictionary=none", en, hu, "-o",
       dir_.File("link.hu"), "-f", "tmx"},
      {"align", "-q", "-s", "en", "-t", "hu", en, hu, "--dictionary", words, "-o", words},
      {"align", "-q", "-s", "en", "-t", "hu", "--dictionary=none", en, hu, "--metadata", metadata,
       "-o", metadata},
      {"align", "-q", "-s", "en", "-t", "hu", en, hu, "--target-abbreviations", abbreviations, "-o",
       abbreviations},
      {"align", "-q", "--keep", corpus, "-o", dot_corpus, "-f", "tmx"},
      {"convert", "-q", corpus, corpus, "--to", "tmx"},
      {"convert", "-q", corpus, dot_corpus, "--to", "tei"},
      {"convert", "-q", dir_.File("link.tei.xml"), corpus, "--to", "jsonl"},
      {"convert", "-q", corpus, metadata, "--to", "tmx", "--metadata", metadata},
      {"report", corpus, "-o", dir_.File("link.tei.xml")},
      {"stats", corpus, "-o", corpus},
      {"stats", dir_.path().string(), "-o", dot_corpus},
      {"discover", "-q", "--dictionary=none", en, hu, "-o", dir_.File("hard.hu")},
      {"discover", "-q", "--dictionary=none", en, hu, "--json", en},
  };
  for (const std::vector<std::string>& command : commands) {
    std::string line;
    for (const std::string& arg : command) line += arg + " ";
    SCOPED_TRACE(line);
    const CommandResult r = Tandem(command);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_THAT(r.err, StartsWith("tandem: error: "));
    EXPECT_THAT(r.err, HasSubstr("tandem never writes over its inputs"));
    for (const auto& [file, content] : before) {
      EXPECT_TRUE(ReadFile(file) == content) << file << " was changed";
    }
    EXPECT_TRUE(std::filesystem::is_symlink(dir_.File("link.hu")));
  }
  // The message names both when the names differ.
  const CommandResult named = Tandem({"segment", "-l", "hu", hu, "-o", dir_.File("link.hu")});
  EXPECT_THAT(named.err, HasSubstr(dir_.File("link.hu") +
                                   ": the output is the same file as the "
                                   "input " +
                                   hu));

  // Files whose names the format derives: a Moses pair converted onto itself (PREFIX.en and
  // PREFIX.hu are read and would be written), and a stats histogram that is a corpus.
  Source("p.en-hu.en", ReadFile(data + "formats/small.en-hu.en"));
  Source("p.en-hu.hu", ReadFile(data + "formats/small.en-hu.hu"));
  const std::string moses_before = ReadFile(dir_.File("p.en-hu.hu"));
  const CommandResult moses = Tandem({"convert", "-q", dir_.File("p.en-hu"), dir_.File("p.en-hu"),
                                      "--from", "moses", "--to", "moses"});
  EXPECT_EQ(moses.exit_code, 2) << moses.err;
  EXPECT_THAT(moses.err, HasSubstr("p.en-hu.en: the output is also an input"));
  EXPECT_EQ(ReadFile(dir_.File("p.en-hu.hu")), moses_before);
  std::filesystem::create_directory(dir_.File("svg"));
  std::filesystem::create_hard_link(corpus, dir_.File("svg/corpus1-confidence.svg"));
  const CommandResult svg = Tandem({"stats", corpus, "--svg", dir_.File("svg")});
  EXPECT_EQ(svg.exit_code, 2) << svg.err;
  EXPECT_EQ(ReadFile(corpus), before[corpus]);

  // A batch: its summary onto the manifest, and a pair whose output is another pair's input.
  std::filesystem::create_directory(dir_.File("out"));
  const std::string manifest = Source(
      "pairs.tsv", "id\tsource\ttarget\tsource_lang\ttarget_lang\none\t" + en + "\t" + hu +
                       "\ten\thu\ntwo\t" + dir_.File("out/one.tei.xml") + "\t" + hu + "\ten\thu\n");
  Source("out/one.tei.xml", before[corpus]);
  const std::string manifest_before = ReadFile(manifest);
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{"--summary", dir_.File("link.hu")}, std::vector<std::string>{}}) {
    std::vector<std::string> args = {"batch",  "-q", "--dictionary=none",
                                     manifest, "-o", dir_.File("out")};
    args.insert(args.end(), extra.begin(), extra.end());
    const CommandResult batch = Tandem(args);
    EXPECT_EQ(batch.exit_code, 2) << batch.err;
    EXPECT_THAT(batch.err, HasSubstr("tandem never writes over its inputs"));
    EXPECT_EQ(ReadFile(manifest), manifest_before);
    EXPECT_EQ(ReadFile(dir_.File("out/one.tei.xml")), before[corpus]);
    EXPECT_EQ(ReadFile(hu), before[hu]);
  }

  // The corpus of `align --keep` named again with -o (by any name) and written as TEI is the
  // rewriting in place that --keep does anyway, with its backup.
  const CommandResult keep =
      Tandem({"align", "-q", "--keep", corpus, "-o", dir_.File("link.tei.xml")});
  EXPECT_EQ(keep.exit_code, 0) << keep.err;
  EXPECT_TRUE(std::filesystem::exists(corpus + ".bak"));
  EXPECT_TRUE(std::filesystem::is_symlink(dir_.File("link.tei.xml")));
}

// A rewritten file keeps its permissions (a private 0600 corpus was 0644 after `align --keep`,
// an 0640 output 0644 after `-o`), and an output given as a symbolic link is written through the
// link, not replaced by a regular file.
TEST_F(Robustness, ARewrittenFileKeepsItsModeAndLinks) {
  const std::string output = dir_.File("out.tei.xml");
  ASSERT_EQ(::chmod(output.c_str(), 0640), 0);
  ASSERT_EQ(Align(dir_.File("good.txt"), dir_.File("good.txt")).exit_code, 0);
  struct stat info {};
  ASSERT_EQ(::stat(output.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0640u);

  const std::string corpus = Source("private.tei.xml", ReadFile(output));
  ASSERT_EQ(::chmod(corpus.c_str(), 0600), 0);
  const CommandResult keep = Tandem({"align", "-q", "--keep", corpus});
  ASSERT_EQ(keep.exit_code, 0) << keep.err;
  for (const std::string& file : {corpus, corpus + ".bak"}) {
    ASSERT_EQ(::stat(file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, 0600u) << file;
  }

  std::filesystem::create_directory(dir_.File("real"));
  const std::string real = Source("real/linked.tei.xml", kPrevious);
  ASSERT_EQ(::chmod(real.c_str(), 0600), 0);
  std::filesystem::create_symlink("real/linked.tei.xml", dir_.File("link.tei.xml"));
  const CommandResult linked =
      Tandem({"align", "-q", "-s", "en", "-t", "hu", "--dictionary=none", dir_.File("good.txt"),
              dir_.File("good.txt"), "-o", dir_.File("link.tei.xml")});
  ASSERT_EQ(linked.exit_code, 0) << linked.err;
  EXPECT_TRUE(std::filesystem::is_symlink(dir_.File("link.tei.xml")));
  EXPECT_THAT(ReadFile(real), HasSubstr("<teiCorpus"));
  ASSERT_EQ(::stat(real.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0600u);
  // The same through `align --keep` on the link: the corpus behind it is rewritten, its backup
  // holds the version before (not a second link to the new one).
  const std::string linked_before = ReadFile(real);
  ASSERT_EQ(
      Tandem({"align", "-q", "--keep", dir_.File("link.tei.xml"), "--max-bead", "2"}).exit_code, 0);
  EXPECT_TRUE(std::filesystem::is_symlink(dir_.File("link.tei.xml")));
  EXPECT_FALSE(std::filesystem::is_symlink(dir_.File("link.tei.xml.bak")));
  EXPECT_EQ(ReadFile(dir_.File("link.tei.xml.bak")), linked_before);
  EXPECT_NE(ReadFile(real), linked_before);
  ExpectNoTemporaryFiles();
}

// Every output is checked before the inputs are read: an output directory that is missing (or
// unwritable, or a file) used to be reported after all the work (25 s for 30,000 sentences).
// The inputs here are bad too; the output's error comes first, so nothing was read.
TEST_F(Robustness, AnOutputThatCannotBeMadeIsFoundBeforeTheInputsAreRead) {
  const std::string bad = Source("bad.txt", "Good.\nBad \xF5 byte.\n");
  const std::string corpus = Source("c.tei.xml", "<teiCorpus>broken");
  const std::string file = Source("plain-file", "x");
  const std::string nowhere = dir_.File("missing/out");
  const std::vector<std::pair<std::vector<std::string>, std::string>> commands = {
      {{"segment", "-l", "en", bad, "-o", nowhere}, "does not exist"},
      {{"align", "-q", "-s", "en", "-t", "hu", bad, bad, "-o", nowhere}, "does not exist"},
      {{"align", "-q", "-s", "en", "-t", "hu", bad, bad, "-o", file + "/out"},
       "is not a directory"},
      {{"align", "-q", "--keep", corpus, "-o", nowhere}, "does not exist"},
      {{"convert", "-q", corpus, nowhere, "--to", "tmx"}, "does not exist"},
      {{"report", corpus, "-o", nowhere}, "does not exist"},
      {{"stats", corpus, "-o", nowhere}, "does not exist"},
      {{"stats", corpus, "--svg", file + "/svg"}, "is not a directory"},
      {{"discover", "-q", bad, bad, "-o", nowhere}, "does not exist"},
      {{"discover", "-q", bad, bad, "--json", nowhere}, "does not exist"},
      {{"batch", "-q",
        Source("pairs.tsv",
               "source\ttarget\tsource_lang\ttarget_lang\n" + bad + "\t" + bad + "\ten\thu\n"),
        "-o", file + "/out"},
       "is not a directory"},
      {{"batch", "-q", dir_.File("pairs.tsv"), "-o", dir_.File("out"), "--summary", nowhere},
       "does not exist"},
      // The review editor saves every edit beside the corpus: /proc takes no files.
      {{"review", "/proc/tandem-corpus.tei.xml"}, "/proc/tandem-corpus.tei.xml: cannot write"},
  };
  for (const auto& [command, message] : commands) {
    std::string line;
    for (const std::string& arg : command) line += arg + " ";
    SCOPED_TRACE(line);
    const CommandResult r = Tandem(command);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, StartsWith("tandem: error: "));
    EXPECT_THAT(r.err, HasSubstr(message));
    EXPECT_THAT(r.err, Not(HasSubstr("invalid UTF-8")));
    EXPECT_THAT(r.err, Not(HasSubstr("unexpected end")));
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.File("out")));
  ExpectNoTemporaryFiles();
}

// A TMX's languages are decided from the whole file, not from its first unit: one German <tuv>
// in the first <tu> made German the target and dropped every Hungarian sentence after it, with
// exit code 0. Segments in a third language are reported (how many units, where the first is);
// -t chooses the target; the tags are written as BCP 47 (hu_HU -> hu-HU).
TEST_F(Robustness, ATmxWithAThirdLanguageKeepsItsTarget) {
  std::string tmx =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tmx version=\"1.4\">\n"
      "<header srclang=\"en_US\" segtype=\"sentence\" creationtool=\"x\" "
      "creationtoolversion=\"1\" o-tmf=\"x\" adminlang=\"en\" datatype=\"plaintext\"/>\n"
      "<body>\n"
      "<tu>\n<tuv xml:lang=\"en_US\"><seg>One.</seg></tuv>\n"
      "<tuv xml:lang=\"de\"><seg>Eins.</seg></tuv>\n"
      "<tuv xml:lang=\"hu_HU\"><seg>Egy.</seg></tuv>\n</tu>\n";
  const std::vector<std::pair<std::string, std::string>> more = {
      {"Two.", "Kett\xC5\x91."}, {"Three.", "H\xC3\xA1rom."}, {"Four.", "N\xC3\xA9gy."}};
  for (const auto& [en, hu] : more) {
    tmx += "<tu><tuv xml:lang=\"en-us\"><seg>" + en + "</seg></tuv><tuv xml:lang=\"HU-hu\"><seg>" +
           hu + "</seg></tuv></tu>\n";
  }
  tmx +=
      "<tu><tuv xml:lang=\"en_US\"><seg>Five.</seg></tuv><tuv xml:lang=\"fr\"><seg>Cinq."
      "</seg></tuv></tu>\n</body>\n</tmx>\n";
  const std::string in = Source("third.tmx", tmx);
  const std::string out = dir_.File("third.tei.xml");
  const CommandResult r = Tandem({"convert", in, out, "--to", "tei"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string tei = ReadFile(out);
  // All four Hungarian sentences, as the target, with its tag in BCP 47.
  for (const char* sentence : {"Egy.", "Kett\xC5\x91.", "H\xC3\xA1rom.", "N\xC3\xA9gy."}) {
    EXPECT_THAT(tei, HasSubstr(std::string(sentence) + "</s>"));
  }
  EXPECT_THAT(tei, Not(HasSubstr("Eins.")));
  EXPECT_THAT(tei, HasSubstr("xml:lang=\"hu-HU\""));
  EXPECT_THAT(tei, HasSubstr("xml:lang=\"en-US\""));
  EXPECT_THAT(tei, Not(HasSubstr("_")));
  EXPECT_THAT(r.err, HasSubstr("tandem: warning: " + in +
                               ":7:1: 2 units have segments in a language that is neither the "
                               "source (en_US) nor the target (hu_HU): de (1 unit), fr (1 unit)"));
  const CommandResult valid = Tandem({"validate", "-q", out});
  EXPECT_EQ(valid.exit_code, 0) << valid.out;
  testing::KeepForSchemaCheck(out, "tei");

  // -t chooses another target; the Hungarian segments are then the ones reported.
  const CommandResult german =
      Tandem({"convert", in, dir_.File("de.jsonl"), "--to", "jsonl", "-t", "de"});
  ASSERT_EQ(german.exit_code, 0) << german.err;
  EXPECT_THAT(ReadFile(dir_.File("de.jsonl")), HasSubstr("Eins."));
  EXPECT_THAT(german.err, HasSubstr("hu_HU (4 units)"));
  // A target language that no unit has is an error naming the languages there are.
  const CommandResult missing =
      Tandem({"convert", in, dir_.File("it.jsonl"), "--to", "jsonl", "-t", "it"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("no unit has a segment in it (the target language given); "
                                     "the languages beside the source en_US are: de (1 unit), "
                                     "hu_HU (4 units), fr (1 unit)"));
  EXPECT_FALSE(std::filesystem::exists(dir_.File("it.jsonl")));
}

// Language tags are BCP 47 wherever they come from (a TMX's en_US went into TEI, which then
// failed the schema while `tandem validate` called it valid), and `tandem validate` checks
// xml:lang and <language ident> as the schema does.
TEST_F(Robustness, LanguageTagsAreBcp47AndValidated) {
  const CommandResult segment =
      Tandem({"segment", "-l", "en_US", dir_.File("good.txt"), "-f", "jsonl"});
  EXPECT_EQ(segment.exit_code, 0) << segment.err;
  const CommandResult aligned =
      Tandem({"align", "-q", "-s", "EN_gb", "-t", "hu_HU", "--dictionary=none",
              dir_.File("good.txt"), dir_.File("good.txt"), "-o", dir_.File("out.tei.xml")});
  ASSERT_EQ(aligned.exit_code, 0) << aligned.err;
  const std::string tei = ReadFile(dir_.File("out.tei.xml"));
  EXPECT_THAT(tei, HasSubstr("xml:lang=\"en-GB\""));
  EXPECT_THAT(tei, HasSubstr("xml:lang=\"hu-HU\""));
  EXPECT_THAT(tei, HasSubstr("ident=\"hu-HU\""));
  const CommandResult bad = Tandem(
      {"align", "-q", "-s", "en US", "-t", "hu", dir_.File("good.txt"), dir_.File("good.txt")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--source-lang 'en US': not a language tag"));

  // A corpus with tags the schema refuses: validate says where.
  std::string broken = ReadFile(testing::TestDataDir() + "/tei/small.tei.xml");
  for (const auto& [from, to] :
       {std::pair<std::string, std::string>{"xml:lang=\"hu\"", "xml:lang=\"hu_HU\""},
        {"ident=\"en\"", "ident=\"en US\""}}) {
    broken.replace(broken.find(from), from.size(), to);
  }
  const std::string path = Source("tags.tei.xml", broken);
  const CommandResult valid = Tandem({"validate", path});
  EXPECT_EQ(valid.exit_code, 1);
  EXPECT_THAT(valid.out, HasSubstr(":44:9: error: @ident=\"en US\" is not a language tag"));
  EXPECT_THAT(valid.out, HasSubstr(":92:3: error: xml:lang=\"hu_HU\" is not a language tag"));
  // Read back, the tags are made BCP 47.
  const CommandResult converted =
      Tandem({"convert", "-q", path, dir_.File("fixed.tmx"), "--to", "tmx"});
  ASSERT_EQ(converted.exit_code, 0) << converted.err;
  EXPECT_THAT(ReadFile(dir_.File("fixed.tmx")), HasSubstr("xml:lang=\"hu-HU\""));
}

// A DOCTYPE's entities are never expanded (no entity bomb or external entity can do anything),
// and pugixml keeps their references as text: each is warned about with where it first is. An
// attribute given twice (not well-formed XML, which pugixml lets through) is refused in every
// XML format.
TEST_F(Robustness, UnexpandedEntitiesAreWarnedAboutAndDuplicateAttributesRefused) {
  const std::string tmx =
      Source("entities.tmx",
             "<?xml version=\"1.0\"?>\n"
             "<!DOCTYPE tmx [\n<!ENTITY lol \"lol\">\n<!ENTITY lol9 \"&lol;&lol;&lol;\">\n"
             "<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
             "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n"
             "<tu><tuv xml:lang=\"en\"><seg>One &lol9; &amp; &#233; <!-- &no; --></seg></tuv>"
             "<tuv xml:lang=\"hu\"><seg>Egy &x;.</seg></tuv></tu>\n"
             "<tu><tuv xml:lang=\"en\"><seg>Two &lol9;.</seg></tuv>"
             "<tuv xml:lang=\"hu\"><seg>Kett\xC5\x91.</seg></tuv></tu>\n"
             "</body></tmx>\n");
  const std::string out = dir_.File("entities.jsonl");
  const CommandResult r = Tandem({"convert", tmx, out, "--to", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("tandem: warning: " + tmx +
                               ":8:33: the entity reference &lol9; is not expanded (tandem reads "
                               "no entity declarations): it is kept as the text '&lol9;' (2 "
                               "times in the file)"));
  EXPECT_THAT(r.err, HasSubstr(tmx + ":8:106: the entity reference &x; is not expanded"));
  EXPECT_THAT(r.err, Not(HasSubstr("&amp;")));
  EXPECT_THAT(r.err, Not(HasSubstr("&no;")));
  EXPECT_THAT(ReadFile(out), HasSubstr("One &lol9; & \xC3\xA9"));
  EXPECT_THAT(ReadFile(out), Not(HasSubstr("root:")));

  const std::string data = testing::TestDataDir() + "/formats/";
  for (const char* name : {"small.en-00.xml", "small.hu-00.xml"}) {
    WriteFile(dir_.File(name), ReadFile(data + name));
  }
  std::string intertext = ReadFile(data + "small.alignment.xml");
  intertext.replace(intertext.find("status='auto'"), 13, "status='auto' status='man'");
  const std::string twice = Source("twice.alignment.xml", intertext);
  const CommandResult duplicate =
      Tandem({"convert", twice, dir_.File("twice.jsonl"), "--to", "jsonl"});
  EXPECT_EQ(duplicate.exit_code, 1) << duplicate.err;
  EXPECT_THAT(duplicate.err, HasSubstr(twice + ":5:1: malformed XML: the attribute status is "
                                               "given twice in <link>"));
  std::string tei = ReadFile(testing::TestDataDir() + "/tei/small.tei.xml");
  tei.replace(tei.find("<teiCorpus "), 11, "<teiCorpus n=\"1\" n=\"2\" ");
  const std::string corpus = Source("twice.tei.xml", tei);
  const CommandResult validate = Tandem({"validate", corpus});
  EXPECT_EQ(validate.exit_code, 1);
  EXPECT_THAT(validate.err + validate.out,
              HasSubstr("the attribute n is given twice in <teiCorpus>"));
}

// Every message that names an option names one its command has: the encoding advice said
// --encoding to align (which has --source-encoding) and to batch (which has none), and
// `tandem stats -` asked for --from. The sources are read: every string literal of the libraries
// and the commands that names an option (--name, or -x standing alone) is checked against the
// options of each command that can print it (its --help). A command's own file
// (cli/commands/align.cc) speaks for that command; a literal in a shared file must be in the
// table below, which says which commands reach it, so that a new message cannot slip through.
TEST(Messages, EveryOptionAMessageNamesExistsOnItsCommands) {
  struct Use {
    std::string file;
    std::string option;
    std::vector<std::string> commands;  // "" is tandem itself; none: not an option of tandem
  };
  const std::vector<std::string> read = {"convert", "stats",
                                         "concord"};  // tei::ReadBitext's callers
  const std::vector<std::string> aligning = {"align", "batch", "discover"};
  const std::vector<Use> table = {
      {"cli/main.cc", "--help", {""}},
      {"cli/main.cc", "-h", {""}},
      {"cli/main.cc", "--version", {""}},
      {"cli/main.cc", "-V", {}},  // what a user may type for --version
      {"cli/main.cc", "-v", {}},
      {"cli/commands/common.cc", "--memory-limit", aligning},
      {"cli/commands/exchange_options.cc", "--from", read},
      {"cli/commands/exchange_options.cc", "-s", read},
      {"cli/commands/exchange_options.cc", "-t", read},
      {"cli/commands/exchange_options.cc", "--source-lang", read},
      {"cli/commands/exchange_options.cc", "--target-lang", read},
      {"cli/commands/exchange_options.cc", "--source-text", read},
      {"cli/commands/exchange_options.cc", "--target-text", read},
      {"cli/commands/exchange_options.cc", "--load-sources", read},
      {"cli/commands/exchange_options.cc", "--layout", {"align", "convert", "batch"}},
      {"cli/commands/exchange_options.cc", "--metadata", {"align", "convert"}},
      {"cli/commands/exchange_options.cc", "--title", {"align", "convert"}},
      {"cli/commands/exchange_options.cc", "--min-confidence", {"convert"}},
      {"cli/commands/exchange_options.cc", "--status", {"convert"}},
      {"cli/commands/options.cc", "--paragraphs", {"segment", "align"}},
      {"cli/review/server.cc", "--port", {"review"}},
      {"core/src/text_io.cc", "-f", {}},  // iconv's options, in the advice to convert a file
      {"core/src/text_io.cc", "-t", {}},
      {"core/src/sentence_rules.cc", "-a", {}},  // "§-a", a Hungarian suffix in a comment string
      {"corpora/src/dictionary.cc", "--dictionary", aligning},
      {"corpora/src/pipeline.cc", "--memory-limit", aligning},
      {"corpora/src/stats.cc", "--format", {"stats"}},
      {"cli/commands/dictionaries.cc", "--dictionary", aligning},
      {"tei/src/formats.cc", "--source-text", read},
      {"tei/src/formats.cc", "--target-text", read},
      {"tei/src/formats.cc", "--from", read},
      {"tei/src/formats.cc", "-s", read},
      {"tei/src/formats.cc", "-t", read},
      {"tei/src/formats.cc", "--min-confidence", {"convert"}},
      {"tei/src/formats.cc", "--status", {"convert"}},
      {"tei/src/tmx.cc", "-s", read},
      {"tei/src/tmx.cc", "-t", read},
  };
  // The options of each command, from its --help.
  std::map<std::string, std::set<std::string>> options;
  // (Not after a colon: the segmenter's emoticons ":-D", ":-P" are no options.)
  const std::regex option_name(
      R"((^|[^A-Za-z0-9_:-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![A-Za-z0-9_-]))");
  auto options_of = [&](const std::string& command) -> const std::set<std::string>& {
    auto [it, inserted] = options.try_emplace(command);
    if (inserted) {
      const CommandResult help = command.empty() ? Tandem({"--help"}) : Tandem({command, "--help"});
      EXPECT_EQ(help.exit_code, 0) << command;
      std::istringstream lines(help.out);
      std::string line;
      while (std::getline(lines, line)) {
        // Option lines start with spaces and the option's names.
        const std::size_t first = line.find_first_not_of(' ');
        if (first == std::string::npos || line[first] != '-') continue;
        const std::string names = line.substr(first, line.find(' ', first) - first);
        for (std::sregex_iterator m(names.begin(), names.end(), option_name), end; m != end; ++m) {
          it->second.insert((*m)[2]);
        }
      }
    }
    return it->second;
  };
  const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
  std::set<std::pair<std::string, std::string>> seen;
  std::size_t checked = 0;
  for (const char* dir :
       {"core/src", "align/src", "corpora/src", "tei/src", "cli", "cli/commands", "cli/review"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(testing::SourceDir() + "/" + dir)) {
      const std::string extension = entry.path().extension().string();
      if (extension != ".cc" && extension != ".h") continue;
      const std::string file = std::string(dir) + "/" + entry.path().filename().string();
      std::string command;
      if (std::string(dir) == "cli/commands") {
        command = entry.path().stem().string();
        if (command == "align_keep") command = "align";
      }
      std::istringstream lines(ReadFile(entry.path().string()));
      std::string line;
      for (int number = 1; std::getline(lines, line); ++number) {
        const std::size_t first = line.find_first_not_of(' ');
        if (first != std::string::npos && line.compare(first, 2, "//") == 0) continue;
        for (std::sregex_iterator l(line.begin(), line.end(), literal), end; l != end; ++l) {
          const std::string text = (*l)[1];
          for (std::sregex_iterator m(text.begin(), text.end(), option_name); m != end; ++m) {
            const std::string option = (*m)[2];
            SCOPED_TRACE(file + ":" + std::to_string(number) + ": \"" + text + "\"");
            const auto use = std::find_if(table.begin(), table.end(), [&](const Use& u) {
              return u.file == file && u.option == option;
            });
            std::vector<std::string> commands;
            if (use != table.end()) {
              commands = use->commands;
              seen.emplace(file, option);
            } else if (!command.empty()) {
              commands = {command};
            } else {
              ADD_FAILURE() << option
                            << " is named in a shared file: add it to the table with "
                               "the commands that can print it";
              continue;
            }
            for (const std::string& c : commands) {
              EXPECT_EQ(options_of(c).count(option), 1u)
                  << "tandem " << c << " has no option " << option;
              ++checked;
            }
          }
        }
      }
    }
  }
  // The table stays true: each of its entries is still in the sources.
  for (const Use& use : table) {
    EXPECT_EQ(seen.count({use.file, use.option}), 1u)
        << use.file << " no longer names " << use.option << ": remove it from the table";
  }
  EXPECT_GT(checked, 100u);
}

// The command line says what it did not understand: `tandem foo`, `tandem help`, `tandem -V` and
// `tandem --bogus` all said "A subcommand is required"; parse errors lacked the "tandem: error:"
// prefix; --help showed enumerations as "ENUM:value in {hunalign->7,...}" and -f 7 was taken;
// counts said "1 pairs"; -o /proc/version said "No such file or directory"; report on a full
// disk did not name the file.
TEST_F(Robustness, TheCommandLineSaysWhatItDidNotUnderstand) {
  const std::string commands = "the commands are segment, align, eval, convert, validate";
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"foo"}, "tandem: error: unknown command 'foo'; tandem COMMAND [OPTIONS]"},
      {{"segmnt", "-l", "en"}, "unknown command 'segmnt' (did you mean segment?)"},
      {{"-V"}, "unknown option -V before the command (did you mean --version?)"},
      {{"--bogus"}, "unknown option --bogus before the command"},
      {{}, "tandem: error: no command given"},
      {{"align", "--sourcelang", "en"},
       "tandem: error: tandem align has no option --sourcelang (did you mean --source-lang?)"},
      {{"segment", "-l", "en", "a.txt", "b.txt"}, "tandem: error: unexpected argument 'b.txt'"},
      {{"segment", "a.txt"}, "tandem: error: --lang is required"},
      {{"align", "--max-bead", "99", "a", "b"}, "tandem: error: --max-bead"},
      {{"align", "-f", "7", "a", "b"},
       "tandem: error: --format: '7' is not one of tei|tmx|xces|intertext|jsonl"},
      {{"segment", "-l", "en", "--paragraphs", "2", "a.txt"},
       "--paragraphs: '2' is not one of auto|blank|line"},
  };
  for (const Case& c : cases) {
    std::string line;
    for (const std::string& arg : c.args) line += arg + " ";
    SCOPED_TRACE(line);
    const CommandResult r = Tandem(c.args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_THAT(r.err, StartsWith("tandem: error: "));
    EXPECT_THAT(r.err, HasSubstr(c.message));
    EXPECT_THAT(r.err, Not(HasSubstr("A subcommand is required")));
  }
  EXPECT_THAT(Tandem({"foo"}).err, HasSubstr(commands));
  // help, as other tools have it.
  const CommandResult help = Tandem({"help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("Usage: tandem"));
  const CommandResult align_help = Tandem({"help", "align"});
  EXPECT_EQ(align_help.exit_code, 0);
  EXPECT_THAT(align_help.out, HasSubstr("Usage: tandem align"));
  // Enumerations by name only, in any case.
  EXPECT_THAT(align_help.out, HasSubstr("-f,--format tei|tmx|xces|intertext|jsonl|moses|tsv|"));
  EXPECT_THAT(align_help.out, HasSubstr("--paragraphs auto|blank|line"));
  EXPECT_THAT(align_help.out, Not(HasSubstr("ENUM")));
  EXPECT_THAT(align_help.out, Not(HasSubstr("->")));
  const CommandResult upper =
      Tandem({"segment", "-l", "en", "-f", "JSONL", "--paragraphs", "Line", dir_.File("good.txt")});
  EXPECT_EQ(upper.exit_code, 0) << upper.err;
  EXPECT_THAT(upper.out, StartsWith("{"));

  // Counts in the singular for one.
  const std::string one = Source("one.txt", "One line.\n");
  const CommandResult summary = Tandem({"align", "-s", "en", "-t", "en", "--dictionary=none", one,
                                        one, "-o", dir_.File("one.tei.xml")});
  ASSERT_EQ(summary.exit_code, 0) << summary.err;
  EXPECT_THAT(summary.err, HasSubstr(one + " 1 (1 paragraph), "));
  const CommandResult valid = Tandem({"validate", dir_.File("one.tei.xml")});
  EXPECT_THAT(valid.err, HasSubstr("valid (0 errors, 0 warnings; 2 sentences, 1 link)"));
  const CommandResult stats = Tandem({"stats", dir_.File("one.tei.xml")});
  EXPECT_THAT(stats.out, HasSubstr(": 1 pair\n"));
  EXPECT_THAT(stats.out, Not(HasSubstr(" 1 pairs")));

  // Places that take no file, and a full disk.
  const CommandResult proc = Tandem({"segment", "-l", "en", one, "-o", "/proc/version"});
  EXPECT_EQ(proc.exit_code, 1);
  EXPECT_THAT(proc.err, HasSubstr("/proc/version: cannot write: /proc is the kernel's process "
                                  "file system (proc), not a place for files"));
  const std::string report = dir_.File("report.html");
  const CommandResult full =
      TandemShell("ulimit -f 8; trap '' XFSZ;",
                  {"report", testing::TestDataDir() + "/tei/small.tei.xml", "-o", report});
  EXPECT_EQ(full.exit_code, 1) << full.err;
  EXPECT_THAT(full.err, HasSubstr(report + ": write error (disk full?); the file was not changed"));
  EXPECT_FALSE(std::filesystem::exists(report));
  ExpectNoTemporaryFiles();
}

// A text so lopsided that the aligner cannot help (hundreds of thousands of sentences against a
// few) is refused before the alignment, saying why, instead of being ground through for minutes
// to leave nearly all of it unaligned; a translation inside a long collection is still aligned
// (Robustness.WildlyDifferentLengthsStillCoverBothTexts).
TEST_F(Robustness, HopelesslyLopsidedInputIsRefusedSayingWhy) {
  std::string many;
  for (int i = 0; i < 110000; ++i) many += "Yes we can. ";
  const std::string longer = Source("many.txt", many + "\n");
  const std::string two = Source("two.txt", "Egy. Kett\xC5\x91.\n");
  const CommandResult r = Align(longer, two, {"--memory-limit", "0"});
  ExpectRefused(
      r, longer + " has 110000 sentences and " + two +
             " 2 sentences: a bead holds at most 4 sentences of a side, so at most 8 of " + longer +
             " can have a counterpart");
  EXPECT_THAT(r.err, HasSubstr("tandem discover finds translations inside a collection"));
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
