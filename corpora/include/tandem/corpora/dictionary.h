// Bilingual dictionaries from files, as lexicons for the aligner (align/lexicon.h): FreeDict
// dictionaries in dictd format, found automatically for two languages, and user
// dictionaries (tab-separated word pairs or hunalign's .dic format).
//
//   tandem::corpora::DictionaryRequest request;            // specs = {"auto"}
//   TANDEM_ASSIGN_OR_RETURN(std::vector<tandem::align::Lexicon> lexicons,
//                           tandem::corpora::LoadDictionaries(request, "en", "hu"));
//   // freedict-eng-hun as it is, freedict-hun-eng reversed: both oriented en -> hu
//
// FreeDict (docs/formats.md): `NAME.index` lists `headword TAB offset TAB length` with offset
// and length in dictd's base64 digits; `NAME.dict.dz` is the gzip-compressed (dictzip) text of
// all entries, inflated whole with zlib. An entry is a headword line (headword, then IPA in
// slashes and a part of speech in angle brackets), then its translations: the line after the
// headword, and every line numbered "1. ", "2. ", ...; other lines are definitions in the
// headword's language and are skipped. Translations are split at commas and semicolons;
// parenthesised notes are dropped. The English-Hungarian dictionary writes ő and ű as ô and û
// (letters Hungarian does not have): the Hungarian side of every FreeDict dictionary is
// repaired when loading.
//
// Every error names the file and, for content errors, the line:
//   my.dic:7: expected 'target @ source' (hunalign dictionary format)
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/align/lexicon.h"
#include "tandem/core/status.h"

namespace tandem::corpora {

// Where Debian's dict-freedict-* packages install their files.
inline constexpr std::string_view kFreeDictDirectory = "/usr/share/dictd";

// Reads the FreeDict dictionary `directory`/freedict-FROM-TO.{index,dict.dz}. Entries are
// oriented FROM -> TO, or TO -> FROM when `reverse`. The lexicon is named "freedict-FROM-TO".
StatusOr<align::Lexicon> ReadFreeDict(const std::string& directory, const std::string& from,
                                      const std::string& to, bool reverse);

// Reads a user dictionary, oriented source -> target of the alignment. The format is decided
// by the first line that is neither blank nor a comment (#):
// - tab-separated: `source TAB target` (further columns are ignored);
// - hunalign's .dic: `target @ source` (the target phrase first, as hunalign writes it).
// Every other line must then have the same format.
StatusOr<align::Lexicon> ReadUserDictionary(const std::string& path);

// The FreeDict dictionaries between two languages (BCP 47 tags) in `directory`:
// freedict-SRC-TGT as it is and freedict-TGT-SRC reversed, with FreeDict's language codes
// (FreeDictCodes: hun, eng, deu, fra, isl; rom for Romanian). Either, both or none may exist.
StatusOr<std::vector<align::Lexicon>> FindFreeDictionaries(const std::string& directory,
                                                           const std::string& source_language,
                                                           const std::string& target_language);

// --- Which FreeDict dictionaries there are --------------------------------------------------
// Debian packages every FreeDict dictionary as dict-freedict-FROM-TO; it installs
// kFreeDictDirectory/freedict-FROM-TO.{index,dict.dz}. The codes are ISO 639-3 as FreeDict
// writes them (a few are older codes: "rom" is Romanian, "nor" Norwegian, "swh" Swahili).
//
//   std::vector<FreeDictName> installed = InstalledFreeDictionaries(kFreeDictDirectory);
//   for (const FreeDictName& d : FreeDictionariesFor(DebianFreeDictionaries(), "en", "de"))
//     std::cout << d.DebianPackage() << '\n';   // dict-freedict-eng-deu, dict-freedict-deu-eng
struct FreeDictName {
  std::string from;  // FreeDict's code of the headwords' language ("eng")
  std::string to;    // of the translations ("hun")

  std::string Name() const;           // "freedict-eng-hun", as the files and lexicons are named
  std::string DebianPackage() const;  // "dict-freedict-eng-hun"
  bool operator==(const FreeDictName&) const = default;
  auto operator<=>(const FreeDictName&) const = default;
};

// FreeDict's codes for a language tag, the usual one first ("de" -> deu; "ro" -> ron, rom;
// "nb" -> nob, nor); empty when the language is unknown.
std::vector<std::string> FreeDictCodes(const std::string& language_tag);
// The language tag tandem uses for a FreeDict code ("deu" -> "de", "rom" -> "ro"); the code
// itself for a code it does not know.
std::string FreeDictLanguageTag(std::string_view code);

// The dictionaries installed in `directory` (both files of each), sorted.
std::vector<FreeDictName> InstalledFreeDictionaries(const std::string& directory);

// The dictionaries Debian packages, from package names: `package_names` (for example what
// `apt-cache pkgnames dict-freedict-` says on this machine), or, when it is empty, Debian 12's,
// built in (corpora/data/freedict-debian12.txt). Names of other forms are ignored. Sorted.
std::vector<FreeDictName> DebianFreeDictionaries(
    const std::vector<std::string>& package_names = {});

// Of `dictionaries`, those between the two languages, in either direction: source -> target first.
std::vector<FreeDictName> FreeDictionariesFor(const std::vector<FreeDictName>& dictionaries,
                                              const std::string& source_language,
                                              const std::string& target_language);

struct DictionaryRequest {
  // Each element is "auto" (the FreeDict dictionaries of the two languages), "none" (no
  // dictionary: must then be the only element) or the path of a user dictionary.
  std::vector<std::string> specs = {"auto"};
  std::string freedict_directory = std::string(kFreeDictDirectory);
  // Where prepared dictionaries are kept (LoadPreparedDictionaries): empty for the user's
  // cache directory (DefaultDictionaryCache()), "none" for nowhere (prepared at every load).
  std::string cache_directory;
};

// The lexicons `request` asks for, oriented source -> target: for "auto" the FreeDict
// dictionaries of the pair found in `request.freedict_directory` (possibly none), for a path the
// user dictionary in it; nothing for "none" (kInvalidArgument beside other elements). Errors
// name the file.
StatusOr<std::vector<align::Lexicon>> LoadDictionaries(const DictionaryRequest& request,
                                                       const std::string& source_language,
                                                       const std::string& target_language);

// The bytes on disk of the dictionary files LoadDictionaries would read for the request (for
// "auto", the FreeDict files of the pair found, both directions); 0 for "none". Loading a
// dictionary takes a few times this much memory (EstimateAlignmentMemory).
std::uint64_t DictionaryFileBytes(const DictionaryRequest& request,
                                  const std::string& source_language,
                                  const std::string& target_language);

// --- Prepared dictionaries, kept in a cache -------------------------------------------------
// Reading and preparing a FreeDict dictionary (align::PreparedLexicon) takes seconds; aligning a
// short pair takes milliseconds. So a prepared dictionary is kept in a cache directory, one file
// per dictionary and language pair, named after the dictionary and a hash of what it was made
// from: the source files' paths, sizes and modification times, the languages, tandem's version
// and the prepared format's version. The file is mapped into memory, not parsed; a file that is
// truncated, damaged or of another version is rebuilt (with a note), never trusted; a cache
// directory that cannot be written only makes loading slower (with a note). Older files of the
// same dictionary and languages are removed when a new one is written.
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::corpora::PreparedDictionaries dictionaries,
//                           tandem::corpora::LoadPreparedDictionaries({}, "en", "hu"));
//   // dictionaries.lexicons: freedict-eng-hun, freedict-hun-eng (reversed), ready to align

// $XDG_CACHE_HOME/tandem, else $HOME/.cache/tandem; empty when neither variable is set.
std::string DefaultDictionaryCache();

struct PreparedDictionaries {
  std::vector<std::shared_ptr<const align::PreparedLexicon>> lexicons;
  std::size_t from_cache = 0;  // how many of them were found prepared in the cache
  // What went wrong with the cache, for the user ("... was damaged and has been rebuilt"); the
  // dictionaries are loaded all the same.
  std::vector<std::string> notes;
};

// The dictionaries of `request` (as LoadDictionaries), prepared for the language pair: from the
// cache when there, else read, prepared and stored there.
StatusOr<PreparedDictionaries> LoadPreparedDictionaries(const DictionaryRequest& request,
                                                        const std::string& source_language,
                                                        const std::string& target_language);

// Decodes a number in dictd's base64 digits (A-Z a-z 0-9 + /, most significant first); false
// for an empty string, a character outside the alphabet or a value that does not fit.
bool DecodeDictdNumber(std::string_view digits, std::size_t& value);

}  // namespace tandem::corpora
