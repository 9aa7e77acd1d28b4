#include "pair_util.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace tandem::corpora::internal {

std::string FlattenLine(std::string_view text, bool tabs, std::size_t* replaced) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      out += ' ';
      ++*replaced;
    } else if (c == '\n' || c == '\r' || (tabs && c == '\t')) {
      out += ' ';
      ++*replaced;
    } else {
      out += c;
    }
  }
  return out;
}

Status ForEachLine(std::string_view text,
                   const std::function<Status(std::string_view, std::size_t)>& line) {
  std::size_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t stop = text.find('\n', start);
    if (stop == std::string_view::npos) stop = text.size();
    std::string_view current = text.substr(start, stop - start);
    if (!current.empty() && current.back() == '\r') current.remove_suffix(1);
    TANDEM_RETURN_IF_ERROR(line(current, ++number));
    start = stop + 1;
  }
  return Status::Ok();
}

std::string JoinSentences(const Document& doc, std::size_t begin, std::size_t count,
                          std::string_view separator, bool tabs, std::size_t* replaced) {
  std::string out;
  for (std::size_t i = begin; i < begin + count; ++i) {
    if (i > begin) out += separator;
    out += FlattenLine(doc.SentenceText(i), tabs, replaced);
  }
  return out;
}

void WarnFlattened(const WarningCallback& warn, std::string_view format, std::size_t replaced) {
  if (replaced > 0 && warn) {
    warn(fmt::format("{}: {} line breaks{} inside sentences were written as spaces", format,
                     replaced, format == "moses" ? "" : " and tabs"));
  }
}

std::vector<std::string_view> Split(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t found = text.find(separator, start);
    if (found == std::string_view::npos) {
      out.push_back(text.substr(start));
      return out;
    }
    out.push_back(text.substr(start, found - start));
    start = found + separator.size();
  }
}

bool ParseConfidence(std::string_view text, double* value, std::size_t* clamped) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  const auto result = std::from_chars(text.data(), text.data() + text.size(), *value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() || text.empty()) {
    return false;
  }
  if (!(*value >= 0.0 && *value <= 1.0)) {
    *value = std::clamp(*value, 0.0, 1.0);
    if (*value != *value) *value = 0.0;  // NaN
    ++*clamped;
  }
  return true;
}

StatusOr<Bitext> BitextFromRows(std::vector<Row> rows, const std::string& source_name,
                                const std::string& target_name, const std::string& source_language,
                                const std::string& target_language, const WarningCallback& warn) {
  Bitext bitext;
  PairDocument source(source_name, source_language);
  PairDocument target(target_name, target_language);
  std::size_t i = 0;
  std::size_t j = 0;
  for (Row& row : rows) {
    if (row.source.empty() && row.target.empty()) continue;
    align::Bead bead{i, row.source.size(), j, row.target.size(), row.confidence};
    for (const std::string& sentence : row.source) {
      if (sentence.empty()) {
        return InvalidDataError(fmt::format("{}:{}: an empty sentence", source_name, row.line));
      }
      source.AddLine(sentence);
    }
    for (const std::string& sentence : row.target) {
      if (sentence.empty()) {
        return InvalidDataError(fmt::format("{}:{}: an empty sentence", target_name, row.line));
      }
      target.AddLine(sentence);
    }
    i += row.source.size();
    j += row.target.size();
    bitext.ladder.push_back(bead);
  }
  if (bitext.ladder.empty()) {
    return InvalidDataError(fmt::format("{}: no sentence pairs", source_name));
  }
  TANDEM_ASSIGN_OR_RETURN(bitext.source, source.Finish(warn, /*keep_name=*/true));
  TANDEM_ASSIGN_OR_RETURN(bitext.target, target.Finish(warn, /*keep_name=*/true));
  return bitext;
}

std::string EscapeMarkup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace tandem::corpora::internal
