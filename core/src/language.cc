#include "tandem/core/language.h"

#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include "icu_util.h"

namespace tandem {

bool IsKnownLanguage(const std::string& tag) { return internal::IcuLocaleFor(tag).ok(); }

std::string LanguageName(const std::string& tag) {
  StatusOr<icu::Locale> locale = internal::IcuLocaleFor(tag);
  if (!locale.ok()) return tag;
  icu::UnicodeString name;
  locale->getDisplayLanguage(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? tag : out;
}

std::string CanonicalLanguageTag(std::string_view tag) {
  std::string bcp47(tag.substr(0, tag.find_first_of(".@")));
  if (bcp47.empty() || bcp47.size() > 200) return {};
  for (char& c : bcp47) {
    if (c == '_') c = '-';
  }
  // The C API says how much of the tag it understood: anything left over is not BCP 47.
  char id[ULOC_FULLNAME_CAPACITY] = {};
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(bcp47.c_str(), id, sizeof id, &parsed, &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING ||
      parsed != static_cast<int32_t>(bcp47.size())) {
    return {};
  }
  icu::Locale locale(id);
  locale.canonicalize(status);
  if (U_FAILURE(status) || locale.isBogus()) return {};
  std::string out = locale.toLanguageTag<std::string>(status);
  if (U_FAILURE(status)) return {};
  return out;
}

std::string Iso639_3(const std::string& tag) {
  StatusOr<icu::Locale> locale = internal::IcuLocaleFor(tag);
  if (!locale.ok()) return {};
  return locale->getISO3Language();
}

}  // namespace tandem
