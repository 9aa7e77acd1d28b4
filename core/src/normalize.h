// Comparison views of text: Unicode NFC and locale-aware case folding.
//
//   std::string nfc = tandem::Nfc("e\u0301");                 // "é"
//   std::size_t n = tandem::NfcCharacterCount("e\u0301");     // 1
//   TANDEM_ASSIGN_OR_RETURN(tandem::CaseFolder folder, tandem::CaseFolder::Create("hu"));
//   std::string key = folder.Fold("ŐSZ");                     // "ősz"
//
// These views exist only for comparing and measuring text (alignment evidence, dictionary
// lookups). Stored text is never normalised: documents keep the bytes of their source.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "tandem/core/status.h"

namespace tandem {

// Canonical composition (NFC) of valid UTF-8 text (ICU).
std::string Nfc(std::string_view text);

// Number of code points of the NFC form of valid UTF-8 text; does not build the NFC form when
// the text is already in NFC (the usual case).
std::size_t NfcCharacterCount(std::string_view text);

// Locale-aware case folding of NFC text (Boost.Locale with its ICU backend).
// Immutable after Create(); may be shared between threads.
class CaseFolder {
 public:
  // Fails with kInvalidArgument for a language ICU does not know.
  static StatusOr<CaseFolder> Create(const std::string& language);

  CaseFolder(CaseFolder&&) noexcept;
  CaseFolder& operator=(CaseFolder&&) noexcept;
  // Not copyable: holds a std::locale with Boost.Locale facets; share by reference.
  CaseFolder(const CaseFolder&) = delete;
  CaseFolder& operator=(const CaseFolder&) = delete;
  ~CaseFolder();

  const std::string& language() const;

  // NFC, then case folding with the language's rules.
  std::string Fold(std::string_view text) const;

 private:
  struct Impl;
  explicit CaseFolder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tandem
