#include "segment_rules.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <system_error>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "embedded_files.h"
#include "tandem/core/text_io.h"
#include "tandem/util/utf8.h"

namespace tandem::internal {
namespace {

enum class Section {
  kSettings,
  kNeverEnds,
  kBeforeNumber,
  kCanEnd,
  kStarters,
  kSingleLetterWords,
  kCaptionLabels,
  kUnpunctuatedStarters,
  kUnpunctuatedArticles,
};

struct SectionName {
  std::string_view name;
  Section section;
};

constexpr SectionName kSections[] = {
    {"settings", Section::kSettings},
    {"abbreviations", Section::kNeverEnds},
    {"abbreviations before numbers", Section::kBeforeNumber},
    {"abbreviations that can end a sentence", Section::kCanEnd},
    {"sentence starters", Section::kStarters},
    {"single-letter words", Section::kSingleLetterWords},
    {"caption labels", Section::kCaptionLabels},
    {"sentence starters after a word", Section::kUnpunctuatedStarters},
    {"articles after a word", Section::kUnpunctuatedArticles},
};

std::string_view ClassSection(AbbreviationClass c) {
  switch (c) {
    case AbbreviationClass::kNeverEnds:
      return "abbreviations";
    case AbbreviationClass::kBeforeNumber:
      return "abbreviations before numbers";
    case AbbreviationClass::kCanEnd:
      return "abbreviations that can end a sentence";
  }
  return "";
}

bool HasSpace(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 0;
    if (IsSpace(DecodeAt(s, i, &length))) return true;
    i += length;
  }
  return false;
}

// The line without its comment: '#' at the start or after whitespace begins one.
std::string_view StripComment(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '#') continue;
    if (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t') return line.substr(0, i);
  }
  return line;
}

std::string_view Trim(std::string_view s) {
  std::size_t begin = 0;
  std::size_t end = s.size();
  TrimSpaces(s, &begin, &end);
  return s.substr(begin, end - begin);
}

StatusOr<bool> ParseYesNo(std::string_view value, std::string_view where, std::string_view key) {
  if (value == "yes") return true;
  if (value == "no") return false;
  return InvalidDataError(fmt::format("{}: {} must be yes or no, not '{}'", where, key, value));
}

Status ParseSetting(std::string_view line, std::string_view where, SegmentRules* rules) {
  const std::size_t equals = line.find('=');
  if (equals == std::string_view::npos) {
    return InvalidDataError(fmt::format("{}: expected 'name = value' in [settings]", where));
  }
  const std::string_view key = Trim(line.substr(0, equals));
  const std::string_view value = Trim(line.substr(equals + 1));
  if (key == "ordinal-period") {
    TANDEM_ASSIGN_OR_RETURN(rules->ordinal_period, ParseYesNo(value, where, key));
  } else if (key == "ordinal-digits") {
    std::size_t digits = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), digits);
    if (error != std::errc() || end != value.data() + value.size() || digits > 9) {
      return InvalidDataError(fmt::format(
          "{}: ordinal-digits must be a number from 0 (any) to 9, not '{}'", where, value));
    }
    rules->ordinal_digits = digits;
  } else if (key == "dialogue-dash") {
    TANDEM_ASSIGN_OR_RETURN(rules->dialogue_dash, ParseYesNo(value, where, key));
  } else if (key == "interrupted-dash") {
    TANDEM_ASSIGN_OR_RETURN(rules->interrupted_dash, ParseYesNo(value, where, key));
  } else if (key == "capital-headings") {
    TANDEM_ASSIGN_OR_RETURN(rules->capital_headings, ParseYesNo(value, where, key));
  } else if (key == "lower-case-clause") {
    TANDEM_ASSIGN_OR_RETURN(rules->lower_case_clause, ParseYesNo(value, where, key));
  } else if (key == "title-before-quote") {
    TANDEM_ASSIGN_OR_RETURN(rules->title_before_quote, ParseYesNo(value, where, key));
  } else if (key == "semicolon-starter") {
    TANDEM_ASSIGN_OR_RETURN(rules->semicolon_starter, ParseYesNo(value, where, key));
  } else if (key == "one-letter-abbreviations") {
    TANDEM_ASSIGN_OR_RETURN(rules->one_letter_abbreviations, ParseYesNo(value, where, key));
  } else if (key == "icu-suppressions") {
    TANDEM_ASSIGN_OR_RETURN(rules->icu_suppressions, ParseYesNo(value, where, key));
  } else if (key == "after-abbreviation") {
    if (value == "starter") {
      rules->after_abbreviation = AfterAbbreviation::kStarter;
    } else if (value == "capital") {
      rules->after_abbreviation = AfterAbbreviation::kCapital;
    } else {
      return InvalidDataError(
          fmt::format("{}: after-abbreviation must be starter or capital, not '{}'", where, value));
    }
  } else {
    return InvalidDataError(fmt::format(
        "{}: unknown setting '{}' (known: ordinal-period, ordinal-digits, after-abbreviation, "
        "dialogue-dash, "
        "interrupted-dash, capital-headings, lower-case-clause, one-letter-abbreviations, "
        "semicolon-starter, title-before-quote, "
        "icu-suppressions)",
        where, key));
  }
  return Status::Ok();
}

std::string PrimarySubtag(std::string_view language) {
  std::string out;
  for (char c : language) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

const EmbeddedFile* FindRuleFile(std::string_view name) {
  for (const EmbeddedFile& file : SegmentationRuleFiles()) {
    if (file.name == name) return &file;
  }
  return nullptr;
}

}  // namespace

std::optional<AbbreviationClass> SegmentRules::FindAbbreviation(std::string_view token) const {
  if (auto found = FindWholeAbbreviation(token)) return found;
  // After an elided word: "l'art.", "L'avv.", "dell'ing.".
  for (const std::string_view apostrophe : {std::string_view("'"), std::string_view("\u2019")}) {
    const std::size_t at = token.find(apostrophe);
    if (at != std::string_view::npos && at > 0 && at + apostrophe.size() + 2 <= token.size()) {
      return FindAbbreviation(token.substr(at + apostrophe.size()));
    }
  }
  // The last part of a hyphenated compound: "Doninikus-Zimmermann-Str.", "Dipl.-Ing.". Single
  // letters ("J.-C.") are left to the rules for initials.
  const std::size_t hyphen = token.rfind('-');
  if (hyphen == std::string_view::npos || hyphen == 0) return std::nullopt;
  const std::string_view last = token.substr(hyphen + 1);
  std::size_t length = 0;
  if (last.size() < 2 || !u_isalpha(static_cast<UChar32>(DecodeAt(last, 0, &length))) ||
      length + 1 >= last.size()) {
    return std::nullopt;
  }
  return FindWholeAbbreviation(last);
}

std::optional<AbbreviationClass> SegmentRules::FindWholeAbbreviation(std::string_view token) const {
  if (abbreviations.empty()) return std::nullopt;
  if (auto it = abbreviations.find(token); it != abbreviations.end()) return it->second;
  // A list entry in lower case also matches with a capital first letter (sentence-initially).
  std::size_t length = 0;
  const char32_t first = DecodeAt(token, 0, &length);
  if (!u_isupper(static_cast<UChar32>(first)) && !u_istitle(static_cast<UChar32>(first))) {
    return std::nullopt;
  }
  std::string lowered;
  AppendUtf8(static_cast<char32_t>(u_tolower(static_cast<UChar32>(first))), &lowered);
  lowered.append(token.substr(length));
  if (auto it = abbreviations.find(lowered); it != abbreviations.end()) return it->second;
  return std::nullopt;
}

Status ParseSegmentRules(std::string_view text, std::string_view name, SegmentRules* rules) {
  TANDEM_RETURN_IF_ERROR(CheckUtf8(text, name));
  Section section = Section::kNeverEnds;
  // Entries of this text with their line, to report an abbreviation listed in two classes.
  StringMap<std::pair<AbbreviationClass, std::size_t>> seen;
  std::size_t line_number = 0;
  std::size_t start = 0;
  if (text.starts_with("\xEF\xBB\xBF")) start = 3;
  while (start <= text.size()) {
    std::size_t stop = text.find('\n', start);
    if (stop == std::string_view::npos) stop = text.size();
    std::string_view raw = text.substr(start, stop - start);
    start = stop + 1;
    ++line_number;
    const std::string where = fmt::format("{}:{}", name, line_number);
    const std::string_view line = Trim(StripComment(raw));
    if (line.empty()) continue;

    if (line.front() == '[') {
      if (line.back() != ']') {
        return InvalidDataError(fmt::format("{}: a section header ends with ']'", where));
      }
      const std::string_view header = Trim(line.substr(1, line.size() - 2));
      const auto* found = std::find_if(std::begin(kSections), std::end(kSections),
                                       [&](const SectionName& s) { return s.name == header; });
      if (found == std::end(kSections)) {
        std::string known;
        for (const SectionName& s : kSections)
          known += fmt::format("{}[{}]", known.empty() ? "" : ", ", s.name);
        return InvalidDataError(
            fmt::format("{}: unknown section [{}] (known: {})", where, header, known));
      }
      section = found->section;
      continue;
    }

    if (section == Section::kSettings) {
      TANDEM_RETURN_IF_ERROR(ParseSetting(line, where, rules));
      continue;
    }
    if (HasSpace(line)) {
      return InvalidDataError(
          fmt::format("{}: one entry per line, without spaces: '{}'", where, line));
    }
    switch (section) {
      case Section::kNeverEnds:
      case Section::kBeforeNumber:
      case Section::kCanEnd: {
        if (line.size() < 2 || line.back() != '.') {
          return InvalidDataError(
              fmt::format("{}: an abbreviation is written with its final period ('{}.'), not '{}'",
                          where, line, line));
        }
        const AbbreviationClass c = section == Section::kNeverEnds ? AbbreviationClass::kNeverEnds
                                    : section == Section::kBeforeNumber
                                        ? AbbreviationClass::kBeforeNumber
                                        : AbbreviationClass::kCanEnd;
        if (auto it = seen.find(line); it != seen.end() && it->second.first != c) {
          return InvalidDataError(fmt::format("{}: '{}' is already listed under [{}] on line {}",
                                              where, line, ClassSection(it->second.first),
                                              it->second.second));
        }
        seen[std::string(line)] = {c, line_number};
        rules->abbreviations[std::string(line)] = c;
        break;
      }
      case Section::kStarters:
        rules->starters.emplace(line);
        break;
      case Section::kCaptionLabels:
        rules->caption_labels.emplace(line);
        break;
      case Section::kUnpunctuatedStarters:
        rules->unpunctuated_starters.emplace(line);
        break;
      case Section::kUnpunctuatedArticles:
        rules->unpunctuated_articles.emplace(line);
        break;
      case Section::kSingleLetterWords: {
        std::size_t length = 0;
        const char32_t c = DecodeAt(line, 0, &length);
        if (length != line.size() || !u_isalpha(static_cast<UChar32>(c))) {
          return InvalidDataError(
              fmt::format("{}: a single-letter word is one letter, not '{}'", where, line));
        }
        rules->single_letter_words.emplace(line);
        break;
      }
      case Section::kSettings:
        break;
    }
  }
  return Status::Ok();
}

void AddIcuAbbreviations(const std::vector<std::string>& abbreviations, SegmentRules* rules) {
  for (const std::string& entry : abbreviations) {
    if (entry.size() < 2 || entry.back() != '.' || HasSpace(entry)) continue;
    std::size_t length = 0;
    DecodeAt(entry, 0, &length);
    if (length + 1 == entry.size()) continue;  // "G.": an initial
    rules->abbreviations.try_emplace(entry, AbbreviationClass::kNeverEnds);
  }
}

StatusOr<SegmentRules> BuiltinSegmentRules(std::string_view language) {
  SegmentRules rules;
  const EmbeddedFile* base = FindRuleFile("default");
  if (base == nullptr) return InternalError("the built-in segmentation rules are missing");
  TANDEM_RETURN_IF_ERROR(ParseSegmentRules(base->content, "default.rules", &rules));
  const std::string primary = PrimarySubtag(language);
  if (const EmbeddedFile* own = FindRuleFile(primary); own != nullptr && primary != "default") {
    TANDEM_RETURN_IF_ERROR(ParseSegmentRules(own->content, primary + ".rules", &rules));
  }
  return rules;
}

std::vector<std::string> BuiltinRuleLanguages() {
  std::vector<std::string> out;
  for (const EmbeddedFile& file : SegmentationRuleFiles()) {
    if (file.name != "default") out.emplace_back(file.name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace tandem::internal
