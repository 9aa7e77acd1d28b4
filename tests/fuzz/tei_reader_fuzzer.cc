// The TEI reader (a tandem corpus, single-file layout; the split layout's pointers resolve
// against the scratch directory, where nothing else lies), from bytes in memory, and the
// reader of one TEI text as a Document (the input of `tandem align a.tei.xml b.tei.xml`).
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "tandem/corpora/bitext.h"
#include "tandem/tei/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = tandem::fuzz::Bytes(data, size);
  if (tandem::fuzz::NamesSpecialFile(input)) return 0;
  const std::string path = tandem::fuzz::ScratchDirectory() + "/corpus.tei.xml";
  tandem::StatusOr<tandem::corpora::Bitext> bitext =
      tandem::tei::ReadTei(std::string(input), path, {.warn = [](std::string_view) {}});
  if (bitext.ok()) {
    tandem::fuzz::CheckInvariant(tandem::corpora::ValidateBitext(*bitext), "ReadTei's bitext");
  }
  const std::string file = tandem::fuzz::WriteScratchFile("text.tei.xml", input);
  tandem::StatusOr<tandem::Document> document =
      tandem::tei::ReadTeiDocumentFile(file, {.warn = [](std::string_view) {}});
  if (document.ok()) {
    tandem::fuzz::CheckInvariant(tandem::ValidateDocument(*document), "ReadTeiDocumentFile");
  }
  return 0;
}
