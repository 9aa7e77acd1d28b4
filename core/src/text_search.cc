#include "text_search.h"

#include <utility>

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uregex.h>
#include <unicode/utext.h>

#include "icu_util.h"
#include "tandem/util/utf8.h"

namespace tandem::internal {
namespace {

// The folded UTF-8 of one code point, computed with ICU: NFD, case folding, NFD again (folding
// can produce composed letters), non-spacing marks dropped.
std::string FoldWithIcu(char32_t c, const FoldOptions& options, const icu::Normalizer2* nfd) {
  icu::UnicodeString s(static_cast<UChar32>(c));
  UErrorCode code = U_ZERO_ERROR;
  if (nfd != nullptr) s = nfd->normalize(s, code);
  if (options.case_fold) {
    s.foldCase(U_FOLD_CASE_DEFAULT);
    code = U_ZERO_ERROR;
    if (nfd != nullptr) s = nfd->normalize(s, code);
  }
  std::string out;
  for (int32_t k = 0; k < s.length(); k = s.moveIndex32(k, 1)) {
    const UChar32 d = s.char32At(k);
    if (options.strip_accents && u_charType(d) == U_NON_SPACING_MARK) continue;
    AppendUtf8(static_cast<char32_t>(d), &out);
  }
  return out;
}

// True when folding leaves `c` as it is: no decomposition, no case folding, not a mark to drop.
// Cheap property look-ups that spare most characters beyond U+07FF (CJK, Indic) the full fold.
bool FoldKeeps(char32_t c, const FoldOptions& options, const icu::Normalizer2* nfd) {
  const auto u = static_cast<UChar32>(c);
  if (options.case_fold && u_hasBinaryProperty(u, UCHAR_CHANGES_WHEN_CASEFOLDED)) return false;
  if (options.strip_accents && u_charType(u) == U_NON_SPACING_MARK) return false;
  return nfd == nullptr || nfd->isInert(u) != 0;
}

const icu::Normalizer2* NfdInstance() {
  UErrorCode code = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(code);
  return U_SUCCESS(code) ? nfd : nullptr;
}

std::string_view RegexProblem(UErrorCode code) {
  switch (code) {
    case U_REGEX_MISMATCHED_PAREN:
      return "unbalanced parenthesis";
    case U_REGEX_MISSING_CLOSE_BRACKET:
      return "a [ without its ]";
    case U_REGEX_RULE_SYNTAX:
      return "syntax error";
    case U_REGEX_BAD_ESCAPE_SEQUENCE:
      return "unknown escape sequence";
    case U_REGEX_BAD_INTERVAL:
      return "bad {min,max} repetition";
    case U_REGEX_MAX_LT_MIN:
      return "a {min,max} repetition with max below min";
    case U_REGEX_INVALID_RANGE:
      return "bad character range";
    case U_REGEX_PROPERTY_SYNTAX:
      return "bad \\p{...} property";
    case U_REGEX_LOOK_BEHIND_LIMIT:
      return "a look-behind of unbounded length";
    case U_REGEX_INVALID_FLAG:
      return "unknown (?flag)";
    case U_REGEX_NUMBER_TOO_BIG:
      return "a number too big";
    case U_REGEX_INVALID_BACK_REF:
      return "a back reference to a group that does not exist";
    case U_REGEX_INVALID_CAPTURE_GROUP_NAME:
      return "a bad group name";
    case U_REGEX_SET_CONTAINS_STRING:
      return "a set that contains a string";
    default:
      return u_errorName(code);
  }
}

// Steps of ICU's match engine allowed per sentence (a step is on the order of a millisecond or
// less): enough for any reasonable expression, and a stop for catastrophic backtracking.
constexpr int32_t kRegexTimeLimit = 2000;

}  // namespace

StatusOr<SearchFolder> SearchFolder::Create(FoldOptions options) {
  SearchFolder folder;
  folder.options_ = options;
  const icu::Normalizer2* nfd = NfdInstance();
  if (nfd == nullptr) return InternalError("ICU has no NFD normalizer (its data is missing)");
  auto table = std::make_shared<std::vector<std::string>>();
  table->reserve(0x800 - 0x80);
  for (char32_t c = 0x80; c < 0x800; ++c) table->push_back(FoldWithIcu(c, options, nfd));
  folder.two_byte_ = std::move(table);
  return folder;
}

void SearchFolder::AppendFolded(char32_t c, std::string& out) const {
  if (c < 0x80) {
    out += static_cast<char>(options_.case_fold && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  } else if (c < 0x800) {
    out += (*two_byte_)[c - 0x80];
  } else {
    const icu::Normalizer2* nfd = NfdInstance();
    if (FoldKeeps(c, options_, nfd)) {
      AppendUtf8(c, &out);
    } else {
      out += FoldWithIcu(c, options_, nfd);
    }
  }
}

void SearchFolder::Fold(std::string_view text, FoldedText& out) const {
  out.text.clear();
  out.origin.clear();
  out.text.reserve(text.size() + 8);
  out.origin.reserve(text.size() + 9);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      out.text += static_cast<char>(
          options_.case_fold && byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      out.origin.push_back(static_cast<std::uint32_t>(pos));
      ++pos;
      continue;
    }
    std::size_t length = 1;
    const char32_t c = DecodeAt(text, pos, &length);
    AppendFolded(c, out.text);
    out.origin.resize(out.text.size(), static_cast<std::uint32_t>(pos));
    pos += length;
  }
  out.origin.push_back(static_cast<std::uint32_t>(text.size()));
}

std::string SearchFolder::Fold(std::string_view text) const {
  FoldedText folded;
  Fold(text, folded);
  return std::move(folded.text);
}

bool IsWordCharacter(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  const auto u = static_cast<UChar32>(c);
  if (u_isalnum(u) != 0) return true;
  const int8_t type = u_charType(u);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

struct SearchRegex::Impl {
  URegularExpression* regex = nullptr;
  ~Impl() {
    if (regex != nullptr) uregex_close(regex);
  }
};

struct SearchRegex::Matcher::Impl {
  URegularExpression* regex = nullptr;
  UText text = UTEXT_INITIALIZER;
  ~Impl() {
    utext_close(&text);
    if (regex != nullptr) uregex_close(regex);
  }
};

SearchRegex::SearchRegex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SearchRegex::SearchRegex(SearchRegex&&) noexcept = default;
SearchRegex& SearchRegex::operator=(SearchRegex&&) noexcept = default;
SearchRegex::~SearchRegex() = default;

SearchRegex::Matcher::Matcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SearchRegex::Matcher::Matcher(Matcher&&) noexcept = default;
SearchRegex::Matcher& SearchRegex::Matcher::operator=(Matcher&&) noexcept = default;
SearchRegex::Matcher::~Matcher() = default;

StatusOr<SearchRegex> SearchRegex::Compile(std::string_view pattern, bool ignore_case) {
  UParseError where{};
  UErrorCode code = U_ZERO_ERROR;
  const uint32_t flags = ignore_case ? UREGEX_CASE_INSENSITIVE : 0;
  UText text = UTEXT_INITIALIZER;
  utext_openUTF8(&text, pattern.data(), static_cast<int64_t>(pattern.size()), &code);
  URegularExpression* regex = uregex_openUText(&text, flags, &where, &code);
  utext_close(&text);
  if (U_FAILURE(code)) {
    if (regex != nullptr) uregex_close(regex);
    std::string message =
        fmt::format("invalid regular expression \"{}\": {}", pattern, RegexProblem(code));
    if (where.offset >= 0) message += fmt::format(" (at character {})", where.offset + 1);
    return InvalidArgumentError(std::move(message));
  }
  auto impl = std::make_unique<Impl>();
  impl->regex = regex;
  return SearchRegex(std::move(impl));
}

SearchRegex::Matcher SearchRegex::NewMatcher() const {
  auto impl = std::make_unique<Matcher::Impl>();
  UErrorCode code = U_ZERO_ERROR;
  impl->regex = uregex_clone(impl_->regex, &code);
  if (impl->regex != nullptr) uregex_setTimeLimit(impl->regex, kRegexTimeLimit, &code);
  return Matcher(std::move(impl));
}

Status SearchRegex::Matcher::FindAll(std::string_view text, std::vector<Span>& hits) {
  hits.clear();
  if (impl_->regex == nullptr) return InternalError("ICU could not copy the regular expression");
  UErrorCode code = U_ZERO_ERROR;
  utext_openUTF8(&impl_->text, text.data(), static_cast<int64_t>(text.size()), &code);
  uregex_setUText(impl_->regex, &impl_->text, &code);
  TANDEM_RETURN_IF_ERROR(IcuStatus(code, "setting the text of a regular expression"));
  while (uregex_findNext(impl_->regex, &code) != 0) {
    const int64_t begin = uregex_start64(impl_->regex, 0, &code);
    const int64_t end = uregex_end64(impl_->regex, 0, &code);
    if (U_FAILURE(code)) break;
    if (end > begin)
      hits.push_back({static_cast<std::size_t>(begin), static_cast<std::size_t>(end)});
  }
  if (code == U_REGEX_TIME_OUT || code == U_REGEX_STACK_OVERFLOW) {
    return ResourceExhaustedError(
        "the regular expression backtracks too much (write it without nested repetitions such "
        "as (a+)+)");
  }
  return IcuStatus(code, "matching a regular expression");
}

}  // namespace tandem::internal
