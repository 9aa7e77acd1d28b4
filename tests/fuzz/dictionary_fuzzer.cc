// The dictionary loaders. The first byte picks the loader:
// - even: a user dictionary (tab-separated or hunalign's .dic; the reader decides by the first
//   line), the rest of the input being the file;
// - odd: a FreeDict (dictd) dictionary: the input is INDEX, kFileSeparator, ENTRIES; the entries
//   are gzip-compressed here, as dictzip stores them, unless the second byte is odd (then the
//   bytes are written as they are, which exercises the inflating itself).
#include <cstdint>
#include <string>
#include <zlib.h>

#include "fuzz_util.h"
#include "tandem/core/text_io.h"
#include "tandem/corpora/dictionary.h"

namespace {

std::string Gzip(std::string_view bytes) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    std::abort();
  }
  std::string out(deflateBound(&stream, bytes.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  if (deflate(&stream, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// The aligner assumes valid UTF-8 everywhere; a loader must not let anything else through.
void CheckLexicon(const tandem::align::Lexicon& lexicon) {
  for (const tandem::align::LexiconEntry& entry : lexicon.entries) {
    tandem::fuzz::CheckInvariant(tandem::CheckUtf8(entry.source, "entry source"), "lexicon");
    tandem::fuzz::CheckInvariant(tandem::CheckUtf8(entry.target, "entry target"), "lexicon");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::string_view input = tandem::fuzz::Bytes(data + 2, size - 2);
  if (data[0] % 2 == 0) {
    const std::string path = tandem::fuzz::WriteScratchFile("user.dic", input);
    tandem::StatusOr<tandem::align::Lexicon> lexicon = tandem::corpora::ReadUserDictionary(path);
    if (lexicon.ok()) CheckLexicon(*lexicon);
    return 0;
  }
  const std::vector<std::string_view> files = tandem::fuzz::SplitFiles(input, 2);
  tandem::fuzz::WriteScratchFile("freedict-eng-hun.index", files[0]);
  tandem::fuzz::WriteScratchFile("freedict-eng-hun.dict.dz",
                                 data[1] % 2 == 0 ? Gzip(files[1]) : std::string(files[1]));
  for (const bool reverse : {false, true}) {
    tandem::StatusOr<tandem::align::Lexicon> lexicon =
        tandem::corpora::ReadFreeDict(tandem::fuzz::ScratchDirectory(), "eng", "hun", reverse);
    if (lexicon.ok()) CheckLexicon(*lexicon);
  }
  return 0;
}
