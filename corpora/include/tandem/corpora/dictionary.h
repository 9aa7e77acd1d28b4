// Bilingual dictionaries from files, as lexicons for the aligner (align/lexicon.h): FreeDict
// dictionaries in dictd format, found automatically for a language pair, and user
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

// The FreeDict dictionaries for a language pair (BCP 47 tags) in `directory`:
// freedict-SRC-TGT as it is and freedict-TGT-SRC reversed, with ISO 639-3 codes (hun, eng,
// deu, fra, isl). Either, both or none may exist.
StatusOr<std::vector<align::Lexicon>> FindFreeDictionaries(const std::string& directory,
                                                           const std::string& source_language,
                                                           const std::string& target_language);

struct DictionaryRequest {
  // Each element is "auto" (the FreeDict dictionaries of the language pair), "none" (no
  // dictionary: must then be the only element) or the path of a user dictionary.
  std::vector<std::string> specs = {"auto"};
  std::string freedict_directory = std::string(kFreeDictDirectory);
};

StatusOr<std::vector<align::Lexicon>> LoadDictionaries(const DictionaryRequest& request,
                                                       const std::string& source_language,
                                                       const std::string& target_language);

// The bytes on disk of the dictionary files LoadDictionaries would read for the request (for
// "auto", the FreeDict files of the pair found, both directions); 0 for "none". Loading a
// dictionary takes a few times this much memory (EstimateAlignmentMemory).
std::uint64_t DictionaryFileBytes(const DictionaryRequest& request,
                                  const std::string& source_language,
                                  const std::string& target_language);

// Decodes a number in dictd's base64 digits (A-Z a-z 0-9 + /, most significant first); false
// for an empty string, a character outside the alphabet or a value that does not fit.
bool DecodeDictdNumber(std::string_view digits, std::size_t& value);

}  // namespace tandem::corpora
