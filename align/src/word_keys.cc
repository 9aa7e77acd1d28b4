#include "word_keys.h"

#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "tandem/util/utf8.h"

namespace tandem::align::internal {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view PrimarySubtag(std::string_view language) {
  const std::size_t end = language.find_first_of("-_");
  return end == std::string_view::npos ? language : language.substr(0, end);
}

bool IsPlaceholder(std::string_view language, std::string_view key) {
  static const std::unordered_map<std::string_view, std::unordered_set<std::string_view>>
      kPlaceholders = {
          {"en",
           {"sy", "sg", "sb", "sth", "smb", "smth", "someone", "something", "somebody", "one's",
            "oneself", "sy's", "sg's", "sb's", "someone's", "somebody's"}},
          {"de",
           {"jd", "jdn", "jdm", "jds", "etw", "jemand", "jemanden", "jemandem", "jemandes",
            "etwas"}},
          {"fr", {"qn", "qch", "qc", "qqn", "qqch", "quelqu'un"}},
      };
  if (language == "hu") {
    // vki, vkit, vkinek, vmi, vmit, vminek, vhol, vhova, ...: no Hungarian word starts so.
    return key.size() >= 2 && key[0] == 'v' && (key[1] == 'k' || key[1] == 'm' || key[1] == 'h');
  }
  const auto it = kPlaceholders.find(language);
  return it != kPlaceholders.end() && it->second.count(key) > 0;
}

StatusOr<WordKeys> WordKeys::Create(const std::string& language, std::size_t unstemmed_prefix) {
  WordKeys keys;
  keys.language_ = std::string(PrimarySubtag(language));
  keys.unstemmed_prefix_ = unstemmed_prefix;
  StatusOr<WordTokenizer> tokenizer = WordTokenizer::Create(language.empty() ? "en" : language);
  if (!tokenizer.ok()) tokenizer = WordTokenizer::Create("en");  // UAX #29 is mostly universal
  if (!tokenizer.ok()) return InternalError("cannot create a word tokenizer");
  keys.tokenizer_.emplace(std::move(*tokenizer));
  if (!language.empty()) {
    StatusOr<Stemmer> stemmer = Stemmer::Create(language);
    if (stemmer.ok()) keys.stemmer_.emplace(std::move(*stemmer));
  }
  return keys;
}

std::string WordKeys::Stem(const std::string& folded) const {
  if (stemmer_) return stemmer_->Stem(folded);
  if (unstemmed_prefix_ > 0)
    return std::string(tandem::internal::CodePointPrefix(folded, unstemmed_prefix_));
  return folded;
}

std::vector<std::string> WordKeys::EntryStems(std::string_view entry) const {
  std::vector<std::string> stems;
  bool simple = !entry.empty();
  for (const char c : entry) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) simple = false;
  }
  if (simple) {
    // One word of letters (the usual case): no boundary analysis needed.
    const std::string key = tokenizer_->Key(entry);
    if (!IsPlaceholder(language_, key)) stems.push_back(Stem(key));
    return stems;
  }
  const std::vector<Token> tokens = tokenizer_->Tokenize(entry);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& token = tokens[k];
    if (token.kind == TokenKind::kNumber || IsAsciiDigit(token.key.front())) {
      stems.clear();
      break;
    }
    if (IsPlaceholder(language_, token.key)) continue;
    // English verbs are written "to give up": the infinitive marker is no part of them.
    if (language_ == "en" && k == 0 && token.key == "to" && tokens.size() > 1) continue;
    stems.push_back(Stem(token.key));
  }
  return stems;
}

std::string WordKeys::Signature() const {
  if (stemmer_) return fmt::format("{} snowball", language_);
  return fmt::format("{} prefix {}", language_, unstemmed_prefix_);
}

}  // namespace tandem::align::internal
