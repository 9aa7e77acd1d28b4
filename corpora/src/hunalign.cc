#include "hunalign.h"

#include <charconv>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "pair_util.h"
#include "tandem/core/text_io.h"

namespace tandem::corpora {
namespace {

using internal::Row;

constexpr std::string_view kJoin = " ~~~ ";

// The shortest form that reads back as the same number.
std::string Confidence(double value) { return fmt::format("{}", value); }

bool ParseIndex(std::string_view text, std::size_t* value) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const auto result = std::from_chars(text.data(), text.data() + text.size(), *value);
  return !text.empty() && result.ec == std::errc() && result.ptr == text.data() + text.size();
}

std::vector<std::string> Pieces(std::string_view cell, std::string_view separator) {
  std::vector<std::string> out;
  if (cell.empty()) return out;
  for (const std::string_view piece : internal::Split(cell, separator)) out.emplace_back(piece);
  return out;
}

void WarnClamped(const WarningCallback& warn, std::string_view name, std::size_t clamped) {
  if (clamped > 0 && warn) {
    warn(fmt::format("{}: {} confidences outside [0, 1] (hunalign's scores) were clamped", name,
                     clamped));
  }
}

}  // namespace

Status WriteHunalignLadder(const align::Ladder& ladder, std::ostream& out) {
  std::size_t i = 0;
  std::size_t j = 0;
  for (const align::Bead& bead : ladder) {
    out << bead.source_begin << '\t' << bead.target_begin << '\t' << Confidence(bead.confidence)
        << '\n';
    i = bead.source_end();
    j = bead.target_end();
  }
  out << i << '\t' << j << "\t0\n";
  if (!out) return IoError("write error while writing a hunalign ladder");
  return Status::Ok();
}

StatusOr<align::Ladder> ParseHunalignLadder(std::string_view text, std::string_view name,
                                            const WarningCallback& warn) {
  struct Rung {
    std::size_t i = 0;
    std::size_t j = 0;
    double confidence = 0;
    std::size_t line = 0;
  };
  std::vector<Rung> rungs;
  std::size_t clamped = 0;
  TANDEM_RETURN_IF_ERROR(internal::ForEachLine(text, [&](std::string_view line, std::size_t n) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) return Status::Ok();
    std::vector<std::string_view> cells = internal::Split(line, "\t");
    if (cells.size() < 2) cells = internal::Split(line, " ");  // hand ladders: "0 0"
    Rung rung;
    rung.line = n;
    if (cells.size() < 2 || cells.size() > 3 || !ParseIndex(cells[0], &rung.i) ||
        !ParseIndex(cells[1], &rung.j) ||
        (cells.size() == 3 && !internal::ParseConfidence(cells[2], &rung.confidence, &clamped))) {
      return InvalidDataError(
          fmt::format("{}:{}: expected a rung 'source TAB target [TAB confidence]'", name, n));
    }
    if (cells.size() == 2) rung.confidence = 1.0;
    rungs.push_back(rung);
    return Status::Ok();
  }));
  if (rungs.empty()) return InvalidDataError(fmt::format("{}: no rungs", name));
  if (rungs.front().i != 0 || rungs.front().j != 0) {
    return InvalidDataError(
        fmt::format("{}:{}: the first rung must be 0 0", name, rungs.front().line));
  }
  align::Ladder ladder;
  for (std::size_t k = 0; k + 1 < rungs.size(); ++k) {
    const Rung& a = rungs[k];
    const Rung& b = rungs[k + 1];
    if (b.i < a.i || b.j < a.j || (b.i == a.i && b.j == a.j)) {
      return InvalidDataError(
          fmt::format("{}:{}: rungs must move forward on both sides", name, b.line));
    }
    ladder.push_back({a.i, b.i - a.i, a.j, b.j - a.j, a.confidence});
  }
  WarnClamped(warn, name, clamped);
  return ladder;
}

StatusOr<align::Ladder> ReadHunalignLadderFile(const std::string& path,
                                               const WarningCallback& warn) {
  TANDEM_ASSIGN_OR_RETURN(DecodedText text, ReadTextFile(path));
  return ParseHunalignLadder(std::string_view(text.text).substr(text.content_begin), path, warn);
}

Status WriteHunalignText(const Bitext& bitext, std::ostream& out,
                         const FormatWriteOptions& options) {
  std::size_t replaced = 0;
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    if (!PassesFilter(bitext, k, options.filter)) continue;
    const align::Bead& bead = bitext.ladder[k];
    out << internal::JoinSentences(bitext.source, bead.source_begin, bead.source_count, kJoin, true,
                                   &replaced)
        << '\t'
        << internal::JoinSentences(bitext.target, bead.target_begin, bead.target_count, kJoin, true,
                                   &replaced)
        << '\t' << Confidence(bead.confidence) << '\n';
  }
  internal::WarnFlattened(options.warn, "hunalign-text", replaced);
  if (!out) return IoError("write error while writing hunalign text output");
  return Status::Ok();
}

StatusOr<Bitext> ParseHunalignText(std::string_view text, std::string_view name,
                                   const FormatReadOptions& options) {
  std::vector<Row> rows;
  std::size_t clamped = 0;
  TANDEM_RETURN_IF_ERROR(internal::ForEachLine(text, [&](std::string_view line, std::size_t n) {
    if (line.empty()) return Status::Ok();
    const std::vector<std::string_view> cells = internal::Split(line, "\t");
    Row row;
    row.line = n;
    if (cells.size() != 3 || !internal::ParseConfidence(cells[2], &row.confidence, &clamped)) {
      return InvalidDataError(fmt::format(
          "{}:{}: expected 'source TAB target TAB confidence' (hunalign -text output)", name, n));
    }
    row.source = Pieces(cells[0], kJoin);
    row.target = Pieces(cells[1], kJoin);
    rows.push_back(std::move(row));
    return Status::Ok();
  }));
  WarnClamped(options.warn, name, clamped);
  return internal::BitextFromRows(std::move(rows), std::string(name), std::string(name),
                                  options.source_language, options.target_language, options.warn);
}

StatusOr<Bitext> ReadHunalignTextFile(const std::string& path, const FormatReadOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(DecodedText text, ReadTextFile(path));
  return ParseHunalignText(std::string_view(text.text).substr(text.content_begin), path, options);
}

Status WriteLfAligner(const Bitext& bitext, std::ostream& out, const FormatWriteOptions& options) {
  std::size_t replaced = 0;
  const std::string info =
      fmt::format("{}-{}", std::filesystem::path(bitext.source.name).filename().string(),
                  std::filesystem::path(bitext.target.name).filename().string());
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    if (!PassesFilter(bitext, k, options.filter)) continue;
    const align::Bead& bead = bitext.ladder[k];
    out << internal::JoinSentences(bitext.source, bead.source_begin, bead.source_count, " ", true,
                                   &replaced)
        << '\t'
        << internal::JoinSentences(bitext.target, bead.target_begin, bead.target_count, " ", true,
                                   &replaced)
        << '\t' << internal::FlattenLine(info, true, &replaced) << '\t'
        << Confidence(bead.confidence) << '\n';
  }
  internal::WarnFlattened(options.warn, "lfaligner", replaced);
  if (!out) return IoError("write error while writing LF Aligner output");
  return Status::Ok();
}

StatusOr<Bitext> ParseLfAligner(std::string_view text, std::string_view name,
                                const FormatReadOptions& options) {
  std::vector<Row> rows;
  std::size_t clamped = 0;
  TANDEM_RETURN_IF_ERROR(internal::ForEachLine(text, [&](std::string_view line, std::size_t n) {
    if (line.empty()) return Status::Ok();
    const std::vector<std::string_view> cells = internal::Split(line, "\t");
    Row row;
    row.line = n;
    if (cells.size() < 2 || cells.size() > 4 ||
        (cells.size() == 4 && !internal::ParseConfidence(cells[3], &row.confidence, &clamped))) {
      return InvalidDataError(fmt::format(
          "{}:{}: expected 'source TAB target [TAB source info [TAB confidence]]'", name, n));
    }
    row.source = Pieces(cells[0], "\t");
    row.target = Pieces(cells[1], "\t");
    rows.push_back(std::move(row));
    return Status::Ok();
  }));
  WarnClamped(options.warn, name, clamped);
  return internal::BitextFromRows(std::move(rows), std::string(name), std::string(name),
                                  options.source_language, options.target_language, options.warn);
}

StatusOr<Bitext> ReadLfAlignerFile(const std::string& path, const FormatReadOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(DecodedText text, ReadTextFile(path));
  return ParseLfAligner(std::string_view(text.text).substr(text.content_begin), path, options);
}

}  // namespace tandem::corpora
