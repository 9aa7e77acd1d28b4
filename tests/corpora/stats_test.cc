#include "tandem/corpora/stats.h"

#include <regex>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tandem::corpora {
namespace {

using ::testing::HasSubstr;

// The heights of the bars of a chart, in order.
std::vector<int> BarHeights(const std::string& svg) {
  std::vector<int> heights;
  const std::regex bar(R"re(<rect x="\d+" y="\d+" width="\d+" height="(\d+)" fill="#4477aa")re");
  for (std::sregex_iterator m(svg.begin(), svg.end(), bar), end; m != end; ++m) {
    heights.push_back(std::stoi((*m)[1]));
  }
  return heights;
}

// Bins of one or two beads beside one of thousands were drawn with no height, only the largest
// bin was labelled and there was no axis: the count axis is logarithmic now, every bar carries
// its count, and both axes have ticks and titles.
TEST(HistogramSvg, SmallBinsAreVisibleAndEveryBarIsLabelled) {
  const std::string svg = HistogramSvg({.title = "pair: beads by confidence",
                                        .x_title = "confidence of the bead",
                                        .y_title = "beads",
                                        .edges = {"0.0", "0.5", "0.9", "1.0"},
                                        .values = {1, 2, 4321}});
  EXPECT_THAT(svg, ::testing::StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  const std::vector<int> heights = BarHeights(svg);
  ASSERT_EQ(heights.size(), 3u);
  // The plot is 220 high and goes up to 10,000: one bead is log10(2)/log10(10001) of it.
  EXPECT_GE(heights[0], 15);
  EXPECT_GT(heights[1], heights[0]);
  EXPECT_GT(heights[2], heights[1]);
  EXPECT_LE(heights[2], 220);
  for (const char* count : {">1</text>", ">2</text>", ">4321</text>"}) {
    EXPECT_THAT(svg, HasSubstr(count));
  }
  // The count axis: 0, 1, 10, ... 10000, and its title; the bins' edges and their title.
  for (const char* tick :
       {">0</text>", ">10</text>", ">100</text>", ">1000</text>", ">10000</text>"}) {
    EXPECT_THAT(svg, HasSubstr(tick));
  }
  EXPECT_THAT(svg, HasSubstr(">beads (logarithmic scale)</text>"));
  for (const char* edge : {">0.0</text>", ">0.5</text>", ">0.9</text>", ">1.0</text>"}) {
    EXPECT_THAT(svg, HasSubstr(edge));
  }
  EXPECT_THAT(svg, HasSubstr(">confidence of the bead</text>"));
  EXPECT_THAT(svg, HasSubstr("<title>0.0-0.5: 1</title>"));
}

TEST(HistogramSvg, EmptyBinsDrawNothingAndAnEmptyChartIsStillAChart) {
  const std::string svg = HistogramSvg({.title = "t",
                                        .x_title = "x",
                                        .y_title = "beads",
                                        .edges = {"a", "b", "c"},
                                        .values = {0, 0}});
  EXPECT_TRUE(BarHeights(svg).empty());
  EXPECT_THAT(svg, HasSubstr(">0</text>"));
  EXPECT_THAT(svg, HasSubstr("</svg>"));
}

}  // namespace
}  // namespace tandem::corpora
