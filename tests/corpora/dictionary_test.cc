#include "tandem/corpora/dictionary.h"

#include <algorithm>
#include <zlib.h>

#include <gtest/gtest.h>

#include "test_util.h"

namespace tandem::corpora {
namespace {

std::string Gzip(const std::string& text) {
  z_stream stream{};
  EXPECT_EQ(
      deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
      Z_OK);
  std::string out(deflateBound(&stream, text.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// dictd's base64 digits of a number.
std::string Digits(std::size_t value) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  do {
    out.insert(out.begin(), kAlphabet[value % 64]);
    value /= 64;
  } while (value > 0);
  return out;
}

// Writes DIR/freedict-FROM-TO.{index,dict.dz} holding `entries` (each a full entry text).
void WriteFreeDict(const testing::TempDir& dir, const std::string& name,
                   const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string dict = "00-database-info\nA test dictionary.\n\n";
  std::string index = "00databaseinfo\tA\t" + Digits(dict.size()) + "\n";
  for (const auto& [key, entry] : entries) {
    index += key + "\t" + Digits(dict.size()) + "\t" + Digits(entry.size()) + "\n";
    dict += entry;
  }
  testing::WriteFile(dir.File(name + ".index"), index);
  testing::WriteFile(dir.File(name + ".dict.dz"), Gzip(dict));
}

bool Has(const align::Lexicon& lexicon, const std::string& source, const std::string& target) {
  return std::find(lexicon.entries.begin(), lexicon.entries.end(),
                   align::LexiconEntry{source, target}) != lexicon.entries.end();
}

TEST(DecodeDictdNumber, Base64Digits) {
  std::size_t value = 0;
  ASSERT_TRUE(DecodeDictdNumber("A", value));
  EXPECT_EQ(value, 0u);
  ASSERT_TRUE(DecodeDictdNumber("B", value));
  EXPECT_EQ(value, 1u);
  ASSERT_TRUE(DecodeDictdNumber("BA", value));
  EXPECT_EQ(value, 64u);
  ASSERT_TRUE(DecodeDictdNumber("elV5", value));
  EXPECT_EQ(value, ((30u * 64 + 37) * 64 + 21) * 64 + 57);
  EXPECT_FALSE(DecodeDictdNumber("", value));
  EXPECT_FALSE(DecodeDictdNumber("a-b", value));
  EXPECT_FALSE(DecodeDictdNumber("//////////////", value));  // too large
}

TEST(ReadFreeDict, EntriesSensesAndDefinitions) {
  testing::TempDir dir;
  WriteFreeDict(dir, "freedict-eng-hun",
                {{"answer",
                  "answer /\xCB\x88"
                  "ans\xC9\x99/\n1. v\xC3\xA1lasz\n2. felelet\n"
                  "3. megold\xC3\xA1s (feladat\xC3\xA9)\n\n"},
                 // ő and ű written as ô and û, as in the real eng-hun.
                 {"hundred", "hundred\nsz\xC3\xA1z, sz\xC3\xA1zas\n\n"},
                 {"autumn", "autumn\n\xC3\xB4sz\n\n"},
                 {"deep", "deep\nm\xC3\xA9ly\xC3\xBB\n\n"}});
  WriteFreeDict(dir, "freedict-deu-fra",
                {{"haus",
                  "Haus /ha\xCA\x8As/ <n, neut>\n1. maison 2.\nzum Wohnen dienendes "
                  "Geb\xC3\xA4ude\n 3.\nGesamtheit der Bewohner\n2. chambre\n"
                  "gesetzgebende K\xC3\xB6rperschaft\n\n"}});
  StatusOr<align::Lexicon> eng_hun = ReadFreeDict(dir.path().string(), "eng", "hun", false);
  ASSERT_TRUE(eng_hun.ok()) << eng_hun.status().message();
  EXPECT_EQ(eng_hun->name, "freedict-eng-hun");
  EXPECT_TRUE(Has(*eng_hun, "answer", "v\xC3\xA1lasz"));
  EXPECT_TRUE(Has(*eng_hun, "answer", "felelet"));
  EXPECT_TRUE(Has(*eng_hun, "answer", "megold\xC3\xA1s"));  // the note is dropped
  EXPECT_TRUE(Has(*eng_hun, "hundred", "sz\xC3\xA1zas"));
  EXPECT_TRUE(Has(*eng_hun, "autumn", "\xC5\x91sz"));         // ősz, repaired
  EXPECT_TRUE(Has(*eng_hun, "deep", "m\xC3\xA9ly\xC5\xB1"));  // mélyű
  EXPECT_EQ(eng_hun->entries.size(), 7u);
  StatusOr<align::Lexicon> reversed = ReadFreeDict(dir.path().string(), "eng", "hun", true);
  ASSERT_TRUE(reversed.ok());
  EXPECT_TRUE(Has(*reversed, "v\xC3\xA1lasz", "answer"));
  // Definitions in the headword's language are not translations.
  StatusOr<align::Lexicon> deu_fra = ReadFreeDict(dir.path().string(), "deu", "fra", false);
  ASSERT_TRUE(deu_fra.ok()) << deu_fra.status().message();
  EXPECT_TRUE(Has(*deu_fra, "Haus", "maison"));
  EXPECT_TRUE(Has(*deu_fra, "Haus", "chambre"));
  EXPECT_EQ(deu_fra->entries.size(), 2u);
}

TEST(ReadFreeDict, ErrorsNameFileAndLine) {
  testing::TempDir dir;
  WriteFreeDict(dir, "freedict-eng-hun", {{"a", "a\nb\n\n"}});
  testing::WriteFile(dir.File("freedict-eng-hun.index"), "00databaseinfo\tA\tB\nbroken line\n");
  StatusOr<align::Lexicon> broken = ReadFreeDict(dir.path().string(), "eng", "hun", false);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().code(), StatusCode::kInvalidData);
  EXPECT_NE(broken.status().message().find("freedict-eng-hun.index:2:"), std::string::npos)
      << broken.status().message();
  testing::WriteFile(dir.File("freedict-eng-hun.index"), "a\tB\t!!\n");
  EXPECT_NE(ReadFreeDict(dir.path().string(), "eng", "hun", false)
                .status()
                .message()
                .find("freedict-eng-hun.index:1: offset and length"),
            std::string::npos);
  testing::WriteFile(dir.File("freedict-eng-hun.index"), "a\tB\tBAAA\n");
  EXPECT_NE(ReadFreeDict(dir.path().string(), "eng", "hun", false)
                .status()
                .message()
                .find("beyond the end"),
            std::string::npos);
  testing::WriteFile(dir.File("freedict-eng-hun.dict.dz"), "not gzip");
  StatusOr<align::Lexicon> bad_gzip = ReadFreeDict(dir.path().string(), "eng", "hun", false);
  ASSERT_FALSE(bad_gzip.ok());
  EXPECT_NE(bad_gzip.status().message().find("freedict-eng-hun.dict.dz"), std::string::npos);
  EXPECT_EQ(ReadFreeDict(dir.path().string(), "eng", "xyz", false).status().code(),
            StatusCode::kNotFound);
}

// Found by fuzz_dictionary (tests/fuzz): an index whose offsets cut a character of the entries
// in half let invalid UTF-8 into the lexicon. The fuzzer's input had "Hr TAB C TAB K" (offset
// 2, length 10) over entries "l\n4letter=/\xCB\x88l...", ending between the two bytes of ˈ;
// here the same with offset 0 and length 9 ("J").
TEST(ReadFreeDict, AnIndexThatCutsCharactersIsRefused) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("freedict-eng-hun.index"), "letter\tA\tJ\n");
  testing::WriteFile(dir.File("freedict-eng-hun.dict.dz"),
                     Gzip("letter=/\xCB\x88l\xC9\x9Bt\xC9\x99/ <n>\nlev\n"));
  for (const bool reverse : {false, true}) {
    StatusOr<align::Lexicon> lexicon = ReadFreeDict(dir.path().string(), "eng", "hun", reverse);
    ASSERT_FALSE(lexicon.ok());
    EXPECT_EQ(lexicon.status().code(), StatusCode::kInvalidData);
    EXPECT_NE(lexicon.status().message().find("freedict-eng-hun.index:1: the entry at 0+9 cuts a "
                                              "character of freedict-eng-hun.dict.dz in half"),
              std::string::npos)
        << lexicon.status().message();
  }
  // The same entry, cut where a character begins, is read.
  testing::WriteFile(dir.File("freedict-eng-hun.index"), "letter\tA\tK\n");
  EXPECT_TRUE(ReadFreeDict(dir.path().string(), "eng", "hun", false).ok());
}

TEST(ReadUserDictionary, TabSeparatedAndHunalign) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("my.tsv"),
                     "# source<TAB>target\nanswer\tv\xC3\xA1lasz\n\ngive up\tfelad\textra\n");
  StatusOr<align::Lexicon> tsv = ReadUserDictionary(dir.File("my.tsv"));
  ASSERT_TRUE(tsv.ok()) << tsv.status().message();
  EXPECT_EQ(tsv->name, "my.tsv");
  EXPECT_EQ(tsv->entries,
            (std::vector<align::LexiconEntry>{{"answer", "v\xC3\xA1lasz"}, {"give up", "felad"}}));
  // hunalign writes the target phrase first.
  testing::WriteFile(dir.File("my.dic"), "v\xC3\xA1lasz @ answer\nfelad @ give up\n");
  StatusOr<align::Lexicon> dic = ReadUserDictionary(dir.File("my.dic"));
  ASSERT_TRUE(dic.ok()) << dic.status().message();
  EXPECT_EQ(dic->entries, tsv->entries);
}

TEST(ReadUserDictionary, BadLinesNameFileAndLine) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("bad.dic"), "v\xC3\xA1lasz @ answer\nno separator here\n");
  StatusOr<align::Lexicon> dic = ReadUserDictionary(dir.File("bad.dic"));
  ASSERT_FALSE(dic.ok());
  EXPECT_EQ(dic.status().code(), StatusCode::kInvalidData);
  EXPECT_NE(dic.status().message().find("bad.dic:2: expected 'target @ source'"), std::string::npos)
      << dic.status().message();
  testing::WriteFile(dir.File("bad.tsv"), "a\tb\n\tonly target\n");
  EXPECT_NE(ReadUserDictionary(dir.File("bad.tsv")).status().message().find("bad.tsv:2:"),
            std::string::npos);
  testing::WriteFile(dir.File("what.txt"), "just words\n");
  EXPECT_NE(ReadUserDictionary(dir.File("what.txt")).status().message().find("what.txt:1:"),
            std::string::npos);
  testing::WriteFile(dir.File("latin2.tsv"), "a\t\xF5\n");
  EXPECT_EQ(ReadUserDictionary(dir.File("latin2.tsv")).status().code(), StatusCode::kInvalidData);
  EXPECT_EQ(ReadUserDictionary(dir.File("missing.tsv")).status().code(), StatusCode::kNotFound);
}

TEST(LoadDictionaries, AutoNoneAndFiles) {
  testing::TempDir dir;
  WriteFreeDict(dir, "freedict-eng-hun", {{"answer", "answer\nv\xC3\xA1lasz\n\n"}});
  WriteFreeDict(dir, "freedict-hun-eng", {{"felelet", "felelet\nanswer\n\n"}});
  testing::WriteFile(dir.File("my.tsv"), "horse\tl\xC3\xB3\n");
  DictionaryRequest request;
  request.freedict_directory = dir.path().string();
  StatusOr<std::vector<align::Lexicon>> automatic = LoadDictionaries(request, "en", "hu");
  ASSERT_TRUE(automatic.ok()) << automatic.status().message();
  ASSERT_EQ(automatic->size(), 2u);
  EXPECT_EQ((*automatic)[0].name, "freedict-eng-hun");
  EXPECT_EQ((*automatic)[1].name, "freedict-hun-eng");
  EXPECT_TRUE(Has((*automatic)[1], "answer", "felelet"));  // reversed to en -> hu
  // The other direction of the pair.
  StatusOr<std::vector<align::Lexicon>> back = LoadDictionaries(request, "hu", "en");
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(Has((*back)[0], "felelet", "answer"));
  EXPECT_TRUE(Has((*back)[1], "v\xC3\xA1lasz", "answer"));
  // No FreeDict for the pair: nothing, and no error.
  StatusOr<std::vector<align::Lexicon>> none_found = LoadDictionaries(request, "en", "fi");
  ASSERT_TRUE(none_found.ok());
  EXPECT_TRUE(none_found->empty());
  request.specs = {"none"};
  EXPECT_TRUE(LoadDictionaries(request, "en", "hu")->empty());
  request.specs = {"auto", dir.File("my.tsv")};
  StatusOr<std::vector<align::Lexicon>> both = LoadDictionaries(request, "en", "hu");
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->size(), 3u);
  request.specs = {"none", dir.File("my.tsv")};
  EXPECT_EQ(LoadDictionaries(request, "en", "hu").status().code(), StatusCode::kInvalidArgument);
}

// The dictionaries Debian installs (dict-freedict-*, scripts/install-deps.sh).
TEST(FindFreeDictionaries, InstalledEnglishHungarian) {
  StatusOr<std::vector<align::Lexicon>> found =
      FindFreeDictionaries(std::string(kFreeDictDirectory), "en", "hu");
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found->size(), 2u) << "install dict-freedict-eng-hun and dict-freedict-hun-eng";
  EXPECT_GT((*found)[0].entries.size(), 100000u);
  EXPECT_TRUE(Has((*found)[0], "answer", "v\xC3\xA1lasz"));
  // No ô or û is left on the Hungarian side.
  for (const align::LexiconEntry& entry : (*found)[0].entries) {
    ASSERT_EQ(entry.target.find("\xC3\xB4"), std::string::npos) << entry.target;
    ASSERT_EQ(entry.target.find("\xC3\xBB"), std::string::npos) << entry.target;
  }
  EXPECT_TRUE(Has((*found)[1], "answer", "v\xC3\xA1lasz"));  // hun-eng, reversed
}

// FreeDict's own codes: Romanian is "rom" in its names (eng-rom), Swahili "swh", Norwegian
// "nor"; a language tag finds them all.
TEST(FreeDictCodes, TagsAndFreeDictsOwnCodes) {
  EXPECT_EQ(FreeDictCodes("de"), (std::vector<std::string>{"deu"}));
  EXPECT_EQ(FreeDictCodes("ro"), (std::vector<std::string>{"ron", "rom"}));
  EXPECT_EQ(FreeDictCodes("sw"), (std::vector<std::string>{"swa", "swh"}));
  EXPECT_EQ(FreeDictCodes("nb"), (std::vector<std::string>{"nob", "nor"}));
  EXPECT_TRUE(FreeDictCodes("xx-nonsense").empty());
  EXPECT_EQ(FreeDictLanguageTag("deu"), "de");
  EXPECT_EQ(FreeDictLanguageTag("rom"), "ro");
  EXPECT_EQ(FreeDictLanguageTag("swh"), "sw");
  EXPECT_EQ(FreeDictLanguageTag("kha"), "kha");  // no shorter tag
}

TEST(InstalledFreeDictionaries, BothFilesOfEachAndFreeDictsCodes) {
  testing::TempDir dir;
  WriteFreeDict(dir, "freedict-eng-rom", {{"answer", "answer\nraspuns\n\n"}});
  WriteFreeDict(dir, "freedict-hun-eng", {{"felelet", "felelet\nanswer\n\n"}});
  testing::WriteFile(dir.File("freedict-fra-deu.index"), "a\tA\tB\n");  // no .dict.dz
  testing::WriteFile(dir.File("other.index"), "");
  EXPECT_EQ(InstalledFreeDictionaries(dir.path().string()),
            (std::vector<FreeDictName>{{"eng", "rom"}, {"hun", "eng"}}));
  EXPECT_TRUE(InstalledFreeDictionaries(dir.File("missing")).empty());
  // Romanian to English finds eng-rom and reads it reversed.
  StatusOr<std::vector<align::Lexicon>> found =
      FindFreeDictionaries(dir.path().string(), "ro", "en");
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].name, "freedict-eng-rom");
}

TEST(DebianFreeDictionaries, BuiltInListAndGivenNames) {
  const std::vector<FreeDictName> debian = DebianFreeDictionaries();
  EXPECT_GE(debian.size(), 200u);  // Debian 12 has 203
  EXPECT_TRUE(std::is_sorted(debian.begin(), debian.end()));
  EXPECT_EQ(FreeDictionariesFor(debian, "en", "de"),
            (std::vector<FreeDictName>{{"eng", "deu"}, {"deu", "eng"}}));
  EXPECT_EQ(FreeDictionariesFor(debian, "is", "en"), (std::vector<FreeDictName>{{"isl", "eng"}}));
  EXPECT_EQ(FreeDictionariesFor(debian, "ro", "en"), (std::vector<FreeDictName>{{"eng", "rom"}}));
  EXPECT_TRUE(FreeDictionariesFor(debian, "en", "et").empty());
  EXPECT_TRUE(FreeDictionariesFor(debian, "en", "en").empty());
  EXPECT_EQ(FreeDictName({"eng", "deu"}).DebianPackage(), "dict-freedict-eng-deu");
  // Names from apt-cache: other forms are ignored, duplicates dropped.
  EXPECT_EQ(DebianFreeDictionaries({"dict-freedict-eng-fin", "dict-freedict-all", "dictd",
                                    "dict-freedict-eng-fin", "dict-freedict-x-y-z"}),
            (std::vector<FreeDictName>{{"eng", "fin"}}));
}

}  // namespace
}  // namespace tandem::corpora
