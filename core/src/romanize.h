// Romanization: any script to plain ASCII Latin letters, for comparing names across languages
// and writing systems ("Sztálin" -> "Sztalin", "Þórður" -> "Thordur", "Троцкий" -> "Trockij").
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::Romanizer romanizer, tandem::Romanizer::Create());
//   std::string ascii = romanizer.ToAscii("Poznanszkijt");   // "Poznanszkijt"
//
// ICU's transliterators "Any-Latin; Latin-ASCII": other scripts are transliterated to Latin,
// then diacritics are removed and special letters spelled out (ß -> ss, ø -> o, æ -> ae).
// A comparison view only, like normalize.h: stored text is never changed.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "tandem/core/status.h"

namespace tandem {

// Safe to use from several threads at once (calls are serialised internally).
class Romanizer {
 public:
  static StatusOr<Romanizer> Create();

  Romanizer(Romanizer&&) noexcept;
  Romanizer& operator=(Romanizer&&) noexcept;
  // Not copyable: owns an ICU transliterator; share by reference.
  Romanizer(const Romanizer&) = delete;
  Romanizer& operator=(const Romanizer&) = delete;
  ~Romanizer();

  // The romanization of valid UTF-8 text; characters without a Latin equivalent stay as
  // they are.
  std::string ToAscii(std::string_view text) const;

 private:
  struct Impl;
  explicit Romanizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tandem
