#include "tandem/tei/formats.h"

#include <array>
#include <cassert>
#include <filesystem>
#include <fstream>
#include <utility>

#include <fmt/format.h>

#include "exchange.h"
#include "hunalign.h"
#include "jsonl.h"
#include "moses.h"
#include "tandem/align/eval.h"
#include "tandem/core/segmenter.h"
#include "tandem/core/text_io.h"
#include "tandem/corpora/vecalign.h"
#include "tandem/tei/reader.h"
#include "xml_stream.h"

namespace tandem::tei {
namespace {

namespace fs = std::filesystem;

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

template <typename Write>
Status WriteOne(const std::string& path, Write write) {
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput out, AtomicOutput::Open(path));
  TANDEM_RETURN_IF_ERROR(write(out.stream()).WithContext(path == "-" ? "<stdout>" : path));
  return out.Commit();
}

// The languages of the two files of a Moses pair, PREFIX.<language>: those given, or else those
// of a prefix ending in ".L1-L2".
std::pair<std::string, std::string> MosesLanguages(const ReadRequest& request) {
  auto [source, target] = LanguagesOfPrefix(request.path);
  if (!request.source_language.empty()) source = request.source_language;
  if (!request.target_language.empty()) target = request.target_language;
  return {source, target};
}

corpora::FormatReadOptions ReadOptionsOf(const ReadRequest& request) {
  return {request.source_language, request.target_language, request.warn};
}

corpora::FormatWriteOptions WriteOptionsOf(const WriteRequest& request) {
  return {request.path, request.filter, request.keep_unaligned, request.warn};
}

// ---- Each format's reader, writer and file names, as the table below calls them ----------

StatusOr<corpora::Bitext> ReadTei(const ReadRequest& request) {
  return ReadTeiFile(request.path, {.load_sources = request.load_sources, .warn = request.warn});
}

Status WriteTei(const corpora::Bitext& bitext, const WriteRequest& request) {
  return WriteTeiFile(
      bitext, {.output_path = request.path, .layout = request.layout, .warn = request.warn});
}

std::vector<std::string> TeiOutputs(const corpora::Bitext& bitext, const WriteRequest& request) {
  if (request.layout != TeiLayout::kSplit) return {request.path};
  const SplitPaths paths = SplitLayoutPaths(bitext, request.path);
  return {paths.alignment, paths.source, paths.target};
}

StatusOr<corpora::Bitext> ReadTmx(const ReadRequest& request) {
  return ReadTmxFile(request.path, ReadOptionsOf(request));
}

Status WriteTmx(const corpora::Bitext& bitext, const WriteRequest& request) {
  return WriteTmxFile(bitext, WriteOptionsOf(request));
}

StatusOr<corpora::Bitext> ReadXces(const ReadRequest& request) {
  return ReadXcesFile(request.path, ReadOptionsOf(request));
}

Status WriteXces(const corpora::Bitext& bitext, const WriteRequest& request) {
  return WriteXcesFiles(bitext, WriteOptionsOf(request));
}

std::vector<std::string> XcesOutputs(const corpora::Bitext& bitext, const WriteRequest& request) {
  const XcesPaths paths = XcesLayoutPaths(bitext, request.path);
  return {paths.alignment, paths.source, paths.target};
}

StatusOr<corpora::Bitext> ReadInterText(const ReadRequest& request) {
  return ReadInterTextFile(request.path, ReadOptionsOf(request));
}

Status WriteInterText(const corpora::Bitext& bitext, const WriteRequest& request) {
  return WriteInterTextFiles(bitext, WriteOptionsOf(request));
}

std::vector<std::string> InterTextOutputs(const corpora::Bitext& bitext,
                                          const WriteRequest& request) {
  const InterTextPaths paths = InterTextLayoutPaths(bitext, request.path);
  return {paths.alignment, paths.source, paths.target};
}

// XCES and InterText readers name each document by the path it was read from.
std::vector<std::string> DocumentInputs(const ReadRequest&, const corpora::Bitext& bitext) {
  return {bitext.source.name, bitext.target.name};
}

StatusOr<corpora::Bitext> ReadJsonl(const ReadRequest& request) {
  return corpora::ReadJsonlFile(request.path, ReadOptionsOf(request));
}

Status WriteJsonl(const corpora::Bitext& bitext, const WriteRequest& request) {
  return WriteOne(request.path, [&](std::ostream& out) {
    return corpora::WriteJsonl(bitext, out, request.filter);
  });
}

StatusOr<corpora::Bitext> ReadMoses(const ReadRequest& request) {
  const auto [source, target] = MosesLanguages(request);
  if (source.empty() || target.empty()) {
    return InvalidArgumentError(fmt::format(
        "{}: give the languages (-s, -t): the Moses files are PREFIX.<language>", request.path));
  }
  corpora::FormatReadOptions options = ReadOptionsOf(request);
  options.source_language = source;
  options.target_language = target;
  return corpora::ReadMosesFiles(MosesPath(request.path, source), MosesPath(request.path, target),
                                 options);
}

Status WriteMoses(const corpora::Bitext& bitext, const WriteRequest& request) {
  const std::vector<std::string> paths = {MosesPath(request.path, bitext.source.language),
                                          MosesPath(request.path, bitext.target.language)};
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput source, AtomicOutput::Open(paths[0]));
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput target, AtomicOutput::Open(paths[1]));
  TANDEM_RETURN_IF_ERROR(
      corpora::WriteMoses(bitext, source.stream(), target.stream(), WriteOptionsOf(request))
          .WithContext(request.path));
  TANDEM_RETURN_IF_ERROR(source.Commit());
  return target.Commit();
}

std::vector<std::string> MosesOutputs(const corpora::Bitext& bitext, const WriteRequest& request) {
  return {MosesPath(request.path, bitext.source.language),
          MosesPath(request.path, bitext.target.language)};
}

std::vector<std::string> MosesInputs(const ReadRequest& request, const corpora::Bitext&) {
  const auto [source, target] = MosesLanguages(request);
  return {MosesPath(request.path, source), MosesPath(request.path, target)};
}

StatusOr<corpora::Bitext> ReadTsv(const ReadRequest& request) {
  return corpora::ReadTsvFile(request.path, ReadOptionsOf(request));
}

Status WriteTsv(const corpora::Bitext& bitext, const WriteRequest& request) {
  return WriteOne(request.path, [&](std::ostream& out) {
    return corpora::WriteTsv(bitext, out, WriteOptionsOf(request));
  });
}

StatusOr<corpora::Bitext> ReadHunalignLadder(const ReadRequest& request) {
  TANDEM_ASSIGN_OR_RETURN(corpora::Bitext bitext, PresegmentedTexts(request));
  TANDEM_ASSIGN_OR_RETURN(bitext.ladder,
                          corpora::ReadHunalignLadderFile(request.path, request.warn));
  bitext.alignment.tool = "hunalign";
  TANDEM_RETURN_IF_ERROR(corpora::ValidateBitext(bitext).WithContext(request.path));
  return bitext;
}

Status WriteHunalignLadder(const corpora::Bitext& bitext, const WriteRequest& request) {
  return WriteOne(request.path, [&](std::ostream& out) {
    return corpora::WriteHunalignLadder(bitext.ladder, out);
  });
}

// The texts of a hunalign ladder or a vecalign file.
std::vector<std::string> TextInputs(const ReadRequest& request, const corpora::Bitext&) {
  return {request.source_text, request.target_text};
}

StatusOr<corpora::Bitext> ReadHunalignText(const ReadRequest& request) {
  return corpora::ReadHunalignTextFile(request.path, ReadOptionsOf(request));
}

Status WriteHunalignText(const corpora::Bitext& bitext, const WriteRequest& request) {
  return WriteOne(request.path, [&](std::ostream& out) {
    return corpora::WriteHunalignText(bitext, out, WriteOptionsOf(request));
  });
}

StatusOr<corpora::Bitext> ReadVecalign(const ReadRequest& request) {
  TANDEM_ASSIGN_OR_RETURN(corpora::Bitext bitext, PresegmentedTexts(request));
  TANDEM_ASSIGN_OR_RETURN(std::vector<align::Link> links, corpora::ReadVecalignFile(request.path));
  TANDEM_ASSIGN_OR_RETURN(
      bitext.ladder, align::LadderFromLinks(links, request.path, bitext.source.sentences.size(),
                                            bitext.target.sentences.size()));
  bitext.alignment.tool = "vecalign";
  return bitext;
}

Status WriteVecalign(const corpora::Bitext& bitext, const WriteRequest& request) {
  return WriteOne(request.path, [&](std::ostream& out) {
    if (!request.filter.active()) return corpora::WriteVecalign(bitext.ladder, out);
    align::Ladder kept;
    for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
      if (corpora::PassesFilter(bitext, k, request.filter)) kept.push_back(bitext.ladder[k]);
    }
    return corpora::WriteVecalign(kept, out);
  });
}

StatusOr<corpora::Bitext> ReadLfAligner(const ReadRequest& request) {
  return corpora::ReadLfAlignerFile(request.path, ReadOptionsOf(request));
}

Status WriteLfAligner(const corpora::Bitext& bitext, const WriteRequest& request) {
  return WriteOne(request.path, [&](std::ostream& out) {
    return corpora::WriteLfAligner(bitext, out, WriteOptionsOf(request));
  });
}

// ---- The table --------------------------------------------------------------------------

// A format: what users see of it (FormatInfo), how its content gives it away, and the functions
// that read and write it. Adding a format is a file with its reader and writer and a row here.
struct FormatRow {
  FormatInfo info;
  // The root elements of an XML format, or the first character of a JSON one (DetectFormat).
  std::array<std::string_view, 2> xml_roots = {};
  char first_character = '\0';
  StatusOr<corpora::Bitext> (*read)(const ReadRequest&) = nullptr;
  Status (*write)(const corpora::Bitext&, const WriteRequest&) = nullptr;
  // The files written and (besides the file itself) read; null: only the file itself.
  std::vector<std::string> (*outputs)(const corpora::Bitext&, const WriteRequest&) = nullptr;
  std::vector<std::string> (*other_inputs)(const ReadRequest&, const corpora::Bitext&) = nullptr;
};

constexpr FormatCarries kEverything = {.confidences = true,
                                       .review = true,
                                       .sentences = true,
                                       .spans = true,
                                       .ids = true,
                                       .paragraphs = true,
                                       .metadata = true};

const std::array<FormatRow, 11> kFormats = {{
    {.info = {.format = Format::kTei,
              .name = "tei",
              .extension = ".tei.xml",
              .carries = kEverything,
              .files = 1,
              .complete = true},
     .xml_roots = {"TEI", "teiCorpus"},
     .read = ReadTei,
     .write = WriteTei,
     .outputs = TeiOutputs},
    {.info = {.format = Format::kTmx,
              .name = "tmx",
              .extension = ".tmx",
              .carries = {.confidences = true,
                          .review = true,
                          .sentences = true,
                          .spans = true,
                          .ids = true,
                          .paragraphs = true}},
     .xml_roots = {"tmx"},
     .read = ReadTmx,
     .write = WriteTmx},
    {.info = {.format = Format::kXces,
              .name = "xces",
              .extension = ".xces.xml",
              .carries = {.confidences = true, .sentences = true, .ids = true, .paragraphs = true},
              .files = 3},
     .xml_roots = {"cesAlign"},
     .read = ReadXces,
     .write = WriteXces,
     .outputs = XcesOutputs,
     .other_inputs = DocumentInputs},
    {.info = {.format = Format::kInterText,
              .name = "intertext",
              .extension = ".intertext.xml",
              .carries = {.review_status = true, .sentences = true, .paragraphs = true},
              .files = 3,
              .complete = true},
     .xml_roots = {"linkGrp"},
     .read = ReadInterText,
     .write = WriteInterText,
     .outputs = InterTextOutputs,
     .other_inputs = DocumentInputs},
    {.info = {.format = Format::kJsonl,
              .name = "jsonl",
              .extension = ".jsonl",
              .carries = {.confidences = true,
                          .review = true,
                          .sentences = true,
                          .spans = true,
                          .ids = true,
                          .paragraphs = true}},
     .first_character = '{',
     .read = ReadJsonl,
     .write = WriteJsonl},
    {.info = {.format = Format::kMoses, .name = "moses", .extension = "", .files = 2},
     .read = ReadMoses,
     .write = WriteMoses,
     .outputs = MosesOutputs,
     .other_inputs = MosesInputs},
    {.info = {.format = Format::kTsv,
              .name = "tsv",
              .extension = ".tsv",
              .detected_by_extension = true},
     .read = ReadTsv,
     .write = WriteTsv},
    {.info = {.format = Format::kHunalignLadder,
              .name = "hunalign",
              .extension = ".ladder",
              .detected_by_extension = true,
              .complete = true,
              .needs_texts = true},
     .read = ReadHunalignLadder,
     .write = WriteHunalignLadder,
     .other_inputs = TextInputs},
    {.info = {.format = Format::kHunalignText,
              .name = "hunalign-text",
              .extension = ".hunalign.txt"},
     .read = ReadHunalignText,
     .write = WriteHunalignText},
    {.info = {.format = Format::kVecalign,
              .name = "vecalign",
              .extension = ".vecalign",
              .needs_texts = true},
     .first_character = '[',
     .read = ReadVecalign,
     .write = WriteVecalign,
     .other_inputs = TextInputs},
    {.info = {.format = Format::kLfAligner, .name = "lfaligner", .extension = ".lfaligner.txt"},
     .read = ReadLfAligner,
     .write = WriteLfAligner},
}};

const FormatRow& RowOf(Format format) {
  for (const FormatRow& row : kFormats) {
    if (row.info.format == format) return row;
  }
  assert(false && "every Format has a row");
  return kFormats[0];
}

}  // namespace

const FormatInfo& DescribeFormat(Format format) { return RowOf(format).info; }

std::string_view FormatName(Format format) { return RowOf(format).info.name; }

std::optional<Format> FormatFromName(std::string_view name) {
  for (const FormatRow& row : kFormats) {
    if (row.info.name == name) return row.info.format;
  }
  return std::nullopt;
}

const std::vector<Format>& AllFormats() {
  static const std::vector<Format> kAll = [] {
    std::vector<Format> all;
    for (const FormatRow& row : kFormats) all.push_back(row.info.format);
    return all;
  }();
  return kAll;
}

bool IsCompleteFormat(Format format) { return RowOf(format).info.complete; }

std::string NameWithoutFormatExtension(const std::string& path) {
  const std::string name = fs::path(path).filename().string();
  std::size_t longest = 0;
  for (const FormatRow& row : kFormats) {
    const std::string_view extension = row.info.extension;
    if (name.size() > extension.size() && extension.size() > longest &&
        name.compare(name.size() - extension.size(), extension.size(), extension) == 0) {
      longest = extension.size();
    }
  }
  return name.substr(0, name.size() - longest);
}

StatusOr<Format> DetectFormat(const std::string& path) {
  const std::string head = Head(path);
  const std::string root = internal::RootElementName(head);
  const std::size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  for (const FormatRow& row : kFormats) {
    for (const std::string_view element : row.xml_roots) {
      if (!element.empty() && root == element) return row.info.format;
    }
    if (row.first_character != '\0' && first != std::string::npos &&
        head[first] == row.first_character) {
      return row.info.format;
    }
  }
  const std::string extension = fs::path(path).extension().string();
  for (const FormatRow& row : kFormats) {
    if (row.info.detected_by_extension && row.info.extension == extension) return row.info.format;
  }
  if (!fs::exists(path)) {
    return NotFoundError(fmt::format("{}: no such file", path));
  }
  return InvalidArgumentError(
      fmt::format("cannot tell the format of {} from its content; give it with --from", path));
}

std::vector<std::string> InputPaths(const ReadRequest& request, const corpora::Bitext& bitext) {
  std::vector<std::string> paths = {request.path};
  std::optional<Format> format = request.format;
  if (!format && request.path != "-") {
    if (StatusOr<Format> detected = DetectFormat(request.path); detected.ok()) format = *detected;
  }
  if (!format) return paths;
  if (const auto other_inputs = RowOf(*format).other_inputs) {
    for (std::string& path : other_inputs(request, bitext)) paths.push_back(std::move(path));
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
  return RowOf(format).read(request);
}

std::vector<std::string> OutputPaths(const corpora::Bitext& bitext, const WriteRequest& request) {
  const auto outputs = RowOf(request.format).outputs;
  return outputs ? outputs(bitext, request) : std::vector<std::string>{request.path};
}

Status WriteBitext(const corpora::Bitext& bitext, const WriteRequest& request) {
  if (request.filter.active() && IsCompleteFormat(request.format)) {
    std::string filtered;
    for (const FormatRow& row : kFormats) {
      if (row.info.complete) continue;
      filtered += (filtered.empty() ? "" : ", ") + std::string(row.info.name);
    }
    return InvalidArgumentError(
        fmt::format("a {} file holds the whole alignment: --min-confidence and --status apply to "
                    "exports of sentence pairs ({})",
                    FormatName(request.format), filtered));
  }
  if (request.path == "-" && OutputPaths(bitext, request).size() > 1) {
    return InvalidArgumentError(
        fmt::format("the {} format is several files; give an output path, not standard output",
                    FormatName(request.format)));
  }
  return RowOf(request.format).write(bitext, request);
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
