#include "tandem/corpora/html_report.h"

#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "tandem/corpora/view_data.h"

namespace tandem::corpora {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(HtmlReport, CountsBeadsByTypeStatusAndBandOverTheAlignedRegion) {
  const Bitext bitext = testing::ReviewedBitext();  // 1:1 0.9876, 1:2 0.75, 1:1 1.0, 0:1 0.5
  const ReportStatistics stats = ComputeReportStatistics(bitext);
  EXPECT_EQ(stats.beads, 4u);
  ASSERT_EQ(stats.by_type.size(), 3u);
  EXPECT_EQ(stats.by_type[0], (std::pair<std::string, std::size_t>{"1:1", 2}));
  EXPECT_EQ(stats.by_type[1], (std::pair<std::string, std::size_t>{"0:1", 1}));  // ties by name
  EXPECT_EQ(stats.by_type[2], (std::pair<std::string, std::size_t>{"1:2", 1}));
  // The region is beads 1-3; the last bead (0:1, confirmed by ben) lies after it.
  EXPECT_EQ(stats.region_first, 0u);
  EXPECT_EQ(stats.region_beads, 3u);
  EXPECT_EQ(stats.by_status,
            (std::array<std::size_t, 3>{1, 1, 1}));                 // automatic, confirmed, edited
  EXPECT_EQ(stats.by_band, (std::array<std::size_t, 3>{0, 1, 2}));  // 0.75 is medium
  EXPECT_EQ(stats.source_aligned, 3u);
  EXPECT_EQ(stats.target_aligned, 4u);
  EXPECT_NEAR(stats.mean_confidence, (0.9876 + 0.75 + 1.0) / 3, 1e-12);
  EXPECT_EQ(stats.low_confidence, 0u);  // the 0.75 is edited, not automatic
  EXPECT_TRUE(stats.gaps.empty());
  ASSERT_EQ(stats.outside.size(), 1u);
  EXPECT_EQ(stats.outside[0].first_bead, 3u);
  EXPECT_EQ(stats.outside[0].target_first, 4u);
  EXPECT_EQ(stats.outside[0].target_count, 1u);
  EXPECT_EQ(stats.outside[0].source_count, 0u);
}

// One threshold, 0.9, for what is "low confidence": automatic beads below it, in the region and
// apart outside it (the editor's filter and count say the same).
TEST(HtmlReport, LowConfidenceIsBelowTheReviewThreshold) {
  Bitext bitext = testing::SmallBitext();  // 1:1 0.9876, 1:2 0.75, 1:1 1.0, 0:1 0.5
  bitext.ladder[0].confidence = 0.8953;
  const ReportStatistics stats = ComputeReportStatistics(bitext);
  EXPECT_EQ(kReviewThreshold, 0.9);
  EXPECT_EQ(stats.low_confidence, 2u);          // 0.8953 and 0.75
  EXPECT_EQ(stats.low_confidence_outside, 1u);  // the 0:1 of 0.5 after the region
  std::ostringstream out;
  ASSERT_TRUE(WriteHtmlReport(bitext, {}, out).ok());
  EXPECT_THAT(out.str(), HasSubstr("low confidence (automatic, below 0.9)</td><td "
                                   "class=\"n\">3</td><td colspan=\"2\">1 outside the region"));
}

TEST(HtmlReport, BandsHaveTheirBoundsOnTheHighSide) {
  EXPECT_EQ(BandOf(0.0), ConfidenceBand::kLow);
  EXPECT_EQ(BandOf(0.4999), ConfidenceBand::kLow);
  EXPECT_EQ(BandOf(0.5), ConfidenceBand::kMedium);
  EXPECT_EQ(BandOf(0.8999), ConfidenceBand::kMedium);
  EXPECT_EQ(BandOf(0.9), ConfidenceBand::kHigh);
  EXPECT_EQ(BandOf(1.0), ConfidenceBand::kHigh);
}

TEST(HtmlReport, TellsOmissionsAndAdditionsFromTextOutsideTheRegion) {
  Bitext bitext = testing::SmallBitext();
  // 0:1 0:1 | 1:1 | 1:0 0:1 1:0 | 1:1  over 4 source and 5 target sentences
  bitext.source.text = "A. B. C. D.";
  bitext.source.paragraphs = {{{0, 11}, 0, 4, ParagraphKind::kText, {}}};
  bitext.source.sentences = {{{0, 2}, 0, {}}, {{3, 5}, 0, {}}, {{6, 8}, 0, {}}, {{9, 11}, 0, {}}};
  bitext.ladder = {{0, 0, 0, 1, 0.9}, {0, 0, 1, 1, 0.9}, {0, 1, 2, 1, 0.9}, {1, 1, 3, 0, 0.9},
                   {2, 0, 3, 1, 0.9}, {2, 1, 4, 0, 0.9}, {3, 1, 4, 1, 0.9}};
  ASSERT_TRUE(ValidateBitext(bitext).ok()) << ValidateBitext(bitext).message();
  const ReportStatistics stats = ComputeReportStatistics(bitext);
  EXPECT_EQ(stats.region_first, 2u);
  EXPECT_EQ(stats.region_beads, 5u);
  ASSERT_EQ(stats.outside.size(), 1u);
  EXPECT_EQ(stats.outside[0].first_bead, 0u);
  EXPECT_EQ(stats.outside[0].beads, 2u);
  EXPECT_EQ(stats.outside[0].target_count, 2u);
  ASSERT_EQ(stats.gaps.size(), 1u);
  EXPECT_EQ(stats.gaps[0].first_bead, 3u);
  EXPECT_EQ(stats.gaps[0].beads, 3u);
  EXPECT_EQ(stats.gaps[0].source_first, 1u);
  EXPECT_EQ(stats.gaps[0].source_count, 2u);
  EXPECT_EQ(stats.gaps[0].target_first, 3u);
  EXPECT_EQ(stats.gaps[0].target_count, 1u);
  EXPECT_EQ(stats.gaps[0].sentences(), 3u);
  // The page lists the stretch inside with its text, and the one outside apart.
  std::ostringstream out;
  ASSERT_TRUE(WriteHtmlReport(bitext, {}, out).ok());
  const std::string html = out.str();
  EXPECT_THAT(html, HasSubstr("Inside the aligned region, 1 stretch without counterpart: 2 source "
                              "sentences the translation leaves out (omissions), 1 target "
                              "sentence it adds (additions)."));
  EXPECT_THAT(html, HasSubstr(R"(<td><a href="#bead-4" data-bead="3">4–6</a></td><td>omission )"
                              R"(and addition</td><td><div>source sentences 2–3 (2): <q )"
                              R"(lang="en">B. C.</q></div><div>target sentence 4 (1): <q )"
                              R"(lang="hu">Négy.</q></div></td>)"));
  EXPECT_THAT(html, HasSubstr(R"(<td><a href="#bead-1" data-bead="0">1–2</a></td><td>before)"
                              R"(</td><td></td><td>1–2 (2)</td>)"));
}

TEST(HtmlReport, NothingAlignedIsSaidSo) {
  Bitext bitext = testing::SmallBitext();
  bitext.ladder = {{0, 3, 0, 0, 0.9}, {3, 0, 0, 5, 0.9}};
  ASSERT_TRUE(ValidateBitext(bitext).ok()) << ValidateBitext(bitext).message();
  const ReportStatistics stats = ComputeReportStatistics(bitext);
  EXPECT_EQ(stats.region_beads, 2u);  // everything is what needs review
  EXPECT_TRUE(stats.gaps.empty());
  EXPECT_EQ(stats.outside.size(), 1u);
  std::ostringstream out;
  ASSERT_TRUE(WriteHtmlReport(bitext, {}, out).ok());
  EXPECT_THAT(out.str(), HasSubstr("No bead has sentences on both sides: nothing is aligned."));
}

TEST(HtmlReport, ViewDataCarriesTheBitext) {
  const Bitext bitext = testing::ReviewedBitext();
  const nlohmann::json data = nlohmann::json::parse(ViewDataJson(bitext));
  EXPECT_EQ(data["title"], "en.txt / hu.txt");
  EXPECT_EQ(data["source"]["sentences"], (nlohmann::json{"One.", "Two three.", "Four."}));
  EXPECT_EQ(data["target"]["paragraphs"], (nlohmann::json{0, 3}));
  EXPECT_EQ(data["target"]["language"], "hu");
  EXPECT_EQ(data["beads"][1], (nlohmann::json{1, 1, 1, 2, 0.75}));
  EXPECT_EQ(data["review"][0]["s"], "confirmed");
  EXPECT_EQ(data["review"][0]["n"], "names: Volinsky & <Volynsky>");
  EXPECT_EQ(data["review"][1]["b"], true);
  EXPECT_TRUE(data["review"][2].is_null());  // the default record
}

TEST(HtmlReport, TextCannotBreakOutOfTheScript) {
  Bitext bitext = testing::SmallBitext();
  // A sentence that closes the script element and opens another.
  bitext.source.text = "</script><script>alert(1)</script> <!-- x";
  bitext.source.paragraphs = {{{0, 41}, 0, 2, ParagraphKind::kText, {}}};
  bitext.source.sentences = {{{0, 34}, 0, {}}, {{35, 41}, 0, {}}};
  bitext.source.name = "<b>src</b>.txt";
  bitext.ladder = {{0, 1, 0, 1, 0.9}, {1, 1, 1, 2, 0.75}, {2, 0, 3, 2, 1.0}};
  ASSERT_TRUE(ValidateBitext(bitext).ok()) << ValidateBitext(bitext).message();
  const std::string json = ViewDataJson(bitext);
  EXPECT_THAT(json, Not(HasSubstr("<")));
  EXPECT_THAT(json, Not(HasSubstr(">")));
  EXPECT_EQ(nlohmann::json::parse(json)["source"]["sentences"][0],
            "</script><script>alert(1)</script>");
  std::ostringstream out;
  ASSERT_TRUE(WriteHtmlReport(bitext, {}, out).ok());
  const std::string html = out.str();
  EXPECT_THAT(html, Not(HasSubstr("<b>src</b>")));
  EXPECT_THAT(html, HasSubstr("&lt;b&gt;src&lt;/b&gt;.txt"));
  EXPECT_THAT(html, Not(HasSubstr("alert(1)</script>")));
}

TEST(HtmlReport, WritesStatisticsHeaderAndData) {
  const Bitext bitext = testing::ReviewedBitext();
  std::ostringstream out;
  HtmlReportOptions options;
  options.generator = "tandem 9.9";
  options.timestamp = "2026-11-22T10:00:00Z";
  options.bitext_path = "out/pair.tei.xml";
  ASSERT_TRUE(WriteHtmlReport(bitext, options, out).ok());
  const std::string html = out.str();
  EXPECT_THAT(html, HasSubstr("<title>Alignment report: en.txt / hu.txt</title>"));
  EXPECT_THAT(html,
              HasSubstr("report by tandem 9.9, 2026-11-22T10:00:00Z; corpus out/pair.tei.xml"));
  EXPECT_THAT(html, HasSubstr("<td>1:1</td><td class=\"n\">2</td><td class=\"n\">50.0%</td>"));
  EXPECT_THAT(html, HasSubstr("<td>confirmed</td><td class=\"n\">1</td>"));  // in the region
  EXPECT_THAT(html, HasSubstr("Beads <a href=\"#bead-1\" data-bead=\"0\">1–3</a> of 4"));
  EXPECT_THAT(html, HasSubstr(R"(<a href="#bead-4" data-bead="3">4</a></td><td>after)"));
  EXPECT_THAT(html, HasSubstr("window.Tandem"));  // the script is inside
  EXPECT_THAT(html, HasSubstr(".bead .gutter"));  // and the style
  EXPECT_THAT(html, Not(HasSubstr("{{")));
}

TEST(HtmlReport, ListsOnlyTheLongestStretchesWhenThereAreMany) {
  Bitext bitext = testing::SmallBitext();
  bitext.ladder = {{0, 1, 0, 1, 0.9},
                   {1, 0, 1, 1, 0.9},
                   {1, 1, 2, 1, 0.9},
                   {2, 0, 3, 1, 0.9},
                   {2, 1, 4, 1, 0.9}};
  ASSERT_TRUE(ValidateBitext(bitext).ok()) << ValidateBitext(bitext).message();
  HtmlReportOptions options;
  options.max_stretches = 0;
  std::ostringstream out;
  ASSERT_TRUE(WriteHtmlReport(bitext, options, out).ok());
  EXPECT_THAT(out.str(), HasSubstr("the 0 longest"));
}

TEST(HtmlReport, RefusesAnInvalidBitext) {
  Bitext bitext = testing::SmallBitext();
  bitext.ladder.pop_back();
  std::ostringstream out;
  EXPECT_FALSE(WriteHtmlReport(bitext, {}, out).ok());
}

}  // namespace
}  // namespace tandem::corpora
