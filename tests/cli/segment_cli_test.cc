// `tandem segment` and the input options of `tandem align`, end to end with the real binary:
// formats, encodings, abbreviation files, standard input, and the error paths.
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

TEST(SegmentCli, JsonLinesWithSpansParagraphsAndKinds) {
  const CommandResult r = Tandem({"segment", "-l", "en", "-f", "jsonl", "-"},
                                 "Reply to Stalin\n\nMr. Smith came. He left.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"begin\":0,\"end\":15,\"index\":0,\"kind\":\"heading\",\"paragraph\":0,"
            "\"text\":\"Reply to Stalin\"}\n"
            "{\"begin\":17,\"end\":32,\"index\":1,\"kind\":\"text\",\"paragraph\":1,"
            "\"text\":\"Mr. Smith came.\"}\n"
            "{\"begin\":33,\"end\":41,\"index\":2,\"kind\":\"text\",\"paragraph\":1,"
            "\"text\":\"He left.\"}\n");
}

TEST(SegmentCli, ConvertedInputSaysSoInEveryRecord) {
  TempDir dir;
  WriteFile(dir.File("l2.txt"), "\xD5sz van. T\xE9l lesz.\n");  // ISO-8859-2
  const CommandResult r = Tandem(
      {"segment", "-l", "hu", "--encoding", "ISO-8859-2", "--format", "jsonl", dir.File("l2.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json second = nlohmann::json::parse(r.out.substr(r.out.find('\n') + 1));
  EXPECT_EQ(second["text"], "T\u00e9l lesz.");
  EXPECT_EQ(second["begin"], 10);  // bytes of the UTF-8 conversion ("Ősz van. " is 10 bytes)
  EXPECT_EQ(second["encoding"], "ISO-8859-2");
}

TEST(SegmentCli, TextFormatJoinsWrappedLines) {
  const CommandResult r =
      Tandem({"segment", "-l", "en", "-"},
             "This paragraph has been wrapped at a narrow column, as in\nGutenberg files. It ends "
             "here.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "This paragraph has been wrapped at a narrow column, as in Gutenberg files.\nIt ends "
            "here.\n");
}

TEST(SegmentCli, AbbreviationFile) {
  TempDir dir;
  WriteFile(dir.File("abbr.txt"), "Sec.\n");
  const std::string text = "Ask the Sec. Jones about it.\n";
  CommandResult r = Tandem({"segment", "-l", "en", "-"}, text);
  EXPECT_EQ(r.out, "Ask the Sec.\nJones about it.\n");
  r = Tandem({"segment", "-l", "en", "--abbreviations", dir.File("abbr.txt"), "-"}, text);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Ask the Sec. Jones about it.\n");
}

TEST(SegmentCli, BundledLettersHardCases) {
  CommandResult r = Tandem({"segment", "-l", "en", SamplePath("en.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("L.D. Trotsky\n\nReply to Stalin\n"));
  EXPECT_THAT(r.out, HasSubstr("\nFirst Published: Trotsky\u2019s Reply to Stalin, The Militant, "
                               "Vol. II. No. 7, 1 April 1929, pp.\u00a01\u00a0&\u00a04.\n"));
  EXPECT_THAT(r.out, HasSubstr("\nToday, December 16th, the representative of the Council of the "
                               "G.P.U. Volinsky transmitted"));
  r = Tandem({"segment", "-l", "hu", SamplePath("hu.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\n[L. TROCKIJ] L. D. TROCKJ LEJ\u00c1RT\u00c1S\u00c1NAK"));
  EXPECT_THAT(r.out, HasSubstr("az Art. 58-10. \u00a7-a szerint"));
  EXPECT_THAT(r.out, HasSubstr("1929. janu\u00e1r 18-i"));
  EXPECT_THAT(r.out, HasSubstr("\n\u201e...Hasonl\u00f3 gondolkod\u00e1s\u00fa"));
  EXPECT_THAT(r.out, HasSubstr("a polg\u00e1rh\u00e1bor\u00fa \u00f3ta, vol. Szermukot"));
}

// Errors: a clear message, the right exit code, and an existing output left alone.
class SegmentCliErrors : public ::testing::Test {
 protected:
  void SetUp() override { WriteFile(dir_.File("out.txt"), "previous"); }
  CommandResult Segment(std::vector<std::string> extra, const std::string& content) {
    WriteFile(dir_.File("in.txt"), content);
    std::vector<std::string> args = {"segment", "-l", "hu", "-o", dir_.File("out.txt")};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(dir_.File("in.txt"));
    return Tandem(args);
  }
  void ExpectUntouched() { EXPECT_EQ(ReadFile(dir_.File("out.txt")), "previous"); }
  TempDir dir_;
};

TEST_F(SegmentCliErrors, InvalidUtf8NamesPlaceAndGuess) {
  std::string latin2;
  for (int i = 0; i < 20; ++i) latin2 += "A b\xF5r \xE9s a k\xE9z, \xF5sz \xE9s t\xE9l. ";
  const CommandResult r = Segment({}, latin2);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("in.txt:1:4: invalid UTF-8 (byte 0xF5); the file may be in"));
  EXPECT_THAT(r.err, HasSubstr("try --encoding"));
  ExpectUntouched();
}

TEST_F(SegmentCliErrors, NulByte) {
  const CommandResult r = Segment({}, std::string("Egy.\nK\xC3\xA9t\0.", 11));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("in.txt:2:4: a NUL character"));
  ExpectUntouched();
}

TEST_F(SegmentCliErrors, UnknownEncodingIsAUsageError) {
  const CommandResult r = Segment({"--encoding", "no-such-code"}, "x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown encoding 'no-such-code'"));
  ExpectUntouched();
}

TEST_F(SegmentCliErrors, BadAbbreviationFileNamesFileAndLine) {
  WriteFile(dir_.File("abbr.txt"), "stb.\nkb\n");
  const CommandResult r = Segment({"--abbreviations", dir_.File("abbr.txt")}, "x");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("abbr.txt:2: an abbreviation is written with its final period"));
  ExpectUntouched();
}

TEST_F(SegmentCliErrors, MissingAbbreviationFileIsAUsageError) {
  const CommandResult r = Segment({"--abbreviations", dir_.File("none.txt")}, "x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("none.txt"));
  ExpectUntouched();
}

TEST_F(SegmentCliErrors, UnknownFormatIsAUsageError) {
  const CommandResult r = Segment({"--format", "xml"}, "x");
  EXPECT_EQ(r.exit_code, 2);
  ExpectUntouched();
}

TEST_F(SegmentCliErrors, EmptyAndBlankFilesGiveEmptyOutput) {
  for (const std::string content : {"", "  \r\n\t\n"}) {
    const CommandResult r = Segment({}, content);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(ReadFile(dir_.File("out.txt")), "");
  }
}

TEST(AlignCli, SourceAndTargetEncodings) {
  TempDir dir;
  WriteFile(dir.File("en.txt"), "One sentence here.\nAnother one there.\n");
  WriteFile(dir.File("hu.txt"), "Egy mondat itt.\nEgy m\xE1sik ott.\n");  // ISO-8859-2
  CommandResult r = Tandem({"align", "-q", "-s", "en", "-t", "hu", "-f", "jsonl",
                            dir.File("en.txt"), dir.File("hu.txt")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("hu.txt:2:6: invalid UTF-8 (byte 0xE1)"));
  r = Tandem({"align", "-q", "-s", "en", "-t", "hu", "-f", "jsonl", "--target-encoding",
              "ISO-8859-2", dir.File("en.txt"), dir.File("hu.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"text\":\"Egy m\u00e1sik ott.\""));
}

TEST(AlignCli, AbbreviationFilesPerSide) {
  TempDir dir;
  WriteFile(dir.File("abbr.txt"), "Sec.\n");
  WriteFile(dir.File("en.txt"), "Ask the Sec. Jones about it.\n");
  WriteFile(dir.File("hu.txt"), "K\xC3\xA9rdezd meg Jonest.\n");
  const std::string whole = "\"text\":\"Ask the Sec. Jones about it.\"";
  CommandResult r = Tandem({"align", "-q", "-s", "en", "-t", "hu", "-f", "jsonl",
                            dir.File("en.txt"), dir.File("hu.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr(whole)));
  r = Tandem({"align", "-q", "-s", "en", "-t", "hu", "-f", "jsonl", "--source-abbreviations",
              dir.File("abbr.txt"), dir.File("en.txt"), dir.File("hu.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(whole));
}

}  // namespace
}  // namespace tandem
