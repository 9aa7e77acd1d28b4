#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

Status ValidateBitext(const Bitext& bitext) {
  TANDEM_RETURN_IF_ERROR(ValidateDocument(bitext.source));
  TANDEM_RETURN_IF_ERROR(ValidateDocument(bitext.target));
  return align::ValidateLadder(bitext.ladder, bitext.source.sentences.size(),
                               bitext.target.sentences.size())
      .WithContext("alignment of " + bitext.source.name + " and " + bitext.target.name);
}

}  // namespace tandem::corpora
