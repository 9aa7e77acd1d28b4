// Facts about languages from ICU's locale data, for headers and resource lookup.
//
//   tandem::LanguageName("hu")    // "Hungarian"
//   tandem::Iso639_3("hu")        // "hun" (the code FreeDict file names use)
//   tandem::IsKnownLanguage("xx") // false
#pragma once

#include <string>
#include <string_view>

namespace tandem {

// True when ICU knows the language of the BCP 47 tag.
bool IsKnownLanguage(const std::string& tag);

// The English name of the language ("Hungarian"), or the tag itself when unknown.
std::string LanguageName(const std::string& tag);

// The canonical BCP 47 form of a language tag, as ICU makes it: "en_US" -> "en-US", "EN-gb" ->
// "en-GB", "zh_hant_tw" -> "zh-Hant-TW", "iw" -> "he", "hun" -> "hu"; a POSIX locale name's
// encoding and modifier are dropped ("hu_HU.UTF-8@euro" -> "hu-HU"). "" when the tag is not
// well-formed even so ("en US", "12", "").
std::string CanonicalLanguageTag(std::string_view tag);

// The ISO 639-3 code ("hun"), or "" when unknown.
std::string Iso639_3(const std::string& tag);

}  // namespace tandem
