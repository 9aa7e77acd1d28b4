// Paths in a corpus are relative to the corpus file, wherever tandem runs (tei_common.h): every
// writer, every reader and the validator agree, a corpus written to another directory still
// names the same source files, and corpora whose idno path was relative to the directory tandem
// ran in (before this rule) still read right.
#include <filesystem>
#include <string>
#include <system_error>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "exchange.h"
#include "fixtures.h"
#include "tandem/tei/reader.h"
#include "tandem/tei/validate.h"
#include "tandem/tei/writer.h"
#include "test_util.h"

namespace tandem::tei {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// Runs the rest of a test in another working directory, and goes back at the end.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const fs::path& dir) : previous_(fs::current_path()) {
    fs::current_path(dir);
  }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;
  ~WorkingDirectory() {
    std::error_code ec;
    fs::current_path(previous_, ec);
  }
  void Change(const fs::path& dir) { fs::current_path(dir); }

 private:
  fs::path previous_;
};

// The pair of the fixtures with its texts in ROOT/src/en.txt and ROOT/src/hu.txt, named as a user
// in ROOT would name them.
class CorpusPathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_.path() / "src");
    fs::create_directories(dir_.path() / "a");
    fs::create_directories(dir_.path() / "b" / "c");
    bitext_ = testing::SmallBitext();
    testing::WriteFile(dir_.File("src/en.txt"), bitext_.source.text);
    testing::WriteFile(dir_.File("src/hu.txt"), bitext_.target.text);
    bitext_.source.name = "src/en.txt";
    bitext_.target.name = "src/hu.txt";
  }

  // Every @source file part, the ptr and the idno path of the source text's header.
  struct Pointers {
    std::string span_file;
    std::string ptr;
    std::string idno;
  };
  static Pointers PointersOf(const std::string& path) {
    const std::string xml = testing::ReadFile(path);
    auto between = [&](const std::string& open, const std::string& close) {
      const std::size_t at = xml.find(open);
      if (at == std::string::npos) return std::string("(none)");
      const std::size_t begin = at + open.size();
      return xml.substr(begin, xml.find(close, begin) - begin);
    };
    return {between("<s xml:id=\"en.p1.s1\" source=\"", "#byte="), between("<ptr target=\"", "\""),
            between("<idno type=\"path\">", "<")};
  }

  static void ExpectPointers(const std::string& path, const std::string& expected) {
    const Pointers p = PointersOf(path);
    EXPECT_EQ(p.span_file, expected) << path;
    EXPECT_EQ(p.ptr, expected) << path;
    EXPECT_EQ(p.idno, expected) << path;
  }

  // `tandem validate`'s checks: no error, no warning (a missing source file is one).
  static void ExpectClean(const std::string& path) {
    StatusOr<ValidationReport> report = ValidateTeiFile(path);
    ASSERT_TRUE(report.ok()) << report.status().message();
    EXPECT_TRUE(report->problems.empty()) << report->Format();
  }

  static corpora::Bitext Read(const std::string& path, std::vector<std::string>* warnings) {
    StatusOr<corpora::Bitext> read =
        ReadTeiFile(path, {.load_sources = true,
                           .warn = [warnings](const std::string& m) { warnings->push_back(m); }});
    EXPECT_TRUE(read.ok()) << read.status().message();
    return read.ok() ? *read : corpora::Bitext{};
  }

  testing::TempDir dir_;
  corpora::Bitext bitext_;
};

TEST_F(CorpusPathsTest, SavingInPlaceFromTheCorpusDirectoryKeepsThePaths) {
  WorkingDirectory cwd(dir_.path());
  ASSERT_TRUE(WriteTeiFile(bitext_, {.output_path = "a/pair.tei.xml"}).ok());
  ExpectPointers(dir_.File("a/pair.tei.xml"), "../src/en.txt");
  ExpectClean("a/pair.tei.xml");

  // What `cd a && tandem review pair.tei.xml` does when it saves: read, write to the same file.
  cwd.Change(dir_.path() / "a");
  std::vector<std::string> warnings;
  corpora::Bitext read = Read("pair.tei.xml", &warnings);
  EXPECT_THAT(warnings, ::testing::IsEmpty());
  EXPECT_EQ(read.source.name, "../src/en.txt");  // as this process opens it
  EXPECT_EQ(read.source.text, bitext_.source.text);
  ASSERT_TRUE(WriteTeiFile(read, {.output_path = "pair.tei.xml"}).ok());
  ExpectPointers(dir_.File("a/pair.tei.xml"), "../src/en.txt");
  ExpectClean("pair.tei.xml");
}

TEST_F(CorpusPathsTest, WritingToAnotherDirectoryRebasesThePaths) {
  WorkingDirectory cwd(dir_.path());
  ASSERT_TRUE(WriteTeiFile(bitext_, {.output_path = "a/pair.tei.xml"}).ok());
  // Started in b: read ../a/pair.tei.xml, write it into c and beside the sources.
  cwd.Change(dir_.path() / "b");
  std::vector<std::string> warnings;
  const corpora::Bitext read = Read("../a/pair.tei.xml", &warnings);
  EXPECT_THAT(warnings, ::testing::IsEmpty());
  EXPECT_EQ(read.source.name, "../src/en.txt");
  ASSERT_TRUE(WriteTeiFile(read, {.output_path = "c/copy.tei.xml"}).ok());
  ExpectPointers(dir_.File("b/c/copy.tei.xml"), "../../src/en.txt");
  ExpectClean("c/copy.tei.xml");
  ASSERT_TRUE(WriteTeiFile(read, {.output_path = "../src/copy.tei.xml"}).ok());
  ExpectPointers(dir_.File("src/copy.tei.xml"), "en.txt");
  ExpectClean(dir_.File("src/copy.tei.xml"));
  // The split layout: the texts beside the alignment file point from there.
  ASSERT_TRUE(
      WriteTeiFile(read, {.output_path = "c/split.tei.xml", .layout = TeiLayout::kSplit}).ok());
  ExpectPointers(dir_.File("b/c/split.en.tei.xml"), "../../src/en.txt");
  ExpectClean("c/split.tei.xml");
  // Read back from yet another directory, the sources are found and the texts are theirs.
  cwd.Change(dir_.path());
  for (const char* path : {"b/c/copy.tei.xml", "src/copy.tei.xml", "b/c/split.tei.xml"}) {
    const corpora::Bitext again = Read(path, &warnings);
    EXPECT_THAT(warnings, ::testing::IsEmpty()) << path;
    EXPECT_EQ(fs::path(again.source.name).lexically_normal(), fs::path("src/en.txt")) << path;
    EXPECT_EQ(again.target.text, bitext_.target.text) << path;
  }
}

// Corpora written before the rule had the idno path relative to the directory tandem ran in;
// their pointers were always relative to the TEI file, and are what counts.
TEST_F(CorpusPathsTest, OldCorporaWithIdnoRelativeToTheWorkingDirectoryReadRight) {
  WorkingDirectory cwd(dir_.path());
  ASSERT_TRUE(WriteTeiFile(bitext_, {.output_path = "a/pair.tei.xml"}).ok());
  std::string xml = testing::ReadFile(dir_.File("a/pair.tei.xml"));
  for (const char* file : {"en.txt", "hu.txt"}) {
    const std::string now = std::string("<idno type=\"path\">../src/") + file;
    const std::size_t at = xml.find(now);
    ASSERT_NE(at, std::string::npos);
    xml.replace(at, now.size(), std::string("<idno type=\"path\">src/") + file);
  }
  testing::WriteFile(dir_.File("a/old.tei.xml"), xml);

  cwd.Change(dir_.path() / "a");
  std::vector<std::string> warnings;
  const corpora::Bitext read = Read("old.tei.xml", &warnings);
  EXPECT_THAT(warnings, ::testing::IsEmpty());
  EXPECT_EQ(read.source.name, "../src/en.txt");
  EXPECT_EQ(read.target.name, "../src/hu.txt");
  // The validator says that the two disagree and which one tandem follows.
  StatusOr<ValidationReport> report = ValidateTeiFile("old.tei.xml");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->errors(), 0u);
  EXPECT_THAT(report->Format(), HasSubstr("the idno path 'src/en.txt' and the ptr "
                                          "'../src/en.txt' name different files"));
  EXPECT_THAT(report->Format(), Not(HasSubstr("does not exist")));
  // Saved again, both say the same.
  ASSERT_TRUE(WriteTeiFile(read, {.output_path = "old.tei.xml"}).ok());
  ExpectPointers(dir_.File("a/old.tei.xml"), "../src/en.txt");
  ExpectClean("old.tei.xml");
}

TEST_F(CorpusPathsTest, ValidateFindsSourceFilesFromTheCorpusNotFromTheWorkingDirectory) {
  WorkingDirectory cwd(dir_.path());
  ASSERT_TRUE(WriteTeiFile(bitext_, {.output_path = "a/pair.tei.xml"}).ok());
  cwd.Change(dir_.path() / "b" / "c");
  ExpectClean("../../a/pair.tei.xml");
  fs::remove(dir_.File("src/en.txt"));
  StatusOr<ValidationReport> report = ValidateTeiFile("../../a/pair.tei.xml");
  ASSERT_TRUE(report.ok());
  EXPECT_THAT(report->Format(), HasSubstr("the source file ../../src/en.txt does not exist"));
  EXPECT_EQ(report->problems.size(), 1u) << report->Format();
}

TEST_F(CorpusPathsTest, TmxFileNamesAreRelativeToTheTmxFile) {
  WorkingDirectory cwd(dir_.path());
  ASSERT_TRUE(WriteTmxFile(bitext_, {.output_path = "a/pair.tmx"}).ok());
  EXPECT_THAT(testing::ReadFile(dir_.File("a/pair.tmx")),
              HasSubstr("<prop type=\"x-tandem-source-name\">../src/en.txt</prop>"));
  cwd.Change(dir_.path() / "b");
  StatusOr<corpora::Bitext> read = ReadTmxFile("../a/pair.tmx");
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->source.name, "../src/en.txt");
  // TMX to TEI in another directory: the TEI points at the same files.
  ASSERT_TRUE(WriteTeiFile(*read, {.output_path = "c/from-tmx.tei.xml"}).ok());
  ExpectPointers(dir_.File("b/c/from-tmx.tei.xml"), "../../src/en.txt");
  ExpectClean("c/from-tmx.tei.xml");
}

// A directory reached through a symbolic link: ".." from the corpus is the link target's parent,
// so the path is made from where the corpus really lies.
TEST_F(CorpusPathsTest, ASymbolicLinkToTheOutputDirectoryIsFollowed) {
  testing::TempDir elsewhere;
  fs::create_directories(elsewhere.path() / "real");
  fs::create_directory_symlink(elsewhere.path() / "real", dir_.path() / "link");
  WorkingDirectory cwd(dir_.path());
  ASSERT_TRUE(WriteTeiFile(bitext_, {.output_path = "link/pair.tei.xml"}).ok());
  ExpectClean("link/pair.tei.xml");
  std::vector<std::string> warnings;
  const corpora::Bitext read = Read("link/pair.tei.xml", &warnings);
  EXPECT_THAT(warnings, ::testing::IsEmpty());
  EXPECT_EQ(read.source.text, bitext_.source.text);
}

}  // namespace
}  // namespace tandem::tei
