#include "numbers.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "number_words_data.h"

namespace tandem::align {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Separators that may stand between digit groups inside a number token, as UTF-8: ASCII
// comma, period and apostrophe, and the no-break, narrow no-break and thin spaces.
std::size_t SeparatorLength(std::string_view text, std::size_t k) {
  const char c = text[k];
  if (c == ',' || c == '.' || c == '\'') return 1;
  for (std::string_view space : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", "\xE2\x80\x99"}) {
    if (text.substr(k, space.size()) == space) return space.size();
  }
  return 0;
}

std::string StripLeadingZeros(std::string digits) {
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return "0";
  return digits.substr(first);
}

std::string_view PrimarySubtag(std::string_view language) {
  const std::size_t end = language.find_first_of("-_");
  return end == std::string_view::npos ? language : language.substr(0, end);
}

bool OnlySpacesOrHyphens(std::string_view gap) {
  if (gap.empty()) return false;
  for (std::size_t k = 0; k < gap.size();) {
    const char c = gap[k];
    if (c == ' ' || c == '-' || c == '\t') {
      ++k;
    } else if (gap.substr(k, 2) == "\xC2\xA0") {  // no-break space
      k += 2;
    } else if (gap.substr(k, 3) == "\xE2\x80\x90" || gap.substr(k, 3) == "\xE2\x80\x91") {
      k += 3;  // hyphen, non-breaking hyphen
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> DigitNumberKey(std::string_view token) {
  std::vector<std::string> groups(1);
  std::size_t k = 0;
  while (k < token.size()) {
    if (IsDigit(token[k])) {
      groups.back() += token[k];
      ++k;
      continue;
    }
    const std::size_t separator = SeparatorLength(token, k);
    if (separator == 0 || groups.back().empty() || k + separator >= token.size() ||
        !IsDigit(token[k + separator])) {
      break;  // letters (an ordinal or unit suffix) or trailing punctuation end the number
    }
    groups.emplace_back();
    k += separator;
  }
  if (groups.front().empty()) return std::nullopt;
  bool grouped = groups.size() > 1 && groups.front().size() <= 3;
  for (std::size_t g = 1; g < groups.size() && grouped; ++g) grouped = groups[g].size() == 3;
  std::string key = "#";
  if (groups.size() == 1 || grouped) {
    std::string digits;
    for (const std::string& group : groups) digits += group;
    key += StripLeadingZeros(digits);
  } else {
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (g > 0) key += '.';
      key += g == 0 ? StripLeadingZeros(groups[g]) : groups[g];
    }
  }
  return key;
}

NumberReader NumberReader::ForLanguage(const std::string& language) {
  NumberReader reader;
  const std::string_view wanted = PrimarySubtag(language);
  std::string_view data = internal::NumberWordsData();
  while (!data.empty()) {
    const std::size_t end = data.find('\n');
    std::string_view line = data.substr(0, end);
    data = end == std::string_view::npos ? std::string_view() : data.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;
    std::string_view fields[4];
    std::size_t count = 0;
    while (count < 4) {
      const std::size_t tab = line.find('\t');
      fields[count++] = line.substr(0, tab);
      if (tab == std::string_view::npos) break;
      line = line.substr(tab + 1);
    }
    if (count != 4 || fields[0] != wanted) continue;
    Word word;
    word.text = std::string(fields[1]);
    std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), word.value);
    const std::string_view kind = fields[3];
    word.kind = kind == "times"    ? Kind::kTimes
                : kind == "group"  ? Kind::kGroup
                : kind == "joiner" ? Kind::kJoiner
                : kind == "suffix" ? Kind::kSuffix
                : kind == "score"  ? Kind::kScore
                                   : Kind::kAdd;
    reader.words_.push_back(std::move(word));
  }
  std::sort(reader.words_.begin(), reader.words_.end(),
            [](const Word& a, const Word& b) { return a.text < b.text; });
  for (const Word& word : reader.words_) {
    reader.longest_ = std::max(reader.longest_, word.text.size());
    if (!word.text.empty()) reader.starts_[static_cast<unsigned char>(word.text.front())] = true;
  }
  return reader;
}

const NumberReader::Word* NumberReader::Find(std::string_view text, bool suffix) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), text,
                             [](const Word& w, std::string_view t) { return w.text < t; });
  for (; it != words_.end() && it->text == text; ++it) {
    if ((it->kind == Kind::kSuffix) == suffix) return &*it;
  }
  return nullptr;
}

bool NumberReader::Split(std::string_view word, std::vector<const Word*>& pieces) const {
  if (word.empty()) return true;
  if (!starts_[static_cast<unsigned char>(word.front())]) return false;
  // The lengths of the word's prefixes that are entries: the entries that start with a prefix
  // are a run of the sorted list, narrowed letter by letter until none is left (most words
  // leave none after a letter or two). No entry is near 64 bytes long.
  std::array<std::uint8_t, 64> lengths{};
  std::size_t found = 0;
  auto first = words_.begin();
  auto last = words_.end();
  for (std::size_t length = 1; length <= std::min(word.size(), longest_); ++length) {
    const char c = word[length - 1];
    first = std::partition_point(first, last, [&](const Word& w) {
      return w.text.size() < length ||
             static_cast<unsigned char>(w.text[length - 1]) < static_cast<unsigned char>(c);
    });
    last = std::partition_point(first, last, [&](const Word& w) {
      return w.text.size() >= length && w.text[length - 1] == c;
    });
    if (first == last) break;
    if (first->text.size() == length && length < lengths.size()) {
      lengths[found++] = static_cast<std::uint8_t>(length);
    }
  }
  // Longest piece first, with backtracking; a suffix may only end the word and only after a
  // number piece.
  while (found > 0) {
    const std::size_t length = lengths[--found];
    const std::string_view head = word.substr(0, length);
    if (length == word.size() && !pieces.empty() && pieces.back()->kind != Kind::kJoiner) {
      if (const Word* suffix = Find(head, true); suffix != nullptr) {
        pieces.push_back(suffix);
        return true;
      }
    }
    const Word* piece = Find(head, false);
    if (piece == nullptr) continue;
    pieces.push_back(piece);
    if (Split(word.substr(length), pieces)) return true;
    pieces.pop_back();
  }
  return false;
}

std::vector<const NumberReader::Word*> NumberReader::Pieces(std::string_view word) const {
  std::vector<const Word*> pieces;
  if (words_.empty() || !Split(word, pieces)) return {};
  const bool has_value = std::any_of(pieces.begin(), pieces.end(), [](const Word* w) {
    return w->kind != Kind::kJoiner && w->kind != Kind::kSuffix;
  });
  if (!has_value || pieces.front()->kind == Kind::kJoiner) return {};
  return pieces;
}

long long NumberReader::Value(const std::vector<const Word*>& pieces) {
  long long total = 0;
  long long current = 0;
  const Word* previous = nullptr;
  for (const Word* piece : pieces) {
    switch (piece->kind) {
      case Kind::kAdd:
        current += piece->value;
        break;
      case Kind::kScore:
        if (previous != nullptr && previous->kind == Kind::kAdd && previous->value < 10) {
          current = (current - previous->value) + previous->value * piece->value;
        } else {
          current += piece->value;
        }
        break;
      case Kind::kTimes:
        current = std::max(current, 1LL) * piece->value;
        break;
      case Kind::kGroup:
        total += std::max(current, 1LL) * piece->value;
        current = 0;
        break;
      case Kind::kJoiner:
      case Kind::kSuffix:
        break;
    }
    previous = piece;
  }
  return total + current;
}

std::optional<long long> NumberReader::WordValue(std::string_view word) const {
  const std::vector<const Word*> pieces = Pieces(word);
  if (pieces.empty()) return std::nullopt;
  return Value(pieces);
}

std::vector<NumberMention> NumberReader::Read(const std::vector<Token>& tokens,
                                              std::string_view text) const {
  std::vector<NumberMention> mentions;
  for (std::size_t k = 0; k < tokens.size();) {
    const Token& token = tokens[k];
    if (!token.key.empty() && IsDigit(token.key.front())) {
      if (std::optional<std::string> key = DigitNumberKey(token.key)) {
        mentions.push_back({k, k + 1, std::move(*key)});
      }
      ++k;
      continue;
    }
    std::vector<const Word*> pieces = Pieces(token.key);
    if (pieces.empty()) {
      ++k;
      continue;
    }
    // Extend over following number words (and joiners between them) separated by spaces or
    // hyphens only.
    std::size_t end = k + 1;
    while (end < tokens.size() &&
           OnlySpacesOrHyphens(text.substr(tokens[end - 1].span.end,
                                           tokens[end].span.begin - tokens[end - 1].span.end))) {
      std::vector<const Word*> next;
      if (!Split(tokens[end].key, next) || next.empty()) break;
      const bool only_joiner = std::all_of(next.begin(), next.end(),
                                           [](const Word* w) { return w->kind == Kind::kJoiner; });
      if (only_joiner) {
        // A joiner counts only when a number word follows it.
        if (end + 1 >= tokens.size()) break;
        std::vector<const Word*> after;
        if (!Split(tokens[end + 1].key, after) || after.empty() ||
            after.front()->kind == Kind::kJoiner ||
            !OnlySpacesOrHyphens(text.substr(tokens[end].span.end,
                                             tokens[end + 1].span.begin - tokens[end].span.end))) {
          break;
        }
      } else if (pieces.back()->kind == Kind::kSuffix) {
        break;  // an inflected number word ends its number
      }
      pieces.insert(pieces.end(), next.begin(), next.end());
      ++end;
    }
    mentions.push_back({k, end, "#" + std::to_string(Value(pieces))});
    k = end;
  }
  return mentions;
}

}  // namespace tandem::align
