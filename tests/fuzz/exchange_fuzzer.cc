// The readers of the XML exchange formats (tei/exchange.h), chosen at build time:
// TANDEM_FUZZ_FORMAT 0 = TMX (one file), 1 = XCES cesAlign, 2 = InterText. XCES and InterText
// inputs are ALIGNMENT, kFileSeparator, SOURCE, kFileSeparator, TARGET; the seeds name the two
// sentence files source.xml and target.xml, as they are written to the scratch directory.
#include <cstdint>
#include <string>

#include "exchange.h"
#include "fuzz_util.h"
#include "tandem/corpora/bitext.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = tandem::fuzz::Bytes(data, size);
  if (tandem::fuzz::NamesSpecialFile(input)) return 0;
  const tandem::corpora::FormatReadOptions options{.warn = [](std::string_view) {}};
  tandem::StatusOr<tandem::corpora::Bitext> bitext = tandem::InternalError("not read");
#if TANDEM_FUZZ_FORMAT == 0
  bitext = tandem::tei::ReadTmxFile(tandem::fuzz::WriteScratchFile("fuzz.tmx", input), options);
#else
  const std::vector<std::string_view> files = tandem::fuzz::SplitFiles(input, 3);
  tandem::fuzz::WriteScratchFile("source.xml", files[1]);
  tandem::fuzz::WriteScratchFile("target.xml", files[2]);
  const std::string path = tandem::fuzz::WriteScratchFile("alignment.xml", files[0]);
#if TANDEM_FUZZ_FORMAT == 1
  bitext = tandem::tei::ReadXcesFile(path, options);
#else
  bitext = tandem::tei::ReadInterTextFile(path, options);
#endif
#endif
  if (bitext.ok()) {
    tandem::fuzz::CheckInvariant(tandem::corpora::ValidateBitext(*bitext), "the bitext read");
  }
  return 0;
}
