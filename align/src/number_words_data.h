// Private: the number-word table (align/data/number_words.tsv), embedded at build time.
#pragma once

#include <string_view>

namespace tandem::align::internal {

std::string_view NumberWordsData();

}  // namespace tandem::align::internal
