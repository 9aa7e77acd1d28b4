// Snowball stemming: reduces inflected words to a common stem, so that "Sztálinnak" and
// "Sztálint", or "answered" and "answers", compare equal.
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::Stemmer stemmer, tandem::Stemmer::Create("hu"));
//   std::string stem = stemmer.Stem("sztálinnak");   // "sztálin"
//
// Stems are comparison keys, not words: the algorithms over-cut some base forms (Hungarian
// "sztálin" -> "sztál"), so both sides of every comparison (a text and a dictionary) must be
// stemmed the same way. Input should be a folded key (WordTokenizer::Key): the algorithms
// expect lower-case UTF-8.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "tandem/core/status.h"

namespace tandem {

// Safe to use from several threads at once (calls are serialised internally).
class Stemmer {
 public:
  // The Snowball algorithm for a BCP 47 language; kNotFound when Snowball has none (Icelandic,
  // for one) and kInvalidArgument for a language ICU does not know.
  static StatusOr<Stemmer> Create(const std::string& language);

  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;
  // Not copyable: owns a Snowball stemmer; share by reference.
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  ~Stemmer();

  // The stem of one lower-case word.
  std::string Stem(std::string_view word) const;

 private:
  struct Impl;
  explicit Stemmer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tandem
