#include "icu_sentences.h"

#include <utility>

#include <fmt/format.h>
#include <unicode/locid.h>

#include "icu_util.h"

namespace tandem::internal {

StatusOr<IcuSentenceBreaker> IcuSentenceBreaker::Create(const std::string& language,
                                                        bool suppressions) {
  TANDEM_ASSIGN_OR_RETURN(icu::Locale locale, IcuLocaleFor(language));
  UErrorCode status = U_ZERO_ERROR;
  if (suppressions) {
    locale.setKeywordValue("ss", "standard", status);
    status = U_ZERO_ERROR;  // without the keyword ICU just breaks more often
  }
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
