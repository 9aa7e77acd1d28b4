// DecodeText: the UTF-8 check, byte-order marks, UTF-16 and legacy encodings through ICU. The
// first byte picks the declared encoding; the rest is the file.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "tandem/core/text_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr const char* kEncodings[] = {
      "",           "",         "",         "",           "UTF-8",
      "UTF-16",     "UTF-16LE", "UTF-16BE", "ISO-8859-2", "windows-1250",
      "Shift_JIS",  "GB18030",  "KOI8-R",   "UTF-32",     "no-such-encoding",
      "ISO-2022-JP"};
  tandem::DecodeOptions options;
  options.encoding = kEncodings[data[0] % std::size(kEncodings)];
  const std::string_view bytes = tandem::fuzz::Bytes(data + 1, size - 1);
  tandem::StatusOr<tandem::DecodedText> decoded =
      tandem::DecodeText(std::string(bytes), "fuzz.txt", options);
  if (decoded.ok()) {
    tandem::fuzz::CheckInvariant(tandem::CheckUtf8(decoded->text, "decoded"),
                                 "DecodeText returned invalid UTF-8");
    if (decoded->content_begin > decoded->text.size()) std::abort();
    (void)tandem::DescribePosition("fuzz.txt", decoded->text, decoded->text.size() / 2);
  } else {
    // Every error message names the input.
    if (decoded.status().message().find("fuzz.txt") == std::string::npos &&
        decoded.status().message().find(options.encoding) == std::string::npos) {
      std::fprintf(stderr, "message without the input's name: %s\n",
                   decoded.status().message().c_str());
      std::abort();
    }
  }
  return 0;
}
