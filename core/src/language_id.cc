#include "tandem/core/language_id.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <cstdio>  // CLD2's header uses size_t and friends without including them

#include <climits>

namespace tandem {
namespace {

// CLD2 still uses a few pre-BCP 47 codes; everything else it returns is already a tag.
std::string ToBcp47(const char* code) {
  const std::string c(code);
  if (c == "un" || c == "xxx" || c.empty()) return {};
  if (c == "iw") return "he";
  if (c == "in") return "id";
  if (c == "jw") return "jv";
  if (c == "mo") return "ro";
  if (c == "zhT") return "zh-Hant";
  if (c == "zh") return "zh-Hans";
  return c;
}

struct Detection {
  CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                 CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  bool reliable = false;
};

Detection Detect(std::string_view text) {
  Detection d;
  if (text.empty()) return d;
  // CLD2 takes an int length; a prefix of 64 MB says as much about the language as the whole.
  const int length = static_cast<int>(std::min<std::size_t>(text.size(), 64u << 20));
  double normalized_score3[3] = {0, 0, 0};
  int text_bytes = 0;
  int valid_prefix_bytes = 0;
  CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), length, /*is_plain_text=*/true, /*cld_hints=*/nullptr, /*flags=*/0, d.language3,
      d.percent3, normalized_score3, /*resultchunkvector=*/nullptr, &text_bytes, &d.reliable,
      &valid_prefix_bytes);
  return d;
}

}  // namespace

LanguageGuess IdentifyLanguage(std::string_view text) {
  const Detection d = Detect(text);
  LanguageGuess guess;
  guess.language = ToBcp47(CLD2::LanguageCode(d.language3[0]));
  if (guess.language.empty()) return {};
  guess.percent = d.percent3[0];
  guess.reliable = d.reliable;
  return guess;
}

std::vector<LanguageGuess> IdentifyLanguages(std::string_view text) {
  const Detection d = Detect(text);
  std::vector<LanguageGuess> out;
  for (int k = 0; k < 3; ++k) {
    std::string language = ToBcp47(CLD2::LanguageCode(d.language3[k]));
    if (language.empty() || d.percent3[k] == 0) continue;
    out.push_back({std::move(language), d.percent3[k], k == 0 && d.reliable});
  }
  return out;
}

}  // namespace tandem
