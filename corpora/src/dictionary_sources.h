// The dictionaries a DictionaryRequest names, each with what it is read from and how to read
// it: the one enumeration behind LoadDictionaries (which reads them) and
// LoadPreparedDictionaries (which reads them only when the cache has no prepared form).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "tandem/align/lexicon.h"
#include "tandem/core/status.h"
#include "tandem/corpora/dictionary.h"

namespace tandem::corpora::internal {

struct DictionarySource {
  std::string name;                // the lexicon's name ("freedict-eng-hun", "my.tsv")
  std::vector<std::string> files;  // what it is made from
  std::string how;                 // how it is read ("freedict", "freedict reversed", "user")
  std::function<StatusOr<align::Lexicon>()> read;
};

// In the order of the request's specs (for "auto", source -> target first, as
// FreeDictionariesFor); none for "none", which must then be the only spec (kInvalidArgument).
StatusOr<std::vector<DictionarySource>> DictionarySources(const DictionaryRequest& request,
                                                          const std::string& source_language,
                                                          const std::string& target_language);

}  // namespace tandem::corpora::internal
