// Facts about languages from ICU's locale data, for headers and resource lookup.
//
//   tandem::LanguageName("hu")    // "Hungarian"
//   tandem::Iso639_3("hu")        // "hun" (the code FreeDict file names use)
//   tandem::IsKnownLanguage("xx") // false
#pragma once

#include <string>

namespace tandem {

// True when ICU knows the language of the BCP 47 tag.
bool IsKnownLanguage(const std::string& tag);

// The English name of the language ("Hungarian"), or the tag itself when unknown.
std::string LanguageName(const std::string& tag);

// The ISO 639-3 code ("hun"), or "" when unknown.
std::string Iso639_3(const std::string& tag);

}  // namespace tandem
