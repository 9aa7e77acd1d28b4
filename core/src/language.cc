#include "tandem/core/language.h"

#include <unicode/locid.h>
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

std::string Iso639_3(const std::string& tag) {
  StatusOr<icu::Locale> locale = internal::IcuLocaleFor(tag);
  if (!locale.ok()) return {};
  return locale->getISO3Language();
}

}  // namespace tandem
