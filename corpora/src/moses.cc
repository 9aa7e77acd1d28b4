#include "moses.h"

#include <ostream>

#include <fmt/format.h>

#include "pair_util.h"
#include "tandem/core/text_io.h"

namespace tandem::corpora {
namespace {

using internal::Row;

bool Keep(const Bitext& bitext, std::size_t k, const FormatWriteOptions& options) {
  if (!PassesFilter(bitext, k, options.filter)) return false;
  return options.keep_unaligned || bitext.ladder[k].two_sided();
}

std::vector<std::string> Cell(std::string_view text) {
  if (text.empty()) return {};
  return {std::string(text)};
}

}  // namespace

Status WriteMoses(const Bitext& bitext, std::ostream& source, std::ostream& target,
                  const FormatWriteOptions& options) {
  std::size_t replaced = 0;
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    if (!Keep(bitext, k, options)) continue;
    const align::Bead& bead = bitext.ladder[k];
    source << internal::JoinSentences(bitext.source, bead.source_begin, bead.source_count, " ",
                                      false, &replaced)
           << '\n';
    target << internal::JoinSentences(bitext.target, bead.target_begin, bead.target_count, " ",
                                      false, &replaced)
           << '\n';
  }
  internal::WarnFlattened(options.warn, "moses", replaced);
  if (!source || !target) return IoError("write error while writing Moses files");
  return Status::Ok();
}

Status WriteTsv(const Bitext& bitext, std::ostream& out, const FormatWriteOptions& options) {
  std::size_t replaced = 0;
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    if (!Keep(bitext, k, options)) continue;
    const align::Bead& bead = bitext.ladder[k];
    out << internal::JoinSentences(bitext.source, bead.source_begin, bead.source_count, " ", true,
                                   &replaced)
        << '\t'
        << internal::JoinSentences(bitext.target, bead.target_begin, bead.target_count, " ", true,
                                   &replaced)
        << '\n';
  }
  internal::WarnFlattened(options.warn, "tsv", replaced);
  if (!out) return IoError("write error while writing TSV");
  return Status::Ok();
}

StatusOr<Bitext> ParseMoses(std::string_view source, std::string_view target,
                            std::string_view source_name, std::string_view target_name,
                            const FormatReadOptions& options) {
  std::vector<Row> rows;
  TANDEM_RETURN_IF_ERROR(internal::ForEachLine(source, [&](std::string_view line, std::size_t n) {
    rows.push_back({Cell(line), {}, 1.0, n});
    return Status::Ok();
  }));
  std::size_t count = 0;
  TANDEM_RETURN_IF_ERROR(internal::ForEachLine(target, [&](std::string_view line, std::size_t n) {
    if (n > rows.size()) rows.push_back({{}, {}, 1.0, n});
    rows[n - 1].target = Cell(line);
    count = n;
    return Status::Ok();
  }));
  if (count != rows.size()) {
    return InvalidDataError(
        fmt::format("{} has {} lines but {} has {}: Moses files are "
                    "line-aligned",
                    source_name, rows.size(), target_name, count));
  }
  return internal::BitextFromRows(std::move(rows), std::string(source_name),
                                  std::string(target_name), options.source_language,
                                  options.target_language, options.warn);
}

StatusOr<Bitext> ReadMosesFiles(const std::string& source_path, const std::string& target_path,
                                const FormatReadOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(DecodedText source, ReadTextFile(source_path));
  TANDEM_ASSIGN_OR_RETURN(DecodedText target, ReadTextFile(target_path));
  return ParseMoses(std::string_view(source.text).substr(source.content_begin),
                    std::string_view(target.text).substr(target.content_begin), source_path,
                    target_path, options);
}

StatusOr<Bitext> ParseTsv(std::string_view text, std::string_view name,
                          const FormatReadOptions& options) {
  std::vector<Row> rows;
  TANDEM_RETURN_IF_ERROR(internal::ForEachLine(text, [&](std::string_view line, std::size_t n) {
    const std::vector<std::string_view> cells = internal::Split(line, "\t");
    if (cells.size() != 2) {
      if (line.empty()) return Status::Ok();
      return InvalidDataError(fmt::format("{}:{}: expected two tab-separated columns, found {}",
                                          name, n, cells.size()));
    }
    rows.push_back({Cell(cells[0]), Cell(cells[1]), 1.0, n});
    return Status::Ok();
  }));
  return internal::BitextFromRows(std::move(rows), std::string(name), std::string(name),
                                  options.source_language, options.target_language, options.warn);
}

StatusOr<Bitext> ReadTsvFile(const std::string& path, const FormatReadOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(DecodedText text, ReadTextFile(path));
  return ParseTsv(std::string_view(text.text).substr(text.content_begin), path, options);
}

}  // namespace tandem::corpora
