// The internal utility library (core/util): the UTF-8 helpers and ReplaceAll every layer uses.
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "tandem/util/strings.h"
#include "tandem/util/utf8.h"

namespace tandem::internal {
namespace {

// "aé€😀": code points of 1, 2, 3 and 4 bytes at offsets 0, 1, 3 and 6.
constexpr std::string_view kText = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";

TEST(Utf8, DecodesEachLength) {
  struct Case {
    std::size_t pos;
    char32_t code_point;
    std::size_t length;
  };
  for (const Case& c : {Case{0, U'a', 1}, Case{1, U'\u00E9', 2}, Case{3, U'\u20AC', 3},
                        Case{6, U'\U0001F600', 4}}) {
    std::size_t length = 0;
    EXPECT_EQ(DecodeAt(kText, c.pos, &length), c.code_point) << c.pos;
    EXPECT_EQ(length, c.length) << c.pos;
  }
  // A sequence cut short by the end reads no further than the text.
  std::size_t length = 0;
  EXPECT_EQ(DecodeAt(kText.substr(0, 8), 6, &length), char32_t{0x1F000});  // the missing bits 0
  EXPECT_EQ(length, 4u);
}

TEST(Utf8, BoundariesAndCounts) {
  for (std::size_t pos = 0; pos <= kText.size(); ++pos) {
    const bool boundary = pos == 0 || pos == 1 || pos == 3 || pos == 6 || pos == kText.size();
    EXPECT_EQ(IsBoundary(kText, pos), boundary) << pos;
    EXPECT_EQ(pos < kText.size() && IsContinuationByte(kText[pos]), !boundary) << pos;
  }
  EXPECT_EQ(BoundaryAtOrBefore(kText, 5), 3u);
  EXPECT_EQ(BoundaryAtOrBefore(kText, 6), 6u);
  EXPECT_EQ(BoundaryAtOrBefore(kText, 9), 6u);
  EXPECT_EQ(BoundaryAtOrBefore(kText, 9, 8), 8u);  // not below the floor
  EXPECT_EQ(BoundaryAtOrBefore(kText, kText.size()), kText.size());
  EXPECT_EQ(PreviousStart(kText, 6), 3u);
  EXPECT_EQ(CountCodePoints(kText), 4u);
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CodePointPrefix(kText, 2), "a\xC3\xA9");
  EXPECT_EQ(CodePointPrefix(kText, 0), "");
  EXPECT_EQ(CodePointPrefix(kText, 9), kText);
}

TEST(Utf8, AppendsAndTrims) {
  std::string out;
  for (const char32_t c : {U'a', U'\u00E9', U'\u20AC', U'\U0001F600'}) AppendUtf8(c, &out);
  EXPECT_EQ(out, kText);
  // No-break space and U+FEFF are white space; the letters are not.
  const std::string padded = "\xC2\xA0 " + out + "\t\xEF\xBB\xBF";
  std::size_t begin = 0;
  std::size_t end = padded.size();
  TrimSpaces(padded, &begin, &end);
  EXPECT_EQ(padded.substr(begin, end - begin), kText);
}

TEST(Strings, ReplaceAllInOnePass) {
  std::string page = "<p>{{A}}, {{B}}, {{A}}</p>";
  ReplaceAll(page, "{{A}}", "{{B}}");  // a value holding a marker is not expanded again
  EXPECT_EQ(page, "<p>{{B}}, {{B}}, {{B}}</p>");
  ReplaceAll(page, "{{B}}", "");
  EXPECT_EQ(page, "<p>, , </p>");
  ReplaceAll(page, "{{C}}", "x");
  EXPECT_EQ(page, "<p>, , </p>");
}

}  // namespace
}  // namespace tandem::internal
