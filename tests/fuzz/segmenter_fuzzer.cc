// The segmenter (paragraphs, ICU candidates, language rules) on any valid text. The first byte
// picks the language and the paragraph mode; the rest is the text, decoded as UTF-8 first (the
// segmenter's input is always a DecodedText).
#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_util.h"
#include "tandem/core/segmenter.h"

namespace {

constexpr std::array<const char*, 8> kLanguages = {"en", "hu", "de", "fr", "is", "ja", "ar", "ru"};

const tandem::Segmenter& SegmenterFor(std::size_t language, std::size_t mode, bool presegmented) {
  static std::array<std::unique_ptr<tandem::Segmenter>, kLanguages.size() * 3 * 2> cache;
  const std::size_t index = (language * 3 + mode) * 2 + (presegmented ? 1 : 0);
  if (!cache[index]) {
    tandem::SegmentOptions options;
    options.language = kLanguages[language];
    options.paragraphs = static_cast<tandem::ParagraphMode>(mode);
    options.presegmented = presegmented;
    tandem::StatusOr<tandem::Segmenter> segmenter = tandem::Segmenter::Create(options);
    tandem::fuzz::CheckInvariant(segmenter.status(), "Segmenter::Create");
    cache[index] = std::make_unique<tandem::Segmenter>(std::move(*segmenter));
  }
  return *cache[index];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t language = data[0] % kLanguages.size();
  const std::size_t mode = (data[0] / kLanguages.size()) % 3;
#ifdef TANDEM_FUZZ_PRESEGMENTED
  constexpr bool kPresegmented = true;
#else
  constexpr bool kPresegmented = false;
#endif
  tandem::StatusOr<tandem::DecodedText> decoded =
      tandem::DecodeText(std::string(tandem::fuzz::Bytes(data + 1, size - 1)), "fuzz.txt");
  if (!decoded.ok()) return 0;
  const std::string text = decoded->text;
  tandem::StatusOr<tandem::Document> document =
      SegmenterFor(language, mode, kPresegmented).Segment(std::move(*decoded), "fuzz.txt");
  if (!document.ok()) return 0;
  tandem::fuzz::CheckInvariant(tandem::ValidateDocument(*document), "segmented document");
  if (document->text != text) {
    std::fprintf(stderr, "the segmenter changed the text\n");
    std::abort();
  }
  return 0;
}
