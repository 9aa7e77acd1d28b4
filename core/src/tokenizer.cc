#include "tokenizer.h"

#include <exception>
#include <locale>
#include <memory>
#include <mutex>

#include <boost/locale/conversion.hpp>
#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "icu_util.h"
#include "locale_util.h"
#include "normalize.h"

namespace tandem {
namespace {

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

// The kind of the segment that ends at an ICU word boundary, from its rule statuses (a
// boundary may have several): none (spaces, punctuation), a number, or a word (letters, kana,
// ideographs). Numbers with letters ("3D") are words.
TokenKind SegmentKind(icu::BreakIterator& iterator, bool& keep) {
  int32_t statuses[8];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t count = iterator.getRuleStatusVec(statuses, 8, status);
  bool number = false;
  bool word = false;
  for (int32_t k = 0; k < count && k < 8; ++k) {
    const int32_t rule = statuses[k];
    if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) number = true;
    if (rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_IDEO_LIMIT) word = true;
  }
  keep = number || word;
  return number && !word ? TokenKind::kNumber : TokenKind::kWord;
}

bool IsAscii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

// ICU's word BreakIterator for the language, read through a UText over the UTF-8 text (byte
// offsets, no UTF-16 copy). Tokenize may run on several threads at once: each takes a clone
// from `idle` (or makes one) and gives it back.
struct WordTokenizer::Impl {
  std::string language;
  std::locale locale;  // Boost.Locale's, for case folding
  std::unique_ptr<icu::BreakIterator> prototype;
  std::mutex mutex;
  std::vector<std::unique_ptr<icu::BreakIterator>> idle;

  std::unique_ptr<icu::BreakIterator> Take() {
    {
      const std::lock_guard<std::mutex> lock(mutex);
      if (!idle.empty()) {
        std::unique_ptr<icu::BreakIterator> iterator = std::move(idle.back());
        idle.pop_back();
        return iterator;
      }
    }
    return std::unique_ptr<icu::BreakIterator>(prototype->clone());
  }
  void Give(std::unique_ptr<icu::BreakIterator> iterator) {
    const std::lock_guard<std::mutex> lock(mutex);
    idle.push_back(std::move(iterator));
  }
};

WordTokenizer::WordTokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WordTokenizer::WordTokenizer(WordTokenizer&&) noexcept = default;
WordTokenizer& WordTokenizer::operator=(WordTokenizer&&) noexcept = default;
WordTokenizer::~WordTokenizer() = default;

StatusOr<WordTokenizer> WordTokenizer::Create(const std::string& language) {
  auto impl = std::make_unique<Impl>();
  impl->language = language;
  TANDEM_ASSIGN_OR_RETURN(impl->locale, internal::MakeBoostLocale(language));
  TANDEM_ASSIGN_OR_RETURN(const icu::Locale locale, internal::IcuLocaleFor(language));
  UErrorCode status = U_ZERO_ERROR;
  impl->prototype.reset(icu::BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status) || !impl->prototype) {
    return internal::IcuStatus(status, fmt::format("creating the word breaker for '{}'", language));
  }
  return WordTokenizer(std::move(impl));
}

const std::string& WordTokenizer::language() const { return impl_->language; }

std::string WordTokenizer::Key(std::string_view text) const {
  if (IsAscii(text)) {
    // What the general way gives for ASCII (NFC changes nothing, folding only lowers A-Z),
    // without its conversions: most keys of most texts.
    std::string key(text);
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
  }
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
  if (text.empty()) return tokens;
  std::unique_ptr<icu::BreakIterator> iterator = impl_->Take();
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_SUCCESS(status)) iterator->setText(utext, status);
  if (U_SUCCESS(status)) {
    int32_t begin = iterator->first();
    for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE;
         begin = end, end = iterator->next()) {
      bool keep = false;
      const TokenKind kind = SegmentKind(*iterator, keep);
      if (!keep || end <= begin) continue;
      Token token;
      token.span.begin = static_cast<std::size_t>(begin);
      token.span.end = static_cast<std::size_t>(end);
      token.kind = kind;
      token.key = Key(text.substr(token.span.begin, token.span.size()));
      tokens.push_back(std::move(token));
    }
  }
  utext_close(utext);
  impl_->Give(std::move(iterator));
  return tokens;
}

}  // namespace tandem
