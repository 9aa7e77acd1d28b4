#include "tandem/corpora/jsonl.h"

#include <ostream>

#include <nlohmann/json.hpp>

namespace tandem::corpora {
namespace {

nlohmann::json Side(const Document& doc, std::size_t begin, std::size_t count) {
  nlohmann::json side = nlohmann::json::array();
  for (std::size_t i = begin; i < begin + count; ++i) {
    const Span& span = doc.sentences[i].span;
    side.push_back({{"index", i},
                    {"begin", span.begin},
                    {"end", span.end},
                    {"text", std::string(doc.SentenceText(i))}});
  }
  return side;
}

}  // namespace

Status WriteJsonl(const Bitext& bitext, std::ostream& out) {
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    const align::Bead& bead = bitext.ladder[k];
    const nlohmann::json line = {
        {"bead", k},
        {"type", align::BeadTypeName(bead)},
        {"confidence", bead.confidence},
        {"source", Side(bitext.source, bead.source_begin, bead.source_count)},
        {"target", Side(bitext.target, bead.target_begin, bead.target_count)},
    };
    // Invalid UTF-8 cannot occur (documents are validated on input); replace rather than
    // throw should it ever happen.
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return Status::Ok();
}

}  // namespace tandem::corpora
