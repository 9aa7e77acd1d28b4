// `tandem align --keep` and `tandem report`, as the binary.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generated_corpus.h"
#include "tandem/tei/reader.h"
#include "tandem/tei/writer.h"
#include "test_util.h"

namespace tandem {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

testing::CommandResult Tandem(std::vector<std::string> args) {
  args.insert(args.begin(), TANDEM_BINARY);
  return testing::Run(args);
}

corpora::Bitext Read(const std::string& path) {
  StatusOr<corpora::Bitext> read = tei::ReadTeiFile(path);
  EXPECT_TRUE(read.ok()) << read.status().message();
  return read.ok() ? *read : corpora::Bitext{};
}

class CommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::GenerateOptions options;
    options.beads = 60;
    options.review = true;  // confirmed and edited beads among automatic ones
    path_ = dir_.File("pair.tei.xml");
    ASSERT_TRUE(tei::WriteTeiFile(testing::GenerateBitext(options), {.output_path = path_}).ok());
    original_ = Read(path_);
  }

  testing::TempDir dir_;
  std::string path_;
  corpora::Bitext original_;
};

TEST_F(CommandsTest, AlignKeepKeepsEveryReviewedBead) {
  const testing::CommandResult r = Tandem({"align", "--keep", path_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("reviewed beads as they were"));
  // Beads replaced, and confidence changes apart (not every re-estimated bead as "changed").
  EXPECT_THAT(r.err, ::testing::ContainsRegex(
                         "re-aligned the rest \\([0-9]+ beads? replaced by [0-9]+(, [0-9]+ "
                         "others? with a new confidence)?\\)"));
  const corpora::Bitext realigned = Read(path_);
  ASSERT_TRUE(corpora::ValidateBitext(realigned).ok());
  std::size_t reviewed = 0;
  for (std::size_t k = 0; k < original_.ladder.size(); ++k) {
    const corpora::BeadReview& record = corpora::ReviewOf(original_, k);
    if (record.status == corpora::ReviewStatus::kAutomatic) continue;
    ++reviewed;
    bool kept = false;
    for (std::size_t j = 0; j < realigned.ladder.size(); ++j) {
      if (realigned.ladder[j] == original_.ladder[k]) {
        kept = corpora::ReviewOf(realigned, j) == record;
      }
    }
    EXPECT_TRUE(kept) << "reviewed bead " << k + 1 << " was not kept";
  }
  EXPECT_GT(reviewed, 10u);
  EXPECT_NE(realigned.ladder, original_.ladder);  // the automatic rest was aligned again
  EXPECT_EQ(Read(path_ + ".bak"), original_);     // the previous version
}

TEST_F(CommandsTest, AlignKeepWritesElsewhereWhenTold) {
  const std::string before = testing::ReadFile(path_);
  const testing::CommandResult r =
      Tandem({"align", "-q", "--keep", path_, "-o", dir_.File("out.tei.xml")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing::ReadFile(path_), before);
  EXPECT_TRUE(corpora::ValidateBitext(Read(dir_.File("out.tei.xml"))).ok());
  EXPECT_EQ(testing::ListDir(dir_.path()),
            (std::vector<std::string>{"out.tei.xml", "pair.tei.xml"}));
}

TEST_F(CommandsTest, AlignKeepAndAlignErrors) {
  testing::CommandResult r = Tandem({"align", "--keep", dir_.File("missing.tei.xml")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("missing.tei.xml"));
  r = Tandem({"align", "-s", "en", "-t", "hu"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("needs SOURCE and TARGET"));
  r = Tandem({"align", "a.txt", "b.txt"});
  EXPECT_EQ(r.exit_code, 2);
  r = Tandem({"align", "--keep", path_, "--max-bead", "9"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CommandsTest, AlignKeepRefusesACorpusAboveTheMemoryLimit) {
  const std::string before = testing::ReadFile(path_);
  testing::CommandResult r = Tandem({"align", "--keep", path_, "--memory-limit", "10M"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("more than the limit of 10 MB: split both texts"));
  EXPECT_EQ(testing::ReadFile(path_), before);  // untouched, and no backup made
  EXPECT_EQ(testing::ListDir(dir_.path()), (std::vector<std::string>{"pair.tei.xml"}));
  r = Tandem({"align", "--keep", path_, "--memory-limit", "lots"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--memory-limit lots: not a size"));
}

TEST_F(CommandsTest, ReportIsOneSelfContainedPage) {
  const std::string out = dir_.File("pair.report.html");
  const testing::CommandResult r = Tandem({"report", path_, "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = testing::ReadFile(out);
  EXPECT_THAT(html, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("Beads by type"));
  EXPECT_THAT(html, HasSubstr("id=\"tandem-data\""));
  EXPECT_THAT(html, Not(HasSubstr("src=\"http")));
  EXPECT_THAT(html, Not(HasSubstr("href=\"http")));
  EXPECT_THAT(html, Not(HasSubstr("<link rel=\"stylesheet\"")));
  EXPECT_THAT(html, Not(HasSubstr("{{")));  // every marker of the template was filled
  // Standard output by default.
  const testing::CommandResult stdout_report = Tandem({"report", path_});
  EXPECT_EQ(stdout_report.exit_code, 0);
  EXPECT_EQ(stdout_report.out.size(), html.size());
}

TEST_F(CommandsTest, ReportErrors) {
  testing::CommandResult r =
      Tandem({"report", dir_.File("missing.tei.xml"), "-o", dir_.File("r.html")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("missing.tei.xml"));
  testing::WriteFile(dir_.File("bad.tei.xml"), "<teiCorpus");
  r = Tandem({"report", dir_.File("bad.tei.xml"), "-o", dir_.File("r.html")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.tei.xml:"));
  EXPECT_EQ(testing::ListDir(dir_.path()),
            (std::vector<std::string>{"bad.tei.xml", "pair.tei.xml"}));
  EXPECT_EQ(Tandem({"report"}).exit_code, 2);
}

}  // namespace
}  // namespace tandem
