#include "tokenizer.h"

#include <exception>
#include <locale>

#include <boost/locale/boundary.hpp>
#include <boost/locale/conversion.hpp>

#include "locale_util.h"
#include "normalize.h"

namespace tandem {
namespace {

namespace lb = boost::locale::boundary;

// U+2019 RIGHT SINGLE QUOTATION MARK and U+02BC MODIFIER LETTER APOSTROPHE, as typed for the
// apostrophe in "Trotsky’s"; the keys use the ASCII apostrophe for all of them.
void UnifyApostrophes(std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text.compare(k, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      k += 2;
    } else if (text.compare(k, 2, "\xCA\xBC") == 0) {
      out += '\'';
      k += 1;
    } else {
      out += text[k];
    }
  }
  text = std::move(out);
}

}  // namespace

struct WordTokenizer::Impl {
  std::string language;
  std::locale locale;
};

WordTokenizer::WordTokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WordTokenizer::WordTokenizer(WordTokenizer&&) noexcept = default;
WordTokenizer& WordTokenizer::operator=(WordTokenizer&&) noexcept = default;
WordTokenizer::~WordTokenizer() = default;

StatusOr<WordTokenizer> WordTokenizer::Create(const std::string& language) {
  auto impl = std::make_unique<Impl>();
  impl->language = language;
  TANDEM_ASSIGN_OR_RETURN(impl->locale, internal::MakeBoostLocale(language));
  return WordTokenizer(std::move(impl));
}

const std::string& WordTokenizer::language() const { return impl_->language; }

std::string WordTokenizer::Key(std::string_view text) const {
  std::string key = Nfc(text);
  try {
    key = boost::locale::fold_case(key, impl_->locale);
  } catch (const std::exception&) {
    // Only a locale without Boost.Locale's facets throws, which Create() rules out; the
    // unfolded text is still a usable key.
  }
  UnifyApostrophes(key);
  return key;
}

std::vector<Token> WordTokenizer::Tokenize(std::string_view text) const {
  std::vector<Token> tokens;
  try {
    using Iterator = std::string_view::const_iterator;
    lb::segment_index<Iterator> index(lb::word, text.begin(), text.end(), impl_->locale);
    index.rule(lb::word_letters | lb::word_kana | lb::word_ideo | lb::word_number);
    for (const lb::segment<Iterator>& segment : index) {
      Token token;
      token.span.begin = static_cast<std::size_t>(segment.begin() - text.begin());
      token.span.end = static_cast<std::size_t>(segment.end() - text.begin());
      if (token.span.empty()) continue;
      const lb::rule_type rule = segment.rule();
      token.kind = (rule & lb::word_number) != 0 && (rule & lb::word_letters) == 0
                       ? TokenKind::kNumber
                       : TokenKind::kWord;
      token.key = Key(text.substr(token.span.begin, token.span.size()));
      tokens.push_back(std::move(token));
    }
  } catch (const std::exception&) {
    // Boost.Locale throws only for a locale without its boundary facet, which Create() rules
    // out; the tokens found so far are kept.
  }
  return tokens;
}

}  // namespace tandem
