#include "romanize.h"

#include <mutex>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "icu_util.h"

namespace tandem {

struct Romanizer::Impl {
  std::unique_ptr<icu::Transliterator> transliterator;
  // ICU transliterators keep scratch state while they run.
  std::mutex mutex;
};

Romanizer::Romanizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Romanizer::Romanizer(Romanizer&&) noexcept = default;
Romanizer& Romanizer::operator=(Romanizer&&) noexcept = default;
Romanizer::~Romanizer() = default;

StatusOr<Romanizer> Romanizer::Create() {
  UErrorCode code = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> transliterator(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII"), UTRANS_FORWARD, code));
  TANDEM_RETURN_IF_ERROR(
      internal::IcuStatus(code, "creating the Any-Latin; Latin-ASCII transliterator"));
  if (transliterator == nullptr) {
    return InternalError("ICU has no Any-Latin; Latin-ASCII transliterator");
  }
  auto impl = std::make_unique<Impl>();
  impl->transliterator = std::move(transliterator);
  return Romanizer(std::move(impl));
}

std::string Romanizer::ToAscii(std::string_view text) const {
  bool ascii = true;
  for (const char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(text);
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  {
    const std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->transliterator->transliterate(unicode);
  }
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

}  // namespace tandem
