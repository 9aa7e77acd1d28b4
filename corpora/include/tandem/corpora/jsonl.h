// JSON Lines output of a bitext: one bead per line, each side's sentences with their text and
// byte span in the input file.
//
//   {"bead":0,"type":"1:1","confidence":0.981,
//    "source":[{"index":0,"begin":0,"end":12,"text":"L.D. Trotsky"}],
//    "target":[{"index":4,"begin":310,"end":402,"text":"..."}]}
//
// (one line in the file; wrapped here). Spans are [begin, end) UTF-8 byte offsets into the
// input text (after conversion to UTF-8, when the input was in another encoding).
#pragma once

#include <iosfwd>

#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

Status WriteJsonl(const Bitext& bitext, std::ostream& out);

}  // namespace tandem::corpora
