#include "normalize.h"

#include <exception>
#include <locale>

#include <boost/locale/conversion.hpp>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "locale_util.h"
#include "tandem/util/utf8.h"

namespace tandem {
namespace {

// ICU's NFC instance is a process-wide immutable singleton owned by ICU; null only if ICU's
// data is missing, in which case text is treated as already normalised.
const icu::Normalizer2* NfcInstance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? nfc : nullptr;
}

bool IsNfc(const icu::Normalizer2* nfc, std::string_view text) {
  if (nfc == nullptr) return true;
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  const bool normalized = nfc->isNormalizedUTF8(piece, status) != 0;
  return U_FAILURE(status) || normalized;
}

}  // namespace

std::string Nfc(std::string_view text) {
  const icu::Normalizer2* nfc = NfcInstance();
  if (IsNfc(nfc, text)) return std::string(text);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                     nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

std::size_t NfcCharacterCount(std::string_view text) {
  std::string normalized;
  if (!IsNfc(NfcInstance(), text)) {
    normalized = Nfc(text);
    text = normalized;
  }
  return tandem::internal::CountCodePoints(text);
}

struct CaseFolder::Impl {
  std::string language;
  std::locale locale;
};

CaseFolder::CaseFolder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CaseFolder::CaseFolder(CaseFolder&&) noexcept = default;
CaseFolder& CaseFolder::operator=(CaseFolder&&) noexcept = default;
CaseFolder::~CaseFolder() = default;

StatusOr<CaseFolder> CaseFolder::Create(const std::string& language) {
  auto impl = std::make_unique<Impl>();
  impl->language = language;
  TANDEM_ASSIGN_OR_RETURN(impl->locale, internal::MakeBoostLocale(language));
  return CaseFolder(std::move(impl));
}

const std::string& CaseFolder::language() const { return impl_->language; }

std::string CaseFolder::Fold(std::string_view text) const {
  std::string nfc = Nfc(text);
  try {
    return boost::locale::fold_case(nfc, impl_->locale);
  } catch (const std::exception&) {
    // Boost.Locale throws only when the locale lacks its facets, which Create() rules out;
    // an unfolded view is still a usable comparison key.
    return nfc;
  }
}

}  // namespace tandem
