#include "icu_sentences.h"

#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include "icu_util.h"

namespace tandem::internal {

namespace {

struct BundleCloser {
  void operator()(UResourceBundle* b) const { ures_close(b); }
};
using Bundle = std::unique_ptr<UResourceBundle, BundleCloser>;

}  // namespace

std::vector<std::string> IcuAbbreviations(const std::string& language) {
  std::vector<std::string> out;
  StatusOr<icu::Locale> locale = IcuLocaleFor(language);
  if (!locale.ok()) return out;
  UErrorCode status = U_ZERO_ERROR;
  const Bundle root(ures_open(U_ICUDATA_NAME "-brkitr", locale->getBaseName(), &status));
  if (U_FAILURE(status)) return out;
  // ures_open falls back to the default locale: take only the language's own data.
  const char* actual = ures_getLocaleByType(root.get(), ULOC_ACTUAL_LOCALE, &status);
  if (U_FAILURE(status) || actual == nullptr ||
      icu::Locale(actual).getLanguage() != std::string_view(locale->getLanguage())) {
    return out;
  }
  const Bundle exceptions(ures_getByKey(root.get(), "exceptions", nullptr, &status));
  const Bundle sentence(ures_getByKey(exceptions.get(), "SentenceBreak", nullptr, &status));
  if (U_FAILURE(status)) return out;
  const int32_t size = ures_getSize(sentence.get());
  for (int32_t i = 0; i < size; ++i) {
    UErrorCode item_status = U_ZERO_ERROR;
    int32_t length = 0;
    const UChar* item = ures_getStringByIndex(sentence.get(), i, &length, &item_status);
    if (U_FAILURE(item_status)) continue;
    std::string utf8;
    icu::UnicodeString(false, item, length).toUTF8String(utf8);
    out.push_back(std::move(utf8));
  }
  return out;
}

StatusOr<IcuSentenceBreaker> IcuSentenceBreaker::Create(const std::string& language) {
  TANDEM_ASSIGN_OR_RETURN(icu::Locale locale, IcuLocaleFor(language));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !iterator) {
    return IcuStatus(status, fmt::format("creating the sentence breaker for '{}'", language));
  }
  return IcuSentenceBreaker(std::shared_ptr<const icu::BreakIterator>(std::move(iterator)));
}

IcuSentenceBreaker::Cursor IcuSentenceBreaker::NewCursor() const {
  return Cursor(std::unique_ptr<icu::BreakIterator>(prototype_->clone()));
}

IcuSentenceBreaker::Cursor::Cursor(std::unique_ptr<icu::BreakIterator> iterator)
    : iterator_(std::move(iterator)) {}

IcuSentenceBreaker::Cursor::Cursor(Cursor&& other) noexcept
    : iterator_(std::move(other.iterator_)), utext_(std::exchange(other.utext_, nullptr)) {}

IcuSentenceBreaker::Cursor& IcuSentenceBreaker::Cursor::operator=(Cursor&& other) noexcept {
  if (this != &other) {
    utext_close(utext_);
    iterator_ = std::move(other.iterator_);
    utext_ = std::exchange(other.utext_, nullptr);
  }
  return *this;
}

IcuSentenceBreaker::Cursor::~Cursor() { utext_close(utext_); }

void IcuSentenceBreaker::Cursor::Candidates(std::string_view text, std::vector<std::size_t>* out) {
  out->clear();
  if (!iterator_ || text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  // Reopening reuses the UText; its indices are byte offsets into `text` (no UTF-16 copy).
  utext_ = utext_openUTF8(utext_, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  iterator_->setText(utext_, status);
  if (U_FAILURE(status)) return;
  for (int32_t b = iterator_->next(); b != icu::BreakIterator::DONE; b = iterator_->next()) {
    const auto offset = static_cast<std::size_t>(b);
    if (offset > 0 && offset < text.size()) out->push_back(offset);
  }
}

}  // namespace tandem::internal
