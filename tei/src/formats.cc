#include "tandem/tei/formats.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <utility>

#include <fmt/format.h>

#include "tandem/core/segmenter.h"
#include "tandem/core/text_io.h"
#include "tandem/corpora/hunalign.h"
#include "tandem/corpora/jsonl.h"
#include "tandem/corpora/moses.h"
#include "tandem/corpora/vecalign.h"
#include "tandem/tei/exchange.h"
#include "tandem/tei/reader.h"
#include "xml_stream.h"

namespace tandem::tei {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::pair<Format, std::string_view>, 11> kNames = {{
    {Format::kTei, "tei"},
    {Format::kTmx, "tmx"},
    {Format::kXces, "xces"},
    {Format::kInterText, "intertext"},
    {Format::kJsonl, "jsonl"},
    {Format::kMoses, "moses"},
    {Format::kTsv, "tsv"},
    {Format::kHunalignLadder, "hunalign"},
    {Format::kHunalignText, "hunalign-text"},
    {Format::kVecalign, "vecalign"},
    {Format::kLfAligner, "lfaligner"},
}};

// The first bytes of a file (enough to find an XML root element).
std::string Head(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

std::string MosesPath(const std::string& prefix, const std::string& language) {
  return prefix + "." + (language.empty() ? std::string("und") : language);
}

// "letter.en-hu" -> {"en", "hu"}.
std::pair<std::string, std::string> LanguagesOfPrefix(const std::string& prefix) {
  const std::size_t dot = prefix.rfind('.');
  if (dot == std::string::npos) return {};
  const std::string tail = prefix.substr(dot + 1);
  const std::size_t dash = tail.find('-');
  if (dash == std::string::npos) return {};
  return {tail.substr(0, dash), tail.substr(dash + 1)};
}

// The texts a ladder or vecalign file was made from: one sentence per line.
StatusOr<corpora::Bitext> PresegmentedTexts(const ReadRequest& request) {
  if (request.source_text.empty() || request.target_text.empty()) {
    return InvalidArgumentError(fmt::format(
        "{} holds only an alignment: give the two texts it was made from (--source-text, "
        "--target-text; one sentence per line)",
        request.path));
  }
  corpora::Bitext bitext;
  for (int side = 0; side < 2; ++side) {
    SegmentOptions options;
    options.language = side == 0 ? request.source_language : request.target_language;
    if (options.language.empty()) {
      return InvalidArgumentError("give the languages of the two texts (-s, -t)");
    }
    options.presegmented = true;
    TANDEM_ASSIGN_OR_RETURN(
        Document doc, SegmentFile(side == 0 ? request.source_text : request.target_text, options));
    (side == 0 ? bitext.source : bitext.target) = std::move(doc);
  }
  return bitext;
}

// Links (vecalign) as a complete ladder: sentences no link names become unaligned beads.
StatusOr<align::Ladder> LadderFromLinks(const std::vector<align::Link>& links,
                                        const std::string& name, std::size_t source_size,
                                        std::size_t target_size) {
  align::Ladder ladder;
  std::size_t next[2] = {0, 0};
  auto gap = [&](std::size_t source_end, std::size_t target_end) {
    for (; next[0] < source_end; ++next[0]) ladder.push_back({next[0], 1, next[1], 0, 0.0});
    for (; next[1] < target_end; ++next[1]) ladder.push_back({next[0], 0, next[1], 1, 0.0});
  };
  for (std::size_t k = 0; k < links.size(); ++k) {
    const align::Link& link = links[k];
    const std::vector<std::size_t>* sides[2] = {&link.source, &link.target};
    for (int side = 0; side < 2; ++side) {
      const std::vector<std::size_t>& list = *sides[side];
      for (std::size_t m = 0; m < list.size(); ++m) {
        if (list[m] != list.front() + m || list.front() < next[side] ||
            list[m] >= (side == 0 ? source_size : target_size)) {
          return InvalidDataError(fmt::format(
              "{}: link {} is not a run of sentences following the link before it (or points "
              "past the end of the text)",
              name, k + 1));
        }
      }
    }
    if (link.source.empty() && link.target.empty()) continue;
    gap(link.source.empty() ? next[0] : link.source.front(),
        link.target.empty() ? next[1] : link.target.front());
    ladder.push_back({next[0], link.source.size(), next[1], link.target.size(), 1.0});
    next[0] += link.source.size();
    next[1] += link.target.size();
  }
  gap(source_size, target_size);
  return ladder;
}

template <typename Write>
Status WriteOne(const std::string& path, Write write) {
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput out, AtomicOutput::Open(path));
  TANDEM_RETURN_IF_ERROR(write(out.stream()).WithContext(path == "-" ? "<stdout>" : path));
  return out.Commit();
}

}  // namespace

std::string_view FormatName(Format format) {
  for (const auto& [value, name] : kNames) {
    if (value == format) return name;
  }
  return "tei";
}

std::optional<Format> FormatFromName(std::string_view name) {
  for (const auto& [value, known] : kNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

const std::vector<Format>& AllFormats() {
  static const std::vector<Format> kAll = [] {
    std::vector<Format> all;
    for (const auto& [value, name] : kNames) all.push_back(value);
    return all;
  }();
  return kAll;
}

bool IsCompleteFormat(Format format) {
  return format == Format::kTei || format == Format::kInterText ||
         format == Format::kHunalignLadder;
}

StatusOr<Format> DetectFormat(const std::string& path) {
  const std::string head = Head(path);
  const std::string root = internal::RootElementName(head);
  if (root == "TEI" || root == "teiCorpus") return Format::kTei;
  if (root == "tmx") return Format::kTmx;
  if (root == "cesAlign") return Format::kXces;
  if (root == "linkGrp") return Format::kInterText;
  const std::size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && head[first] == '{') return Format::kJsonl;
  if (first != std::string::npos && head[first] == '[') return Format::kVecalign;
  const std::string extension = fs::path(path).extension().string();
  if (extension == ".tsv") return Format::kTsv;
  if (extension == ".ladder") return Format::kHunalignLadder;
  if (!fs::exists(path)) {
    return NotFoundError(fmt::format("{}: no such file", path));
  }
  return InvalidArgumentError(
      fmt::format("cannot tell the format of {} from its content; give it with --from", path));
}

namespace {

// The languages of the two files of a Moses pair, PREFIX.<language>: those given, or else those
// of a prefix ending in ".L1-L2".
std::pair<std::string, std::string> MosesLanguages(const ReadRequest& request) {
  auto [source, target] = LanguagesOfPrefix(request.path);
  if (!request.source_language.empty()) source = request.source_language;
  if (!request.target_language.empty()) target = request.target_language;
  return {source, target};
}

}  // namespace

std::vector<std::string> InputPaths(const ReadRequest& request, const corpora::Bitext& bitext) {
  std::vector<std::string> paths = {request.path};
  std::optional<Format> format = request.format;
  if (!format && request.path != "-") {
    if (StatusOr<Format> detected = DetectFormat(request.path); detected.ok()) format = *detected;
  }
  if (!format) return paths;
  switch (*format) {
    case Format::kMoses: {
      const auto [source, target] = MosesLanguages(request);
      paths.push_back(MosesPath(request.path, source));
      paths.push_back(MosesPath(request.path, target));
      break;
    }
    case Format::kXces:
    case Format::kInterText:
      // Their readers name each document by the path it was read from.
      paths.push_back(bitext.source.name);
      paths.push_back(bitext.target.name);
      break;
    case Format::kHunalignLadder:
    case Format::kVecalign:
      paths.push_back(request.source_text);
      paths.push_back(request.target_text);
      break;
    default:
      break;
  }
  return paths;
}

StatusOr<corpora::Bitext> ReadBitext(const ReadRequest& request) {
  Format format = Format::kTei;
  if (request.format) {
    format = *request.format;
  } else if (request.path.empty() || request.path == "-") {
    return InvalidArgumentError("give the format of standard input with --from");
  } else {
    TANDEM_ASSIGN_OR_RETURN(format, DetectFormat(request.path));
  }
  corpora::PairReadOptions pair{request.source_language, request.target_language, request.warn};
  switch (format) {
    case Format::kTei:
      return ReadTeiFile(request.path,
                         {.load_sources = request.load_sources, .warn = request.warn});
    case Format::kTmx:
      return ReadTmxFile(request.path, pair);
    case Format::kXces:
      return ReadXcesFile(request.path, pair);
    case Format::kInterText:
      return ReadInterTextFile(request.path, pair);
    case Format::kJsonl:
      return corpora::ReadJsonlFile(request.path, pair);
    case Format::kTsv:
      return corpora::ReadTsvFile(request.path, pair);
    case Format::kHunalignText:
      return corpora::ReadHunalignTextFile(request.path, pair);
    case Format::kLfAligner:
      return corpora::ReadLfAlignerFile(request.path, pair);
    case Format::kMoses: {
      const auto [source, target] = MosesLanguages(request);
      if (source.empty() || target.empty()) {
        return InvalidArgumentError(
            fmt::format("{}: give the languages (-s, -t): the Moses files are PREFIX.<language>",
                        request.path));
      }
      pair.source_language = source;
      pair.target_language = target;
      return corpora::ReadMosesFiles(MosesPath(request.path, source),
                                     MosesPath(request.path, target), pair);
    }
    case Format::kHunalignLadder: {
      TANDEM_ASSIGN_OR_RETURN(corpora::Bitext bitext, PresegmentedTexts(request));
      TANDEM_ASSIGN_OR_RETURN(bitext.ladder,
                              corpora::ReadHunalignLadderFile(request.path, request.warn));
      bitext.alignment.tool = "hunalign";
      TANDEM_RETURN_IF_ERROR(corpora::ValidateBitext(bitext).WithContext(request.path));
      return bitext;
    }
    case Format::kVecalign: {
      TANDEM_ASSIGN_OR_RETURN(corpora::Bitext bitext, PresegmentedTexts(request));
      TANDEM_ASSIGN_OR_RETURN(std::vector<align::Link> links,
                              corpora::ReadVecalignFile(request.path));
      TANDEM_ASSIGN_OR_RETURN(bitext.ladder,
                              LadderFromLinks(links, request.path, bitext.source.sentences.size(),
                                              bitext.target.sentences.size()));
      bitext.alignment.tool = "vecalign";
      return bitext;
    }
  }
  return InternalError("unknown format");
}

std::vector<std::string> OutputPaths(const corpora::Bitext& bitext, const WriteRequest& request) {
  switch (request.format) {
    case Format::kTei:
      if (request.layout == TeiLayout::kSplit) {
        const SplitPaths paths = SplitLayoutPaths(bitext, request.path);
        return {paths.alignment, paths.source, paths.target};
      }
      return {request.path};
    case Format::kXces: {
      const XcesPaths paths = XcesLayoutPaths(bitext, request.path);
      return {paths.alignment, paths.source, paths.target};
    }
    case Format::kInterText: {
      const InterTextPaths paths = InterTextLayoutPaths(bitext, request.path);
      return {paths.alignment, paths.source, paths.target};
    }
    case Format::kMoses:
      return {MosesPath(request.path, bitext.source.language),
              MosesPath(request.path, bitext.target.language)};
    default:
      return {request.path};
  }
}

Status WriteBitext(const corpora::Bitext& bitext, const WriteRequest& request) {
  if (request.filter.active() && IsCompleteFormat(request.format)) {
    return InvalidArgumentError(fmt::format(
        "a {} file holds the whole alignment: --min-confidence and --status apply to exports "
        "of sentence pairs (tmx, xces, jsonl, moses, tsv, hunalign-text, vecalign, lfaligner)",
        FormatName(request.format)));
  }
  const std::vector<std::string> paths = OutputPaths(bitext, request);
  if (paths.size() > 1 && request.path == "-") {
    return InvalidArgumentError(
        fmt::format("the {} format is several files; give an output path, not standard output",
                    FormatName(request.format)));
  }
  const ExchangeWriteOptions exchange{request.path, request.filter, request.warn};
  const corpora::PairWriteOptions pair{request.filter, request.keep_unaligned, request.warn};
  switch (request.format) {
    case Format::kTei:
      return WriteTeiFile(
          bitext, {.output_path = request.path, .layout = request.layout, .warn = request.warn});
    case Format::kTmx:
      return WriteTmxFile(bitext, exchange);
    case Format::kXces:
      return WriteXcesFiles(bitext, exchange);
    case Format::kInterText:
      return WriteInterTextFiles(bitext, exchange);
    case Format::kJsonl:
      return WriteOne(request.path, [&](std::ostream& out) {
        return corpora::WriteJsonl(bitext, out, request.filter);
      });
    case Format::kTsv:
      return WriteOne(request.path,
                      [&](std::ostream& out) { return corpora::WriteTsv(bitext, out, pair); });
    case Format::kHunalignText:
      return WriteOne(request.path, [&](std::ostream& out) {
        return corpora::WriteHunalignText(bitext, out, pair);
      });
    case Format::kLfAligner:
      return WriteOne(request.path, [&](std::ostream& out) {
        return corpora::WriteLfAligner(bitext, out, pair);
      });
    case Format::kHunalignLadder:
      return WriteOne(request.path, [&](std::ostream& out) {
        return corpora::WriteHunalignLadder(bitext.ladder, out);
      });
    case Format::kVecalign:
      return WriteOne(request.path, [&](std::ostream& out) {
        if (!request.filter.active()) return corpora::WriteVecalign(bitext.ladder, out);
        align::Ladder kept;
        for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
          if (corpora::PassesFilter(bitext, k, request.filter)) kept.push_back(bitext.ladder[k]);
        }
        return corpora::WriteVecalign(kept, out);
      });
    case Format::kMoses: {
      TANDEM_ASSIGN_OR_RETURN(AtomicOutput source, AtomicOutput::Open(paths[0]));
      TANDEM_ASSIGN_OR_RETURN(AtomicOutput target, AtomicOutput::Open(paths[1]));
      TANDEM_RETURN_IF_ERROR(corpora::WriteMoses(bitext, source.stream(), target.stream(), pair)
                                 .WithContext(request.path));
      TANDEM_RETURN_IF_ERROR(source.Commit());
      return target.Commit();
    }
  }
  return InternalError("unknown format");
}

StatusOr<corpora::Bitext> ConvertFile(const ConvertRequest& request) {
  TANDEM_ASSIGN_OR_RETURN(corpora::Bitext bitext, ReadBitext(request.in));
  corpora::ApplyMetadata(request.metadata, bitext);
  TANDEM_RETURN_IF_ERROR(WriteBitext(bitext, request.out));
  return bitext;
}

corpora::InputLoader AlignInputLoader(corpora::WarningCallback warn) {
  return
      [warn = std::move(warn)](const std::string& path,
                               const std::string& language) -> StatusOr<std::optional<Document>> {
        if (path == "-") return std::optional<Document>();
        const std::string root = internal::RootElementName(Head(path));
        if (root != "TEI" && root != "teiCorpus") return std::optional<Document>();
        TANDEM_ASSIGN_OR_RETURN(Document doc,
                                ReadTeiDocumentFile(path, {.language = language, .warn = warn}));
        return std::optional<Document>(std::move(doc));
      };
}

}  // namespace tandem::tei
