// The readers of the plain-text formats (corpora/), chosen at build time by TANDEM_FUZZ_FORMAT:
// 0 = JSON Lines, 1 = vecalign, 2 = the others, picked by the input's first byte (hunalign
// ladder, hunalign text output, LF Aligner, TSV, Moses: SOURCE, kFileSeparator, TARGET). Each is
// read from a file, as tandem reads it.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "hunalign.h"
#include "jsonl.h"
#include "moses.h"
#include "tandem/align/bead.h"
#include "tandem/corpora/bitext.h"
#include "tandem/corpora/vecalign.h"

namespace {

namespace corpora = tandem::corpora;
using tandem::fuzz::WriteScratchFile;

[[maybe_unused]] void Check(const tandem::StatusOr<corpora::Bitext>& bitext) {
  if (bitext.ok()) {
    tandem::fuzz::CheckInvariant(corpora::ValidateBitext(*bitext), "the bitext read");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const corpora::FormatReadOptions options{.warn = [](std::string_view) {}};
#if TANDEM_FUZZ_FORMAT == 0
  Check(corpora::ReadJsonlFile(WriteScratchFile("fuzz.jsonl", tandem::fuzz::Bytes(data, size)),
                               options));
#elif TANDEM_FUZZ_FORMAT == 1
  tandem::StatusOr<std::vector<tandem::align::Link> > links =
      corpora::ReadVecalignFile(WriteScratchFile("fuzz.vecalign", tandem::fuzz::Bytes(data, size)));
  (void)links;
#else
  if (size == 0) return 0;
  const std::string_view input = tandem::fuzz::Bytes(data + 1, size - 1);
  switch (data[0] % 5) {
    case 0: {
      tandem::StatusOr<tandem::align::Ladder> ladder = corpora::ReadHunalignLadderFile(
          WriteScratchFile("fuzz.ladder", input), [](std::string_view) {});
      (void)ladder;
      break;
    }
    case 1:
      Check(corpora::ReadHunalignTextFile(WriteScratchFile("fuzz.hunalign", input), options));
      break;
    case 2:
      Check(corpora::ReadLfAlignerFile(WriteScratchFile("fuzz.lfaligner", input), options));
      break;
    case 3:
      Check(corpora::ReadTsvFile(WriteScratchFile("fuzz.tsv", input), options));
      break;
    default: {
      const std::vector<std::string_view> files = tandem::fuzz::SplitFiles(input, 2);
      Check(corpora::ReadMosesFiles(WriteScratchFile("fuzz.en", files[0]),
                                    WriteScratchFile("fuzz.hu", files[1]), options));
      break;
    }
  }
#endif
  return 0;
}
