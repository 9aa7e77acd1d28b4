// Language identification of a text or of its parts, with CLD2 (Compact Language Detector 2,
// full tables: 160+ languages) behind tandem's own interface.
//
//   tandem::LanguageGuess guess = tandem::IdentifyLanguage(text);
//   if (guess.reliable) std::cout << guess.language << " " << guess.percent << "%\n";  // "hu 99%"
//
// Results are BCP 47 language tags as the rest of tandem uses them ("en", "hu", "nl", "he",
// "zh-Hant"), or "" when CLD2 cannot tell: texts of under about 40 bytes, or text with no
// letters. CLD2 looks at the text's letters only (not at its markup or numbers); it is
// deterministic and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tandem {

struct LanguageGuess {
  std::string language;   // BCP 47 tag; "" when unknown
  int percent = 0;        // share of the text's letters in this language, 0-100
  bool reliable = false;  // CLD2's own verdict: enough text and a clear margin
};

// The main language of valid UTF-8 `text`.
LanguageGuess IdentifyLanguage(std::string_view text);

// Up to three languages found in `text`, the main one first (mixed-language documents).
std::vector<LanguageGuess> IdentifyLanguages(std::string_view text);

}  // namespace tandem
