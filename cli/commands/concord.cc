// tandem concord: the parallel concordance (corpora/concordance.h). Keyword-in-context lines
// with the other side's sentences beneath them, or TSV, or JSON Lines.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common.h"
#include "exchange_options.h"
#include "options.h"
#include "tandem/corpora/concordance.h"
#include "tandem/tei/formats.h"
#include "tandem/util/utf8.h"

namespace tandem::cli {
namespace {

enum class ConcordFormat { kText, kTsv, kJson };

struct ConcordArgs {
  std::vector<std::string> arguments;  // CORPUS... QUERY
  corpora::ConcordanceQuery query;
  bool partial = false;
  ConcordFormat format = ConcordFormat::kText;
  std::string output = "-";
  int width = 40;
  bool quiet = false;
  tei::ReadRequest read;
  std::string from;
};

// Tabs, line breaks and other control characters as spaces: one row stays one line.
std::string OneLine(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

// The last `width` code points of `text`, with "…" in front when cut.
std::string LastColumns(std::string_view text, std::size_t width) {
  if (internal::CountCodePoints(text) <= width) return std::string(text);
  std::size_t pos = text.size();
  for (std::size_t n = 0; n + 1 < width && pos > 0; ++n) pos = internal::PreviousStart(text, pos);
  return "\xE2\x80\xA6" + std::string(text.substr(pos));
}

// The first `width` code points of `text`, with "…" after them when cut.
std::string FirstColumns(std::string_view text, std::size_t width) {
  if (internal::CountCodePoints(text) <= width) return std::string(text);
  return std::string(internal::CodePointPrefix(text, width - 1)) + "\xE2\x80\xA6";
}

std::string PadLeft(const std::string& text, std::size_t width) {
  const std::size_t n = internal::CountCodePoints(text);
  return n >= width ? text : std::string(width - n, ' ') + text;
}

std::string_view OtherSideName(corpora::ConcordanceSide side) {
  return side == corpora::ConcordanceSide::kSource ? "target" : "source";
}

// Keyword in context: a heading per corpus, then per hit a line with the bead, the left context
// right-aligned, the hit (bold on a terminal, bracketed elsewhere) and the right context, and
// beneath it the bead's other side, indented.
void WriteText(std::ostream& out, const std::vector<corpora::ConcordanceRow>& rows,
               std::size_t width, bool bold, bool both_sides) {
  const std::string* corpus = nullptr;
  for (const corpora::ConcordanceRow& row : rows) {
    if (corpus == nullptr || *corpus != row.corpus) {
      if (corpus != nullptr) out << '\n';
      out << "== " << row.corpus << '\n';
      corpus = &row.corpus;
    }
    const std::string_view text = row.text;
    const std::string left = OneLine(text.substr(0, row.hit.begin));
    const std::string hit = OneLine(text.substr(row.hit.begin, row.hit.size()));
    const std::string right = OneLine(text.substr(row.hit.end));
    std::string place = fmt::format(
        "{}{} {}", both_sides ? (row.side == corpora::ConcordanceSide::kSource ? "S" : "T") : "",
        row.bead, row.bead_type);
    out << fmt::format("{:<10} ", place) << PadLeft(LastColumns(left, width), width)
        << (bold ? "\x1B[1m" : "[") << hit << (bold ? "\x1B[0m" : "]") << FirstColumns(right, width)
        << '\n';
    if (row.other_texts.empty()) {
      out << "           = (no counterpart: nothing on the " << OtherSideName(row.side)
          << " side)\n";
    }
    for (const std::string& other : row.other_texts)
      out << "           = " << OneLine(other) << '\n';
  }
}

void WriteTsv(std::ostream& out, const std::vector<corpora::ConcordanceRow>& rows) {
  out << "corpus\tbead\tside\tsentence\tbegin\tend\tleft\thit\tright\tother\tbead_type\t"
         "confidence\treview\n";
  for (const corpora::ConcordanceRow& row : rows) {
    const std::string_view text = row.text;
    std::string other;
    for (const std::string& sentence : row.other_texts) {
      if (!other.empty()) other += ' ';
      other += OneLine(sentence);
    }
    out << OneLine(row.corpus) << '\t' << row.bead << '\t' << corpora::ConcordanceSideName(row.side)
        << '\t' << row.sentence << '\t' << row.hit.begin << '\t' << row.hit.end << '\t'
        << OneLine(text.substr(0, row.hit.begin)) << '\t'
        << OneLine(text.substr(row.hit.begin, row.hit.size())) << '\t'
        << OneLine(text.substr(row.hit.end)) << '\t' << other << '\t' << row.bead_type << '\t'
        << fmt::format("{:.4f}", row.confidence) << '\t' << corpora::ReviewStatusName(row.review)
        << '\n';
  }
}

void WriteJson(std::ostream& out, const std::vector<corpora::ConcordanceRow>& rows) {
  for (const corpora::ConcordanceRow& row : rows) {
    const nlohmann::ordered_json line = {{"corpus", row.corpus},
                                         {"bead", row.bead},
                                         {"side", corpora::ConcordanceSideName(row.side)},
                                         {"sentence", row.sentence},
                                         {"hit", {{"begin", row.hit.begin}, {"end", row.hit.end}}},
                                         {"match", row.text.substr(row.hit.begin, row.hit.size())},
                                         {"text", row.text},
                                         {"other_sentences", row.other_sentences},
                                         {"other_texts", row.other_texts},
                                         {"bead_type", row.bead_type},
                                         {"confidence", row.confidence},
                                         {"review", corpora::ReviewStatusName(row.review)}};
    out << line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  }
}

int Run(ConcordArgs args) {
  if (args.arguments.size() < 2) {
    return ReportError(InvalidArgumentError(
        "give at least one corpus and the query: tandem concord CORPUS... QUERY"));
  }
  if (args.width < 4) {
    return ReportError(InvalidArgumentError("--width must be at least 4"));
  }
  args.query.text = args.arguments.back();
  args.arguments.pop_back();
  args.query.whole_words = !args.partial;
  if (const Status read = ApplyReadOptions(args.from, args.read); !read.ok()) {
    return ReportError(read);
  }
  std::vector<std::string> files;  // a directory stands for the corpus files in it
  for (const std::string& path : args.arguments) {
    StatusOr<std::vector<std::string>> in = CorpusFiles(path);
    if (!in.ok()) return ReportError(in.status());
    files.insert(files.end(), in->begin(), in->end());
  }
  args.arguments = std::move(files);
  if (const Status checked = CheckOutputs(args.arguments, {args.output}); !checked.ok()) {
    return ReportError(checked);
  }
  const corpora::WarningCallback warn = PrintWarnings();
  const tei::ReadRequest& read = args.read;
  StatusOr<std::vector<corpora::ConcordanceRow>> rows =
      corpora::Concord(args.arguments, args.query, [&](const std::string& path) {
        tei::ReadRequest request = read;
        request.path = path;
        request.warn = warn;
        return tei::ReadBitext(request);
      });
  if (!rows.ok()) return ReportError(rows.status());
  const bool bold =
      args.output == "-" && isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  const Status written = WriteOutput(args.output, [&](std::ostream& out) {
    switch (args.format) {
      case ConcordFormat::kText:
        WriteText(out, *rows, static_cast<std::size_t>(args.width), bold,
                  args.query.side == corpora::ConcordanceSide::kBoth);
        break;
      case ConcordFormat::kTsv:
        WriteTsv(out, *rows);
        break;
      case ConcordFormat::kJson:
        WriteJson(out, *rows);
        break;
    }
    return out ? Status::Ok() : IoError("write error");
  });
  if (!written.ok()) return ReportError(written);
  if (!args.quiet) {
    std::size_t alone = 0;
    for (const auto& row : *rows) alone += row.other_texts.empty() ? 1 : 0;
    std::cerr << fmt::format("{} hit{} in {} corpus file{}", rows->size(),
                             rows->size() == 1 ? "" : "s", args.arguments.size(),
                             args.arguments.size() == 1 ? "" : "s");
    if (alone > 0) std::cerr << fmt::format(" ({} without counterpart)", alone);
    std::cerr << '\n';
  }
  return kExitOk;
}

}  // namespace

void AddConcordCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ConcordArgs>();
  CLI::App* cmd = app.add_subcommand(
      "concord",
      "Parallel concordance: every hit of a word, phrase or regular expression in aligned "
      "corpora, with the aligned sentences of the other side");
  cmd->add_option("CORPUS... QUERY", args->arguments,
                  "aligned files (any format tandem reads) or directories of them (tandem batch "
                  "output), then the word, phrase or (with -e) regular expression to look for")
      ->required();
  cmd->add_flag("-e,--regex", args->query.regex,
                "the query is an ICU regular expression (no word boundaries are added)");
  cmd->add_flag("-i,--ignore-case", args->query.ignore_case, "ignore case (Unicode case folding)");
  cmd->add_flag("--fold-accents", args->query.fold_accents,
                "ignore accents and other diacritics (o finds \xC5\x91, \xC3\xB3, \xC3\xB6)");
  cmd->add_flag("--partial", args->partial,
                "let a word or phrase match inside longer words (Stalin finds Stalinist)");
  AddNamedOption<corpora::ConcordanceSide>(*cmd, "--side", args->query.side,
                                           {{"source", corpora::ConcordanceSide::kSource},
                                            {"target", corpora::ConcordanceSide::kTarget},
                                            {"both", corpora::ConcordanceSide::kBoth}},
                                           "where to look for hits: source (the default), target "
                                           "or both");
  AddNamedOption<ConcordFormat>(
      *cmd, "-f,--format", args->format,
      {{"text", ConcordFormat::kText},
       {"tsv", ConcordFormat::kTsv},
       {"json", ConcordFormat::kJson}},
      "text (keyword in context, the default), tsv or json (JSON Lines, one hit a line)");
  cmd->add_option("-o,--output", args->output, "where to write (default: standard output)");
  cmd->add_option("-w,--width", args->width,
                  "characters of context on each side of the hit in text output (default 40)");
  cmd->add_flag("-q,--quiet", args->quiet, "do not print the number of hits");
  AddReadOptions(*cmd, args->read, args->from);
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
