// XCES cesAlign as OPUS uses it, and InterText's files: see tandem/tei/exchange.h and
// docs/formats.md. Both are a stand-off alignment over two sentence files.
#include <algorithm>
#include <filesystem>
#include <ostream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "dom_util.h"
#include "exchange.h"
#include "sentence_file.h"
#include "tandem/core/text_io.h"
#include "tandem/corpora/summary.h"
#include "tei_common.h"
#include "xml_stream.h"
#include "xml_util.h"

namespace tandem::tei {
namespace {

namespace fs = std::filesystem;
using internal::Attr;
using internal::OffsetOf;
using internal::XmlInput;
using internal::XmlOut;

// ---------------------------------------------------------------------------------------------
// Sentence ids of one side, as written.

bool IsPlainId(std::string_view id) {
  if (id.empty()) return false;
  for (const char c : id) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';') return false;
  }
  return internal::IsXmlSafe(id);
}

class SideIds {
 public:
  // kind "xces": the document's own ids, else tandem's (TEI's) derived ids; "intertext": always
  // "paragraph:sentence".
  SideIds(const Document& doc, std::string text_id, bool intertext)
      : doc_(doc), text_id_(std::move(text_id)), intertext_(intertext) {}

  std::string Sentence(std::size_t i) const {
    const std::string& id = doc_.sentences[i].id;
    return !intertext_ && IsPlainId(id) ? id : DerivedSentence(i);
  }
  std::string Paragraph(std::size_t p) const {
    const std::string& id = doc_.paragraphs[p].id;
    return !intertext_ && IsPlainId(id) ? id : DerivedParagraph(p);
  }
  // The ids written when the document carries none.
  std::string DerivedSentence(std::size_t i) const {
    const tandem::Sentence& s = doc_.sentences[i];
    const std::size_t k = i - doc_.paragraphs[s.paragraph].first_sentence;
    if (intertext_) return fmt::format("{}:{}", s.paragraph + 1, k + 1);
    return internal::DerivedSentenceId(text_id_, s.paragraph, k);
  }
  std::string DerivedParagraph(std::size_t p) const {
    if (intertext_) return std::to_string(p + 1);
    return internal::DerivedParagraphId(text_id_, p);
  }

  // Ids must be unique for the alignment to point to one sentence each.
  Status Check() const {
    if (intertext_) return Status::Ok();
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < doc_.sentences.size(); ++i) {
      if (!seen.insert(Sentence(i)).second) {
        return InvalidDataError(
            fmt::format("{}: the sentence id '{}' occurs twice", doc_.name, Sentence(i)));
      }
    }
    return Status::Ok();
  }

 private:
  const Document& doc_;
  std::string text_id_;
  bool intertext_;
};

std::string FileName(const std::string& path) { return fs::path(path).filename().string(); }

// Beads from links given as id lists of each side (OPUS's and InterText's xtargets).
struct LinkIds {
  std::vector<std::string_view> ids[2];
  double confidence = 1.0;
  corpora::BeadReview review;
  std::size_t offset = 0;
};

class LadderBuilder {
 public:
  LadderBuilder(const XmlInput& input, const Document& source, const Document& target)
      : input_(input) {
    const Document* docs[2] = {&source, &target};
    for (int side = 0; side < 2; ++side) {
      for (std::size_t i = 0; i < docs[side]->sentences.size(); ++i) {
        ids_[side].emplace(docs[side]->sentences[i].id, i);
      }
      size_[side] = docs[side]->sentences.size();
    }
  }

  Status Add(const LinkIds& link) {
    std::size_t first[2] = {next_[0], next_[1]};
    std::size_t count[2] = {0, 0};
    for (int side = 0; side < 2; ++side) {
      for (std::size_t k = 0; k < link.ids[side].size(); ++k) {
        const auto it = ids_[side].find(link.ids[side][k]);
        if (it == ids_[side].end()) {
          return input_.Error(
              link.offset, fmt::format("'{}' is no sentence of the {} document", link.ids[side][k],
                                       side == 0 ? "source" : "target"));
        }
        if (k == 0) first[side] = it->second;
        if (it->second != first[side] + k) {
          return input_.Error(link.offset,
                              fmt::format("the {} sentences of this link are not consecutive",
                                          side == 0 ? "source" : "target"));
        }
        ++count[side];
      }
      if (first[side] < next_[side]) {
        return input_.Error(link.offset,
                            fmt::format("this link goes back in the {} document (links must "
                                        "follow the order of both documents)",
                                        side == 0 ? "source" : "target"));
      }
    }
    if (count[0] + count[1] == 0) return Status::Ok();
    Gap(count[0] > 0 ? first[0] : next_[0], count[1] > 0 ? first[1] : next_[1]);
    ladder.push_back({next_[0], count[0], next_[1], count[1], link.confidence});
    review.push_back(link.review);
    next_[0] += count[0];
    next_[1] += count[1];
    return Status::Ok();
  }

  // Sentences in no link become unaligned beads of confidence 0.
  std::size_t Finish() {
    Gap(size_[0], size_[1]);
    return gap_sentences_;
  }

  align::Ladder ladder;
  std::vector<corpora::BeadReview> review;

 private:
  void Gap(std::size_t source_end, std::size_t target_end) {
    for (; next_[0] < source_end; ++next_[0], ++gap_sentences_) {
      ladder.push_back({next_[0], 1, next_[1], 0, 0.0});
      review.emplace_back();
    }
    for (; next_[1] < target_end; ++next_[1], ++gap_sentences_) {
      ladder.push_back({next_[0], 0, next_[1], 1, 0.0});
      review.emplace_back();
    }
  }

  const XmlInput& input_;
  std::unordered_map<std::string_view, std::size_t> ids_[2];
  std::size_t size_[2] = {0, 0};
  std::size_t next_[2] = {0, 0};
  std::size_t gap_sentences_ = 0;
};

// The alignment file: a root (cesAlign, or InterText's linkGrp) and its links.
class AlignmentCollector final : public internal::XmlVisitor {
 public:
  AlignmentCollector(const XmlInput& input, bool intertext)
      : input_(input), intertext_(intertext) {}

  bool IsContainer(const std::vector<std::string>& path, std::string_view name) override {
    if (path.empty()) return true;
    return !intertext_ && name == "linkGrp" && path.size() == 1;
  }

  Status StartContainer(const std::vector<std::string>& path, pugi::xml_node element,
                        std::size_t offset) override {
    const std::string_view name = element.name();
    if (path.empty()) {
      if (intertext_ ? name != "linkGrp" : name != "cesAlign") {
        return input_.Error(offset, fmt::format("<{}> is not {}", name,
                                                intertext_ ? "an InterText alignment (linkGrp)"
                                                           : "an XCES alignment (cesAlign)"));
      }
    }
    if (name == "linkGrp") {
      ++groups_;
      if (groups_ == 1) {
        from_doc = Attr(element, "fromDoc");
        to_doc = Attr(element, "toDoc");
        group_offset = offset;
      }
    }
    return Status::Ok();
  }

  Status EndContainer(const std::vector<std::string>& /*path*/, std::size_t /*offset*/) override {
    return Status::Ok();
  }

  Status Elements(const std::vector<std::string>& path, pugi::xml_node fragment,
                  std::size_t base) override {
    if (path.empty() || path.back() != "linkGrp" || groups_ != 1) return Status::Ok();
    for (pugi::xml_node node = fragment.first_child(); node; node = node.next_sibling()) {
      if (node.type() != pugi::node_element || std::string_view(node.name()) != "link") continue;
      Link link;
      link.offset = OffsetOf(node, base);
      link.xtargets = Attr(node, "xtargets");
      link.type = Attr(node, "type");
      link.certainty = Attr(node, "certainty");
      link.status = Attr(node, "status");
      link.mark = Attr(node, "mark");
      links.push_back(std::move(link));
    }
    return Status::Ok();
  }

  struct Link {
    std::size_t offset = 0;
    std::string xtargets;
    std::string type;
    std::string certainty;
    std::string status;
    std::string mark;
  };
  std::string from_doc;
  std::string to_doc;
  std::size_t group_offset = 0;
  std::vector<Link> links;
  std::size_t groups() const { return groups_; }

 private:
  const XmlInput& input_;
  bool intertext_;
  std::size_t groups_ = 0;
};

// Ids equal to the ones the writer derives read back empty (as they were written).
void ClearDerived(Document& doc, const SideIds& ids) {
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    if (doc.paragraphs[p].id == ids.DerivedParagraph(p)) doc.paragraphs[p].id.clear();
  }
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    if (doc.sentences[i].id == ids.DerivedSentence(i)) doc.sentences[i].id.clear();
  }
}

// OPUS's sentence files do not say their language, but their names do: "NAME.en.xml" (tandem's
// layout) or "en/NAME.xml" (OPUS's).
std::string LanguageOfFileName(const std::string& file) {
  auto plain = [](std::string_view tag) {
    return tag.size() >= 2 && tag.size() <= 3 &&
           std::all_of(tag.begin(), tag.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  const fs::path path(file);
  const std::string stem = path.stem().string();
  const std::size_t dot = stem.rfind('.');
  if (dot != std::string::npos && plain(std::string_view(stem).substr(dot + 1))) {
    return stem.substr(dot + 1);
  }
  const std::string dir = path.parent_path().filename().string();
  return plain(dir) ? dir : std::string();
}

// Reads an alignment file of either kind and the two documents it names.
StatusOr<corpora::Bitext> ReadStandOff(const std::string& path,
                                       const corpora::FormatReadOptions& options, bool intertext) {
  XmlInput input;
  TANDEM_RETURN_IF_ERROR(internal::LoadXmlFile(path, &input));
  AlignmentCollector collector(input, intertext);
  TANDEM_RETURN_IF_ERROR(internal::WalkXml(input, collector, {.warn = options.warn}));
  if (collector.groups() == 0) return input.Error(0, "no linkGrp");
  if (collector.groups() > 1 && options.warn) {
    options.warn(fmt::format("{}: {} document pairs (linkGrp); only the first is read", path,
                             collector.groups()));
  }
  if (collector.from_doc.empty() || collector.to_doc.empty()) {
    return input.Error(collector.group_offset,
                       "the linkGrp does not name its two documents "
                       "(fromDoc, toDoc)");
  }
  corpora::Bitext bitext;
  const fs::path dir = fs::path(path).parent_path();
  std::string languages[2] = {options.source_language, options.target_language};
  Document* docs[2] = {&bitext.source, &bitext.target};
  const std::string* names[2] = {&collector.from_doc, &collector.to_doc};
  for (int side = 0; side < 2; ++side) {
    if (names[side]->ends_with(".gz")) {
      return input.Error(collector.group_offset,
                         fmt::format("{} is compressed; uncompress it (gunzip) and name the .xml "
                                     "file",
                                     *names[side]));
    }
    const std::string file = (dir / *names[side]).string();
    if (languages[side].empty() && !intertext) languages[side] = LanguageOfFileName(file);
    StatusOr<internal::SentenceFile> read =
        internal::ReadSentenceFile(file, languages[side], options.warn);
    if (!read.ok()) {
      return read.status().WithContext(
          fmt::format("{}: the document {}", input.Where(collector.group_offset), *names[side]));
    }
    *docs[side] = std::move(read->document);
  }
  LadderBuilder ladder(input, bitext.source, bitext.target);
  for (const AlignmentCollector::Link& link : collector.links) {
    const std::size_t semicolon = link.xtargets.find(';');
    if (semicolon == std::string::npos) {
      return input.Error(link.offset, fmt::format("xtargets=\"{}\" has no ';' between the two "
                                                  "sides",
                                                  link.xtargets));
    }
    LinkIds ids;
    ids.offset = link.offset;
    const std::string_view xtargets = link.xtargets;
    // InterText lists the right-hand (target) ids first; OPUS the source ids.
    const std::string_view first = xtargets.substr(0, semicolon);
    const std::string_view second = xtargets.substr(semicolon + 1);
    ids.ids[0] = internal::Tokens(intertext ? second : first);
    ids.ids[1] = internal::Tokens(intertext ? first : second);
    if (!link.certainty.empty() && (!internal::ParseDouble(link.certainty, &ids.confidence) ||
                                    !(ids.confidence >= 0.0 && ids.confidence <= 1.0))) {
      return input.Error(link.offset,
                         fmt::format("certainty=\"{}\" is not in [0, 1]", link.certainty));
    }
    if (intertext) {
      if (link.status == "man") ids.review.status = corpora::ReviewStatus::kConfirmed;
      ids.review.bookmark = !link.mark.empty() && link.mark != "0";
    }
    TANDEM_RETURN_IF_ERROR(ladder.Add(ids));
  }
  const std::size_t gaps = ladder.Finish();
  if (gaps > 0 && options.warn) {
    options.warn(fmt::format("{}: {} in no link; read as unaligned (confidence 0)", path,
                             corpora::CountOf(gaps, "sentence")));
  }
  bitext.ladder = std::move(ladder.ladder);
  bitext.review = std::move(ladder.review);
  bitext.alignment.tool = intertext ? "InterText" : "unknown";
  const auto [source_id, target_id] = internal::TextIds(bitext);
  ClearDerived(bitext.source, SideIds(bitext.source, source_id, intertext));
  ClearDerived(bitext.target, SideIds(bitext.target, target_id, intertext));
  corpora::NormalizeReview(bitext);
  TANDEM_RETURN_IF_ERROR(corpora::ValidateBitext(bitext).WithContext(path));
  return bitext;
}

// One sentence file: OPUS's (<text><body><p id><s id>) or InterText's (<doc><p id><s id>).
Status WriteSentenceFile(const Document& doc, const SideIds& ids, bool intertext,
                         const std::string& doc_id, const std::string& version,
                         const corpora::WarningCallback& warn, std::ostream& stream) {
  XmlOut out(stream);
  internal::Sanitizer sanitizer(doc, warn);
  std::string storage;
  if (intertext) {
    out.Raw("<?xml version='1.0' encoding='utf-8'?>\n");
    out.Raw("<!DOCTYPE doc SYSTEM \"http://korpus.cz/intercorp/files/intercorp.dtd\">\n");
    out.Raw("<doc").Attr("id", doc_id).Attr("language", doc.language).Attr("version", version);
    out.Raw(">\n");
  } else {
    out.Raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<text><body>\n");
  }
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    out.Raw(intertext || para.kind != ParagraphKind::kHeading ? "<p" : "<head");
    out.Attr("id", ids.Paragraph(p)).Raw(">\n");
    for (std::size_t k = 0; k < para.sentence_count; ++k) {
      const std::size_t i = para.first_sentence + k;
      out.Raw("<s").Attr("id", ids.Sentence(i)).Raw(">");
      out.Text(sanitizer.Safe(doc.SentenceText(i), doc.sentences[i].span.begin, storage));
      out.Raw("</s>\n");
    }
    out.Raw(intertext || para.kind != ParagraphKind::kHeading ? "</p>\n" : "</head>\n");
  }
  out.Raw(intertext ? "</doc>\n" : "</body></text>\n");
  return out.Finish();
}

void AppendIds(std::string& out, const SideIds& ids, std::size_t begin, std::size_t count) {
  for (std::size_t i = begin; i < begin + count; ++i) {
    if (i > begin) out += ' ';
    out += ids.Sentence(i);
  }
}

}  // namespace

// ---- XCES ----

XcesPaths XcesLayoutPaths(const corpora::Bitext& bitext, const std::string& output_path) {
  const auto [source_id, target_id] = internal::TextIds(bitext);
  const fs::path dir = fs::path(output_path).parent_path();
  std::string stem = fs::path(output_path).filename().string();
  for (const std::string_view suffix : {".xces.xml", ".xml"}) {
    if (stem.size() > suffix.size() && stem.ends_with(suffix)) {
      stem.resize(stem.size() - suffix.size());
      break;
    }
  }
  return {output_path, (dir / (stem + "." + source_id + ".xml")).string(),
          (dir / (stem + "." + target_id + ".xml")).string()};
}

Status WriteXces(const corpora::Bitext& bitext, const corpora::FormatWriteOptions& options,
                 std::ostream& alignment, std::ostream& source, std::ostream& target) {
  TANDEM_RETURN_IF_ERROR(corpora::ValidateBitext(bitext));
  const auto [source_id, target_id] = internal::TextIds(bitext);
  const SideIds source_ids(bitext.source, source_id, false);
  const SideIds target_ids(bitext.target, target_id, false);
  TANDEM_RETURN_IF_ERROR(source_ids.Check());
  TANDEM_RETURN_IF_ERROR(target_ids.Check());
  const XcesPaths paths = XcesLayoutPaths(bitext, options.output_path);
  XmlOut out(alignment);
  out.Raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
  out.Raw("<!DOCTYPE cesAlign PUBLIC \"-//CES//DTD XML cesAlign//EN\" \"\">\n");
  out.Raw("<cesAlign version=\"1.0\">\n");
  out.Raw(" <linkGrp targType=\"s\"")
      .Attr("fromDoc", FileName(paths.source))
      .Attr("toDoc", FileName(paths.target))
      .Raw(">\n");
  std::string xtargets;
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    if (!corpora::PassesFilter(bitext, k, options.filter)) continue;
    const align::Bead& bead = bitext.ladder[k];
    xtargets.clear();
    AppendIds(xtargets, source_ids, bead.source_begin, bead.source_count);
    xtargets += ';';
    AppendIds(xtargets, target_ids, bead.target_begin, bead.target_count);
    out.Raw("  <link id=\"SL").Raw(std::to_string(k + 1)).Raw("\"").Attr("xtargets", xtargets);
    out.Raw(" certainty=\"").Raw(internal::FormatDouble(bead.confidence)).Raw("\"/>\n");
  }
  out.Raw(" </linkGrp>\n</cesAlign>\n");
  TANDEM_RETURN_IF_ERROR(out.Finish());
  TANDEM_RETURN_IF_ERROR(
      WriteSentenceFile(bitext.source, source_ids, false, "", "", options.warn, source));
  return WriteSentenceFile(bitext.target, target_ids, false, "", "", options.warn, target);
}

Status WriteXcesFiles(const corpora::Bitext& bitext, const corpora::FormatWriteOptions& options) {
  const XcesPaths paths = XcesLayoutPaths(bitext, options.output_path);
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput alignment, AtomicOutput::Open(paths.alignment));
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput source, AtomicOutput::Open(paths.source));
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput target, AtomicOutput::Open(paths.target));
  TANDEM_RETURN_IF_ERROR(
      WriteXces(bitext, options, alignment.stream(), source.stream(), target.stream())
          .WithContext(options.output_path));
  TANDEM_RETURN_IF_ERROR(source.Commit());
  TANDEM_RETURN_IF_ERROR(target.Commit());
  return alignment.Commit();
}

StatusOr<corpora::Bitext> ReadXcesFile(const std::string& path,
                                       const corpora::FormatReadOptions& options) {
  return ReadStandOff(path, options, /*intertext=*/false);
}

// ---- InterText ----

InterTextPaths InterTextLayoutPaths(const corpora::Bitext& bitext, const std::string& output_path) {
  const fs::path dir = fs::path(output_path).parent_path();
  std::string name = fs::path(output_path).filename().string();
  for (const std::string_view suffix : {".alignment.xml", ".xml"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      name.resize(name.size() - suffix.size());
      break;
    }
  }
  const std::string& a = bitext.source.language;
  const std::string& b = bitext.target.language;
  const std::string source_version = a + "-00";
  const std::string target_version = b + (a == b ? "-01" : "-00");
  const std::string languages = "." + source_version + "." + target_version;
  if (name.size() > languages.size() && name.ends_with(languages)) {
    name.resize(name.size() - languages.size());
  }
  return {output_path, (dir / (name + "." + source_version + ".xml")).string(),
          (dir / (name + "." + target_version + ".xml")).string()};
}

Status WriteInterText(const corpora::Bitext& bitext, const corpora::FormatWriteOptions& options,
                      std::ostream& alignment, std::ostream& source, std::ostream& target) {
  TANDEM_RETURN_IF_ERROR(corpora::ValidateBitext(bitext));
  if (options.filter.active()) {
    return InvalidArgumentError("InterText holds the whole alignment: filters do not apply");
  }
  const InterTextPaths paths = InterTextLayoutPaths(bitext, options.output_path);
  const SideIds source_ids(bitext.source, "", true);
  const SideIds target_ids(bitext.target, "", true);
  XmlOut out(alignment);
  // InterText's own layout: single quotes, no indentation, the right-hand document first.
  auto quoted = [&out](std::string_view name, std::string_view value) {
    out.Raw(" ").Raw(name).Raw("='");
    for (const char c : value) {
      switch (c) {
        case '\'':
          out.Raw("&apos;");
          break;
        case '&':
          out.Raw("&amp;");
          break;
        case '<':
          out.Raw("&lt;");
          break;
        default:
          out.Raw(std::string_view(&c, 1));
      }
    }
    out.Raw("'");
  };
  out.Raw("<?xml version='1.0' encoding='utf-8'?>\n<linkGrp");
  quoted("toDoc", FileName(paths.target));
  quoted("fromDoc", FileName(paths.source));
  out.Raw(">\n");
  std::string xtargets;
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    const align::Bead& bead = bitext.ladder[k];
    const corpora::BeadReview& review = corpora::ReviewOf(bitext, k);
    xtargets.clear();
    AppendIds(xtargets, target_ids, bead.target_begin, bead.target_count);
    xtargets += ';';
    AppendIds(xtargets, source_ids, bead.source_begin, bead.source_count);
    out.Raw("<link");
    quoted("type", fmt::format("{}-{}", bead.target_count, bead.source_count));
    quoted("xtargets", xtargets);
    quoted("status", review.status == corpora::ReviewStatus::kAutomatic ? "auto" : "man");
    if (review.bookmark) quoted("mark", "1");
    out.Raw("/>\n");
  }
  out.Raw("</linkGrp>\n");
  TANDEM_RETURN_IF_ERROR(out.Finish());
  const std::string doc_id = [&] {
    std::string stem = FileName(paths.source);
    const std::size_t dot = stem.rfind('.', stem.size() - 5);  // before ".xx-00.xml"
    return dot == std::string::npos ? stem : stem.substr(0, dot);
  }();
  TANDEM_RETURN_IF_ERROR(
      WriteSentenceFile(bitext.source, source_ids, true, doc_id, "00", options.warn, source));
  return WriteSentenceFile(bitext.target, target_ids, true, doc_id,
                           bitext.source.language == bitext.target.language ? "01" : "00",
                           options.warn, target);
}

Status WriteInterTextFiles(const corpora::Bitext& bitext,
                           const corpora::FormatWriteOptions& options) {
  const InterTextPaths paths = InterTextLayoutPaths(bitext, options.output_path);
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput alignment, AtomicOutput::Open(paths.alignment));
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput source, AtomicOutput::Open(paths.source));
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput target, AtomicOutput::Open(paths.target));
  TANDEM_RETURN_IF_ERROR(
      WriteInterText(bitext, options, alignment.stream(), source.stream(), target.stream())
          .WithContext(options.output_path));
  TANDEM_RETURN_IF_ERROR(source.Commit());
  TANDEM_RETURN_IF_ERROR(target.Commit());
  return alignment.Commit();
}

StatusOr<corpora::Bitext> ReadInterTextFile(const std::string& path,
                                            const corpora::FormatReadOptions& options) {
  return ReadStandOff(path, options, /*intertext=*/true);
}

}  // namespace tandem::tei
