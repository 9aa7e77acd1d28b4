// Sentence vectors for coarse comparisons (search.h, SentenceVectors): one dense vector per
// sentence, in a space both texts share, built from the same lexical evidence as the scorers.
//
//   tandem::align::SentenceVectors vectors = tandem::align::BuildSentenceVectors(
//       {&evidence.dictionary, &evidence.numbers, &evidence.names}, {.dimension = 256});
//   // cosine(sum of source rows [i, i + a), sum of target rows [j, j + b)) is high when the
//   // two runs translate each other
//
// The space is that of the source keys: a source occurrence adds its key's weight to the
// dimension its key hashes to (with a sign from the hash, which keeps collisions from adding
// up); a target occurrence adds the same weight, shared among the source keys it is linked to,
// to theirs. Numbers and names link equal or similar forms, so they land on the same
// dimensions from both sides. The weight of a key is its inverse document frequency,
// ln(1 + sentences / sentences with the key); keys in more than `max_sentence_share` of the
// sentences are left out, as in the lexical scorers.
#pragma once

#include <cstddef>
#include <vector>

#include "evidence.h"
#include "search.h"

namespace tandem::align {

struct VectorOptions {
  std::size_t dimension = 256;      // floats per sentence
  double max_sentence_share = 0.2;  // keys in more sentences than this share are left out
};

SentenceVectors BuildSentenceVectors(const std::vector<const EvidenceChannel*>& channels,
                                     const VectorOptions& options);

// Cosine similarity of the summed vectors of source run [i, i + a) and target run [j, j + b);
// 0 when either sum is zero.
double RunCosine(const SentenceVectors& vectors, std::size_t i, std::size_t a, std::size_t j,
                 std::size_t b);

}  // namespace tandem::align
