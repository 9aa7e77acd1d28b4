#include "icu_util.h"

#include <memory>
#include <vector>

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "tandem/core/text_io.h"

namespace tandem::internal {

Status IcuStatus(UErrorCode code, std::string_view what) {
  if (U_SUCCESS(code)) return Status::Ok();
  return InternalError(fmt::format("{}: ICU error {}", what, u_errorName(code)));
}

StatusOr<icu::Locale> IcuLocaleFor(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(language, status);
  if (U_FAILURE(status) || locale.isBogus() || std::string(locale.getLanguage()).empty() ||
      std::string(locale.getISO3Language()).empty()) {
    return InvalidArgumentError(
        fmt::format("unknown language '{}' (give a BCP 47 code such as en, hu, de)", language));
  }
  return locale;
}

namespace {

using ConverterPtr = std::unique_ptr<UConverter, decltype(&ucnv_close)>;

// Converts `bytes` with `from` into `out`. On an illegal sequence, returns its status and sets
// `bad_offset` to the offset of its first byte.
UErrorCode Convert(UConverter* from, UConverter* to, std::string_view bytes, std::string* out,
                   std::size_t* bad_offset) {
  out->resize(bytes.size() * 3 + 16);
  char* target = out->data();
  const char* source = bytes.data();
  UErrorCode status = U_ZERO_ERROR;
  std::vector<UChar> pivot(4096);
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  ucnv_convertEx(to, from, &target, out->data() + out->size(), &source, bytes.data() + bytes.size(),
                 pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(),
                 /*reset=*/true, /*flush=*/true, &status);
  if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
      status == U_TRUNCATED_CHAR_FOUND) {
    // `source` stops after the offending bytes; report the first of them.
    char bad[32];
    int8_t bad_length = sizeof bad;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(from, bad, &bad_length, &ignored);
    std::size_t offset = static_cast<std::size_t>(source - bytes.data());
    if (bad_length > 0 && offset >= static_cast<std::size_t>(bad_length)) {
      offset -= static_cast<std::size_t>(bad_length);
    }
    *bad_offset = offset;
    return status;
  }
  out->resize(static_cast<std::size_t>(target - out->data()));
  return status;
}

}  // namespace

StatusOr<std::string> ConvertToUtf8(std::string_view bytes, const std::string& encoding,
                                    std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr from(ucnv_open(encoding.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status) || !from) {
    return InvalidArgumentError(
        fmt::format("unknown encoding '{}' (ICU names such as UTF-8, UTF-16, ISO-8859-2, "
                    "windows-1250, windows-1252)",
                    encoding));
  }
  // Stop at the first illegal sequence instead of inserting U+FFFD, so the user learns where.
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ConverterPtr to(ucnv_open("UTF-8", &status), &ucnv_close);
  TANDEM_RETURN_IF_ERROR(IcuStatus(status, "opening the UTF-8 converter"));

  std::string out;
  std::size_t bad = 0;
  status = Convert(from.get(), to.get(), bytes, &out, &bad);
  if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
      status == U_TRUNCATED_CHAR_FOUND) {
    // The line and column of the bad byte: convert what comes before it (which is valid).
    std::string prefix;
    std::size_t ignored = 0;
    const bool located =
        U_SUCCESS(Convert(from.get(), to.get(), bytes.substr(0, bad), &prefix, &ignored));
    const std::string where =
        located ? DescribePosition(name, prefix, prefix.size()) : std::string(name);
    return InvalidDataError(fmt::format("{}: byte 0x{:02X} (byte offset {}) is not valid {}", where,
                                        static_cast<unsigned char>(bytes[bad]), bad, encoding));
  }
  TANDEM_RETURN_IF_ERROR(IcuStatus(status, fmt::format("{}: converting from {}", name, encoding)));
  return out;
}

std::string GuessEncoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  if (U_FAILURE(status)) return {};
  // The detector looks at a prefix; a few hundred kilobytes are plenty.
  const auto length = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 18));
  ucsdet_setText(detector.get(), bytes.data(), length, &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {};
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) return {};
  std::string guess(name);
  return guess == "UTF-8" ? std::string() : guess;
}

}  // namespace tandem::internal
