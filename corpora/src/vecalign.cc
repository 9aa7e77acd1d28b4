#include "tandem/corpora/vecalign.h"

#include <cctype>
#include <charconv>
#include <ostream>

#include <fmt/format.h>

#include "tandem/core/text_io.h"

namespace tandem::corpora {
namespace {

void WriteIndices(std::ostream& out, std::size_t begin, std::size_t count) {
  out << '[';
  for (std::size_t k = 0; k < count; ++k) {
    if (k > 0) out << ", ";
    out << begin + k;
  }
  out << ']';
}

class LineParser {
 public:
  LineParser(std::string_view line, std::string_view name, std::size_t line_number)
      : line_(line), name_(name), line_number_(line_number) {}

  StatusOr<align::Link> Parse() {
    align::Link link;
    TANDEM_ASSIGN_OR_RETURN(link.source, List());
    SkipSpaces();
    if (!Consume(':')) return Error("expected ':' between the two index lists");
    TANDEM_ASSIGN_OR_RETURN(link.target, List());
    SkipSpaces();
    if (pos_ < line_.size() && line_[pos_] == ':') {
      pos_ = line_.size();  // a third field (score, cost or confidence) is allowed and ignored
    }
    SkipSpaces();
    if (pos_ != line_.size()) return Error("unexpected text after the link");
    return link;
  }

 private:
  StatusOr<std::vector<std::size_t>> List() {
    SkipSpaces();
    if (!Consume('[')) return Error("expected '[' to open an index list");
    std::vector<std::size_t> out;
    SkipSpaces();
    if (Consume(']')) return out;
    for (;;) {
      SkipSpaces();
      std::size_t value = 0;
      const char* begin = line_.data() + pos_;
      const char* end = line_.data() + line_.size();
      const auto [ptr, ec] = std::from_chars(begin, end, value);
      if (ec != std::errc() || ptr == begin) return Error("expected a sentence index");
      pos_ += static_cast<std::size_t>(ptr - begin);
      out.push_back(value);
      SkipSpaces();
      if (Consume(']')) return out;
      if (!Consume(',')) return Error("expected ',' or ']' in an index list");
    }
  }

  void SkipSpaces() {
    while (pos_ < line_.size() && std::isspace(static_cast<unsigned char>(line_[pos_]))) ++pos_;
  }
  bool Consume(char c) {
    if (pos_ < line_.size() && line_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  Status Error(std::string_view what) const {
    return InvalidDataError(fmt::format("{}:{}:{}: {} (line: '{}')", name_, line_number_, pos_ + 1,
                                        what, line_.substr(0, 80)));
  }

  std::string_view line_;
  std::string_view name_;
  std::size_t line_number_;
  std::size_t pos_ = 0;
};

}  // namespace

Status WriteVecalign(const align::Ladder& ladder, std::ostream& out) {
  for (const align::Bead& bead : ladder) {
    WriteIndices(out, bead.source_begin, bead.source_count);
    out << ':';
    WriteIndices(out, bead.target_begin, bead.target_count);
    out << fmt::format(":{:.3f}\n", bead.confidence);
  }
  return Status::Ok();
}

StatusOr<std::vector<align::Link>> ParseVecalign(std::string_view text, std::string_view name) {
  std::vector<align::Link> links;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t stop = text.find('\n', start);
    if (stop == std::string_view::npos) stop = text.size();
    std::string_view line = text.substr(start, stop - start);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
    if (!blank) {
      TANDEM_ASSIGN_OR_RETURN(align::Link link, LineParser(line, name, line_number).Parse());
      links.push_back(std::move(link));
    }
    start = stop + 1;
  }
  return links;
}

StatusOr<std::vector<align::Link>> ReadVecalignFile(const std::string& path) {
  TANDEM_ASSIGN_OR_RETURN(DecodedText text, ReadTextFile(path));
  return ParseVecalign(text.text, path);
}

}  // namespace tandem::corpora
