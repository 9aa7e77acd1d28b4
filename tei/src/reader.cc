#include "tandem/tei/reader.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "dom_util.h"
#include "tandem/core/language.h"
#include "tandem/core/text_io.h"
#include "tandem/corpora/document_builder.h"
#include "tandem/corpora/summary.h"
#include "tei_common.h"
#include "tei_structure.h"
#include "xml_stream.h"
#include "xml_util.h"

namespace tandem::tei {
namespace {

namespace fs = std::filesystem;
using internal::Attr;
using internal::Child;
using internal::Children;
using internal::IsBlock;
using internal::OffsetOf;
using internal::PointerId;
using internal::TeiContainer;
using internal::TextOf;
using internal::Tokens;
using internal::Walk;
using internal::XmlInput;

ParagraphKind KindOf(pugi::xml_node block) {
  const std::string_view name = block.name();
  if (name == "head") return ParagraphKind::kHeading;
  if (name == "item") return ParagraphKind::kListItem;
  if (name == "ab") {
    const std::string_view type = Attr(block, "type");
    if (type == "heading") return ParagraphKind::kHeading;
    if (type == "listItem") return ParagraphKind::kListItem;
  }
  return ParagraphKind::kText;
}

std::optional<Span> SpanOf(pugi::xml_node node) {
  const std::string_view source = Attr(node, "source");
  if (source.empty()) return std::nullopt;
  const std::optional<internal::ParsedSpanPointer> parsed = internal::ParseSpanPointer(source);
  if (!parsed) return std::nullopt;
  return parsed->span;
}

// ---------------------------------------------------------------------------------------------
// What the headers say.

struct TextHeader {
  bool present = false;
  corpora::TextInfo info;
  std::string name;
  std::string source_uri;  // escaped, relative to the TEI file
  std::optional<std::size_t> size;
  std::string encoding;
  bool converted = false;
};

struct CorpusHeader {
  bool present = false;
  std::string title;
  bool has_application = false;
  corpora::AlignmentInfo alignment;
  std::string aligner_id;
  std::map<std::string, std::string, std::less<>> people;   // respStmt xml:id -> name
  std::map<std::string, std::string, std::less<>> changes;  // change xml:id -> time
};

void ReadCorpusHeader(pugi::xml_node header, CorpusHeader* out) {
  out->present = true;
  const pugi::xml_node file_desc = Child(header, "fileDesc");
  const pugi::xml_node title_stmt = Child(file_desc, "titleStmt");
  out->title = TextOf(Child(title_stmt, "title"));
  for (const pugi::xml_node resp : Children(title_stmt, "respStmt")) {
    const std::string_view id = Attr(resp, "xml:id");
    if (id.empty()) continue;
    pugi::xml_node name = Child(resp, "name");
    if (!name) name = Child(resp, "persName");
    if (!name) name = Child(resp, "orgName");
    out->people.emplace(std::string(id), TextOf(name));
  }
  const pugi::xml_node application =
      Child(Child(Child(header, "encodingDesc"), "appInfo"), "application");
  if (application) {
    out->has_application = true;
    out->aligner_id = Attr(application, "xml:id");
    corpora::AlignmentInfo& alignment = out->alignment;
    const pugi::xml_node label = Child(application, "label");
    alignment.tool = label ? TextOf(label) : std::string(Attr(application, "ident"));
    alignment.version = Attr(application, "version");
    if (alignment.version == internal::kUnknownVersion) alignment.version.clear();
    alignment.timestamp = Attr(application, "when");
    for (const pugi::xml_node p : Children(application, "p")) {
      for (const pugi::xml_node list : Children(p, "list")) {
        const std::string_view type = Attr(list, "type");
        if (type == "gloss") {
          std::string name;
          for (pugi::xml_node child = list.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            if (std::string_view(child.name()) == "label") {
              name = TextOf(child);
            } else if (std::string_view(child.name()) == "item") {
              alignment.parameters.emplace_back(name, TextOf(child));
            }
          }
        } else if (type == "dictionaries") {
          for (const pugi::xml_node item : Children(list, "item")) {
            alignment.dictionaries.push_back(TextOf(item));
          }
        }
      }
    }
  }
  for (const pugi::xml_node change : Children(Child(header, "revisionDesc"), "change")) {
    const std::string_view id = Attr(change, "xml:id");
    if (id.empty()) continue;
    std::string when(Attr(change, "when"));
    if (when.empty()) when = TextOf(Child(change, "date"));
    out->changes.emplace(std::string(id), std::move(when));
  }
}

void ReadTextHeader(pugi::xml_node header, TextHeader* out) {
  out->present = true;
  const pugi::xml_node source_desc = Child(Child(header, "fileDesc"), "sourceDesc");
  for (const pugi::xml_node bibl : Children(source_desc, "bibl")) {
    const std::string_view type = Attr(bibl, "type");
    if (type == "original") {
      corpora::TextInfo& info = out->info;
      info.title = TextOf(Child(bibl, "title"));
      info.author = TextOf(Child(bibl, "author"));
      for (const pugi::xml_node resp : Children(bibl, "respStmt")) {
        if (TextOf(Child(resp, "resp")) == "translation")
          info.translator = TextOf(Child(resp, "name"));
      }
      const pugi::xml_node date = Child(bibl, "date");
      info.date = TextOf(date);
      info.date_iso = Attr(date, "when");
      info.publisher = TextOf(Child(bibl, "publisher"));
      for (const pugi::xml_node note : Children(bibl, "note")) {
        const std::string_view note_type = Attr(note, "type");
        if (note_type == "source") info.source = TextOf(note);
        if (note_type == "licence") info.licence = TextOf(note);
        if (note_type == "remark") info.note = TextOf(note);
      }
    } else if (type == "file") {
      for (const pugi::xml_node idno : Children(bibl, "idno")) {
        if (Attr(idno, "type") == "path") out->name = TextOf(idno);
      }
      out->source_uri = Attr(Child(bibl, "ptr"), "target");
      for (const pugi::xml_node measure : Children(Child(bibl, "extent"), "measure")) {
        if (Attr(measure, "unit") != "byte") continue;
        std::size_t size = 0;
        const std::string_view quantity = Attr(measure, "quantity");
        if (std::from_chars(quantity.data(), quantity.data() + quantity.size(), size).ec ==
            std::errc()) {
          out->size = size;
        }
      }
      for (const pugi::xml_node note : Children(bibl, "note")) {
        const std::string_view note_type = Attr(note, "type");
        if (note_type == "encoding") out->encoding = TextOf(note);
        if (note_type == "conversion") out->converted = true;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Collecting what a file holds.

struct Piece {
  bool sentence = false;
  std::string text;
  std::string id;
  std::optional<Span> span;
};

struct ParagraphRecord {
  std::string id;
  ParagraphKind kind = ParagraphKind::kText;
  std::optional<Span> span;
  std::vector<Piece> pieces;
  std::vector<std::string> groups;  // xml:ids of enclosing elements, innermost first
  std::string language;             // the nearest xml:lang
};

void Feed(corpora::DocumentBuilder& builder, const ParagraphRecord& record) {
  builder.StartParagraph(record.id, record.kind, record.span);
  for (const Piece& piece : record.pieces) {
    if (piece.sentence) {
      builder.AddSentence(piece.text, piece.id, piece.span);
    } else {
      builder.AddGap(piece.text);
    }
  }
  builder.EndParagraph();
}

// A text of the file: a TEI element of a teiCorpus, or the root TEI.
struct TextGroup {
  std::string id;
  std::string language;
  std::size_t offset = 0;
  TextHeader header;
  std::size_t sentences = 0;
  std::unique_ptr<corpora::DocumentBuilder> builder;  // direct mode
  std::vector<ParagraphRecord> buffered;              // a root TEI read as a bitext
};

struct LinkRecord {
  std::string xml_id;
  std::string targets;
  double confidence = 1.0;
  std::uint32_t ana = 0;  // interned attribute values (0: absent)
  std::uint32_t resp = 0;
  std::uint32_t change = 0;
  std::size_t offset = 0;
};

struct AnnotationRecord {
  std::string target;
  std::string motivation;
  std::optional<std::string> note;
  std::size_t offset = 0;
};

class Collector final : public internal::TeiVisitor {
 public:
  Collector(const XmlInput& input, std::string_view sentence_name, bool single_text,
            const corpora::WarningCallback& warn)
      : input_(input), sentence_name_(sentence_name), single_text_(single_text), warn_(warn) {
    interned_.emplace_back();  // index 0: absent
  }

  Status StartContainer(const std::vector<std::string>& path, pugi::xml_node element,
                        std::size_t offset) override {
    const std::string_view name = element.name();
    if (path.empty() && name != "teiCorpus" && name != "TEI") {
      return input_.Error(offset, fmt::format("<{}> is not a TEI document (the root must be "
                                              "teiCorpus or TEI)",
                                              name));
    }
    if (path.empty() && Attr(element, "xmlns") != internal::kTeiNamespace) {
      Warn(fmt::format("{}: the root element is not in the TEI namespace ({})",
                       input_.Where(offset), internal::kTeiNamespace));
    }
    if (name == "teiCorpus") {
      corpus_ = true;
    } else if (name == "TEI") {
      auto group = std::make_unique<TextGroup>();
      group->id = Attr(element, "xml:id");
      group->language = Attr(element, "xml:lang");
      group->offset = offset;
      if (corpus_ || single_text_) {
        group->builder = std::make_unique<corpora::DocumentBuilder>(input_.name, group->language);
      }
      groups_.push_back(std::move(group));
      current_ = groups_.back().get();
    } else if (name == "text") {
      if (current_ != nullptr && current_->language.empty()) {
        current_->language = Attr(element, "xml:lang");
      }
    } else if (name == "linkGrp") {
      const std::string_view type = Attr(element, "type");
      if (alignment_seen_ || (!type.empty() && type != "alignment" && type != "translation")) {
        in_alignment_ = false;
        Warn(fmt::format("{}: a linkGrp{} that is not the alignment; left out",
                         input_.Where(offset),
                         type.empty() ? std::string() : fmt::format(" of type '{}'", type)));
      } else {
        alignment_seen_ = true;
        in_alignment_ = true;
        alignment_offset_ = offset;
        domains_ = Attr(element, "domains");
        if (domains_.empty()) domains_ = Attr(element, "corresp");
      }
    }
    return Status::Ok();
  }

  Status EndContainer(const std::vector<std::string>& path, std::size_t /*offset*/) override {
    (void)path;
    return Status::Ok();
  }

  Status Elements(const std::vector<std::string>& path, pugi::xml_node fragment,
                  std::size_t base) override {
    if (path.empty()) return Status::Ok();
    const TeiContainer container = internal::TeiContainerOf(path.back());
    for (pugi::xml_node child = fragment.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (container == TeiContainer::kCorpus || container == TeiContainer::kText) {
        if (name == "teiHeader") {
          if (container == TeiContainer::kCorpus) {
            ReadCorpusHeader(child, &corpus_header_);
          } else {
            if (current_ != nullptr) {
              ReadTextHeader(child, &current_->header);
              // The text will be about as long as the source file.
              if (current_->builder && current_->header.size) {
                current_->builder->document().text.reserve(*current_->header.size);
              }
            }
            if (!corpus_) ReadCorpusHeader(child, &corpus_header_);
          }
        }
      } else if (container == TeiContainer::kLinkGroup) {
        if (in_alignment_ && (name == "link" || name == "ptr")) {
          TANDEM_RETURN_IF_ERROR(AddLink(child, base));
        }
      } else if (container == TeiContainer::kAnnotations) {
        if (name == "annotation" || name == "note") AddAnnotation(child, base);
      } else if (container == TeiContainer::kTextContent) {
        TANDEM_RETURN_IF_ERROR(Sentences(child, base));
      }
    }
    if (open_ && !open_in_container_) TANDEM_RETURN_IF_ERROR(Close());
    return Status::Ok();
  }

  Status Finish() {
    if (open_) TANDEM_RETURN_IF_ERROR(Close());
    return Status::Ok();
  }

  bool corpus() const { return corpus_; }
  std::vector<std::unique_ptr<TextGroup>>& groups() { return groups_; }
  CorpusHeader& corpus_header() { return corpus_header_; }
  std::vector<LinkRecord>& links() { return links_; }
  std::vector<AnnotationRecord>& annotations() { return annotations_; }
  const std::string& domains() const { return domains_; }
  bool alignment_seen() const { return alignment_seen_; }
  std::size_t alignment_offset() const { return alignment_offset_; }
  std::size_t sentence_count() const { return sentence_count_; }
  std::size_t seg_count() const { return seg_count_; }
  const std::string& Interned(std::uint32_t index) const { return interned_[index]; }
  std::size_t InternedCount() const { return interned_.size(); }

 private:
  std::uint32_t Intern(std::string_view value) {
    if (value.empty()) return 0;
    const auto it = intern_index_.find(value);
    if (it != intern_index_.end()) return it->second;
    interned_.emplace_back(value);
    const auto index = static_cast<std::uint32_t>(interned_.size() - 1);
    intern_index_.emplace(interned_.back(), index);
    return index;
  }

  Status AddLink(pugi::xml_node node, std::size_t base) {
    LinkRecord link;
    link.offset = OffsetOf(node, base);
    link.xml_id = Attr(node, "xml:id");
    link.targets = Attr(node, "target");
    if (link.targets.empty()) {
      return input_.Error(link.offset, fmt::format("<{}> without @target", node.name()));
    }
    const std::string_view cert = Attr(node, "cert");
    if (!cert.empty()) {
      double value = 0;
      if (cert == "high") {
        value = 0.9;
      } else if (cert == "medium") {
        value = 0.5;
      } else if (cert == "low") {
        value = 0.1;
      } else if (cert == "unknown") {
        value = 0.0;
      } else if (!internal::ParseDouble(cert, &value) || !(value >= 0.0 && value <= 1.0)) {
        return input_.Error(link.offset,
                            fmt::format("@cert=\"{}\" is not a probability in [0, 1]", cert));
      }
      link.confidence = value;
    }
    link.ana = Intern(Attr(node, "ana"));
    link.resp = Intern(Attr(node, "resp"));
    link.change = Intern(Attr(node, "change"));
    links_.push_back(std::move(link));
    return Status::Ok();
  }

  void AddAnnotation(pugi::xml_node node, std::size_t base) {
    AnnotationRecord record;
    record.offset = OffsetOf(node, base);
    record.target = Attr(node, "target");
    record.motivation = Attr(node, "motivation");
    if (std::string_view(node.name()) == "note") {
      record.motivation = "commenting";
      record.note = TextOf(node);
    } else if (const pugi::xml_node note = Child(node, "note")) {
      record.note = TextOf(note);
    }
    annotations_.push_back(std::move(record));
  }

  // Finds the sentences in the subtree of `top` (document order, iteratively).
  Status Sentences(pugi::xml_node top, std::size_t base) {
    Status status;
    internal::WalkTree(top, [&](pugi::xml_node node) {
      if (node.type() == pugi::node_element) {
        const std::string_view name = node.name();
        if (name == "seg") ++seg_count_;
        if (name == sentence_name_) {
          status = Sentence(node, top, base);
          return status.ok() ? Walk::kSkipChildren : Walk::kStop;
        }
        if (name == "teiHeader") return Walk::kSkipChildren;
      } else if (open_ && (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata)) {
        if (!open_in_container_ && IsInside(node, block_)) AddGap(node.value());
      }
      return Walk::kDescend;
    });
    return status;
  }

  static bool IsInside(pugi::xml_node node, pugi::xml_node ancestor) {
    for (pugi::xml_node n = node.parent(); n; n = n.parent()) {
      if (n == ancestor) return true;
    }
    return false;
  }

  void AddGap(std::string_view text) {
    if (record_.pieces.empty() || record_.pieces.back().sentence) {
      record_.pieces.push_back({false, std::string(text), {}, std::nullopt});
    } else {
      record_.pieces.back().text += text;
    }
  }

  Status Sentence(pugi::xml_node s, pugi::xml_node top, std::size_t base) {
    const std::size_t offset = OffsetOf(s, base);
    // Nested sentences are not allowed (a Schematron rule of TEI).
    pugi::xml_node nested;
    internal::WalkTree(s, [&](pugi::xml_node n) {
      if (n != s && n.type() == pugi::node_element && sentence_name_ == n.name()) {
        nested = n;
        return Walk::kStop;
      }
      return Walk::kDescend;
    });
    if (nested) {
      return input_.Error(OffsetOf(nested, base),
                          fmt::format("<{}> inside <{}>: sentences cannot be nested",
                                      sentence_name_, sentence_name_));
    }
    if (current_ == nullptr) {
      return input_.Error(offset, "a sentence outside every TEI text");
    }
    // Its paragraph: the nearest block around it (or the container the batch came from).
    pugi::xml_node block;
    for (pugi::xml_node n = s.parent(); n; n = n.parent()) {
      if (n.type() == pugi::node_element && IsBlock(n.name())) {
        block = n;
        break;
      }
      if (n == top) break;
    }
    const bool in_container = !block;
    if (!open_ || in_container != open_in_container_ || (!in_container && block != block_)) {
      if (open_) TANDEM_RETURN_IF_ERROR(Close());
      open_ = true;
      open_in_container_ = in_container;
      block_ = block;
      record_ = ParagraphRecord{};
      if (block) {
        record_.id = Attr(block, "xml:id");
        record_.kind = KindOf(block);
        record_.span = SpanOf(block);
        // A block reopened after a nested block (p, quote, p) keeps its id only once.
        if (!record_.id.empty() && block == last_block_) record_.id.clear();
      }
      last_block_ = block;
      // The text of the block before its first sentence.
      if (block) {
        internal::WalkTree(block, [&](pugi::xml_node n) {
          if (n == s) return Walk::kStop;
          if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) AddGap(n.value());
          if (n != block && n.type() == pugi::node_element && sentence_name_ == n.name()) {
            return Walk::kSkipChildren;
          }
          return Walk::kDescend;
        });
      }
      for (pugi::xml_node n = block ? block : s.parent(); n; n = n.parent()) {
        if (n.type() != pugi::node_element) continue;
        const std::string_view id = Attr(n, "xml:id");
        if (!id.empty()) record_.groups.emplace_back(id);
        if (record_.language.empty()) record_.language = Attr(n, "xml:lang");
      }
    }
    std::string text = TextOf(s);
    if (text.empty()) {
      return input_.Error(
          offset, fmt::format("an empty <{}>: tandem cannot hold empty sentences", sentence_name_));
    }
    if (!internal::IsXmlSafe(text)) {
      return input_.Error(offset, "a character reference to a character XML 1.0 does not allow");
    }
    record_.pieces.push_back({true, std::move(text), std::string(Attr(s, "xml:id")), SpanOf(s)});
    ++sentence_count_;
    ++current_->sentences;
    return Status::Ok();
  }

  Status Close() {
    open_ = false;
    if (current_ == nullptr) return Status::Ok();
    if (current_->builder) {
      Feed(*current_->builder, record_);
    } else {
      current_->buffered.push_back(std::move(record_));
    }
    record_ = ParagraphRecord{};
    return Status::Ok();
  }

  void Warn(const std::string& message) const {
    if (warn_) warn_(message);
  }

  const XmlInput& input_;
  std::string_view sentence_name_;
  bool single_text_;
  const corpora::WarningCallback& warn_;

  bool corpus_ = false;
  std::vector<std::unique_ptr<TextGroup>> groups_;
  TextGroup* current_ = nullptr;
  CorpusHeader corpus_header_;

  bool alignment_seen_ = false;
  bool in_alignment_ = false;
  std::size_t alignment_offset_ = 0;
  std::string domains_;
  std::vector<LinkRecord> links_;
  std::vector<AnnotationRecord> annotations_;
  std::vector<std::string> interned_;
  std::map<std::string, std::uint32_t, std::less<>> intern_index_;

  bool open_ = false;
  bool open_in_container_ = false;
  pugi::xml_node block_;
  pugi::xml_node last_block_;
  ParagraphRecord record_;
  std::size_t sentence_count_ = 0;
  std::size_t seg_count_ = 0;
};

// Walks a file with <s> as sentences, and again with <seg> when it has no <s> but <seg>s.
Status Collect(const XmlInput& input, bool single_text, const corpora::WarningCallback& warn,
               std::unique_ptr<Collector>* out) {
  auto collector = std::make_unique<Collector>(input, "s", single_text, warn);
  TANDEM_RETURN_IF_ERROR(internal::WalkXml(input, *collector, {.warn = warn}));
  TANDEM_RETURN_IF_ERROR(collector->Finish());
  if (collector->sentence_count() == 0 && collector->seg_count() > 0) {
    auto segs = std::make_unique<Collector>(input, "seg", single_text, warn);
    TANDEM_RETURN_IF_ERROR(internal::WalkXml(input, *segs));
    TANDEM_RETURN_IF_ERROR(segs->Finish());
    collector = std::move(segs);
  }
  *out = std::move(collector);
  return Status::Ok();
}

// ---------------------------------------------------------------------------------------------
// Putting a Bitext together.

// The text's source file, as this process opens it (tei_common.h, "Paths in a corpus"): the
// header's ptr, which tandem always wrote relative to the TEI file, else its idno path. The ptr
// comes first because corpora written before the idno path was made relative to the TEI file
// too have it relative to the directory tandem ran in. Empty when the header names no file.
std::string SourceFileName(const TextHeader& header, const std::string& tei_path) {
  if (!header.source_uri.empty() && !internal::HasUriScheme(header.source_uri)) {
    return internal::PathFromBitextFile(internal::UnescapeUriPath(header.source_uri), tei_path);
  }
  if (!header.name.empty()) return internal::PathFromBitextFile(header.name, tei_path);
  return {};
}

// The Document of a text group in the file `tei_path`, with what its header says about the
// source file.
StatusOr<Document> FinishText(TextGroup& group, const std::string& tei_path,
                              const corpora::WarningCallback& warn) {
  if (!group.builder) {
    group.builder = std::make_unique<corpora::DocumentBuilder>(tei_path, group.language);
    for (const ParagraphRecord& record : group.buffered) Feed(*group.builder, record);
    group.buffered.clear();
  }
  Document& doc = group.builder->document();
  const TextHeader& header = group.header;
  if (std::string name = SourceFileName(header, tei_path); !name.empty()) {
    doc.name = std::move(name);
  }
  if (!group.language.empty()) doc.language = group.language;
  if (!header.encoding.empty()) doc.encoding = header.encoding;
  doc.converted = header.converted;
  if (header.size) group.builder->SetOriginalSize(*header.size);
  return group.builder->Finish(warn);
}

// Ids equal to the ones the writer would derive read back empty, so that a bitext written with
// derived ids compares equal after a round trip (and is written the same way again).
void ClearDerivedIds(Document& doc, std::string_view text_id) {
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    Paragraph& para = doc.paragraphs[p];
    if (para.id == internal::DerivedParagraphId(text_id, p)) para.id.clear();
    for (std::size_t k = 0; k < para.sentence_count; ++k) {
      std::string& id = doc.sentences[para.first_sentence + k].id;
      if (!id.empty() && id == internal::DerivedSentenceId(text_id, p, k)) id.clear();
    }
  }
}

// Replaces the rebuilt text by the source file's, when that file still matches.
void LoadSource(Document& doc, const TextHeader& header, const std::string& tei_path,
                const corpora::WarningCallback& warn) {
  if (header.source_uri.empty() || internal::HasUriScheme(header.source_uri) || doc.synthetic) {
    return;
  }
  const fs::path path =
      internal::PathFromBitextFile(internal::UnescapeUriPath(header.source_uri), tei_path);
  DecodeOptions decode;
  if (doc.converted) decode.encoding = doc.encoding;
  StatusOr<DecodedText> text = ReadTextFile(path.string(), decode);
  auto give_up = [&](const std::string& why) {
    if (warn) {
      warn(fmt::format("{}: {}; the text is rebuilt from the TEI", path.string(), why));
    }
  };
  if (!text.ok()) return give_up(text.status().message());
  if (text->text.size() != doc.text.size()) return give_up("the file has changed (its size)");
  for (const Paragraph& para : doc.paragraphs) {
    if (std::string_view(text->text).substr(para.span.begin, para.span.size()) !=
        doc.ParagraphText(static_cast<std::size_t>(&para - doc.paragraphs.data()))) {
      return give_up("the file has changed (its text)");
    }
  }
  doc.text = std::move(text->text);
}

class BitextAssembler {
 public:
  BitextAssembler(const std::string& path, const XmlInput& input, Collector& collector,
                  const TeiReadOptions& options)
      : path_(path), input_(input), collector_(collector), options_(options) {}

  StatusOr<corpora::Bitext> Run() {
    if (!collector_.alignment_seen()) {
      return input_.Error(0,
                          "no alignment (a linkGrp in a standOff): this TEI is not a "
                          "parallel corpus; to align its text with another, use tandem align");
    }
    TANDEM_RETURN_IF_ERROR(FindTexts());
    corpora::Bitext& bitext = bitext_;
    Text& source = *texts_[0];
    Text& target = *texts_[1];
    TANDEM_ASSIGN_OR_RETURN(bitext.source, FinishText(*source.group, source.path, options_.warn));
    TANDEM_ASSIGN_OR_RETURN(bitext.target, FinishText(*target.group, target.path, options_.warn));
    if (bitext.source.sentences.empty() || bitext.target.sentences.empty()) {
      return input_.Error(collector_.alignment_offset(),
                          "one of the two texts the alignment names has no sentences");
    }
    bitext.source_info = source.group->header.info;
    bitext.target_info = target.group->header.info;
    TANDEM_RETURN_IF_ERROR(Ladder());
    Header();
    // Ids and the title, as the writer would derive them.
    const auto [source_id, target_id] = internal::TextIds(bitext);
    if (source_id == source.group->id && target_id == target.group->id) {
      ClearDerivedIds(bitext.source, source_id);
      ClearDerivedIds(bitext.target, target_id);
    }
    if (bitext.title == internal::DefaultTitle(bitext)) bitext.title.clear();
    if (options_.load_sources) {
      LoadSource(bitext.source, source.group->header, source.path, options_.warn);
      LoadSource(bitext.target, target.group->header, target.path, options_.warn);
    }
    corpora::NormalizeReview(bitext);
    TANDEM_RETURN_IF_ERROR(corpora::ValidateBitext(bitext).WithContext(input_.name));
    return std::move(bitext_);
  }

 private:
  struct Text {
    std::string id;
    std::string file;  // the file part of pointers to it ("" within this file)
    std::string path;  // the file it is in
    TextGroup* group = nullptr;
    std::unique_ptr<Collector> collector;  // for a text in a file of its own
    std::unique_ptr<XmlInput> input;
  };

  Status FindTexts() {
    std::vector<std::string_view> domains = Tokens(collector_.domains());
    auto& groups = collector_.groups();
    if (domains.empty()) {
      if (!collector_.corpus()) {
        return input_.Error(collector_.alignment_offset(),
                            "the linkGrp has no @domains: cannot tell which texts it aligns");
      }
      std::vector<TextGroup*> with_sentences;
      for (auto& group : groups) {
        if (group->sentences > 0) with_sentences.push_back(group.get());
      }
      if (with_sentences.size() < 2) {
        return input_.Error(collector_.alignment_offset(), "the corpus has fewer than two texts");
      }
      for (int side = 0; side < 2; ++side) {
        auto text = std::make_unique<Text>();
        text->group = with_sentences[static_cast<std::size_t>(side)];
        text->id = text->group->id;
        text->path = path_;
        texts_holder_.push_back(std::move(text));
      }
    } else {
      if (domains.size() != 2) {
        return input_.Error(collector_.alignment_offset(),
                            fmt::format("@domains names {} texts; an alignment of two texts "
                                        "needs two",
                                        domains.size()));
      }
      for (const std::string_view domain : domains) {
        std::string_view file;
        const std::string_view id = PointerId(domain, &file);
        auto text = std::make_unique<Text>();
        text->id = id;
        text->file = file;
        if (!file.empty()) {
          TANDEM_RETURN_IF_ERROR(LoadTextFile(*text));
        } else {
          TANDEM_RETURN_IF_ERROR(FindGroup(*text));
        }
        texts_holder_.push_back(std::move(text));
      }
    }
    texts_[0] = texts_holder_[0].get();
    texts_[1] = texts_holder_[1].get();
    return Status::Ok();
  }

  // A text in a file of its own (the split layout), relative to this file.
  Status LoadTextFile(Text& text) {
    const fs::path file = fs::path(path_).parent_path() / internal::UnescapeUriPath(text.file);
    text.path = file.string();
    text.input = std::make_unique<XmlInput>();
    TANDEM_RETURN_IF_ERROR(
        internal::LoadXmlFile(text.path, text.input.get())
            .WithContext(fmt::format("{}: the text {}", input_.Where(collector_.alignment_offset()),
                                     text.file)));
    TANDEM_RETURN_IF_ERROR(
        Collect(*text.input, /*single_text=*/true, options_.warn, &text.collector));
    for (auto& group : text.collector->groups()) {
      if (group->id == text.id || text.id.empty()) {
        text.group = group.get();
        break;
      }
    }
    if (text.group == nullptr) {
      return input_.Error(
          collector_.alignment_offset(),
          fmt::format("@domains points to '{}', which {} does not hold", text.id, text.file));
    }
    text.input->Reset();
    return Status::Ok();
  }

  // A text of this file: a TEI of the corpus, or (in one TEI) the paragraphs inside the element
  // with that id.
  Status FindGroup(Text& text) {
    text.path = path_;
    for (auto& group : collector_.groups()) {
      if (group->id == text.id) {
        text.group = group.get();
        return Status::Ok();
      }
    }
    if (collector_.corpus() || collector_.groups().empty()) {
      return input_.Error(
          collector_.alignment_offset(),
          fmt::format("@domains points to '{}', which is not a text of the file", text.id));
    }
    // One TEI with both texts in it (divs with ids): take the paragraphs inside the element.
    TextGroup& root = *collector_.groups().front();
    auto group = std::make_unique<TextGroup>();
    group->id = text.id;
    for (ParagraphRecord& record : root.buffered) {
      if (std::find(record.groups.begin(), record.groups.end(), text.id) != record.groups.end()) {
        if (group->language.empty()) group->language = record.language;
        group->sentences += static_cast<std::size_t>(std::count_if(
            record.pieces.begin(), record.pieces.end(), [](const Piece& p) { return p.sentence; }));
        group->buffered.push_back(record);
      }
    }
    if (group->buffered.empty()) {
      return input_.Error(
          collector_.alignment_offset(),
          fmt::format("@domains points to '{}', which holds no sentences", text.id));
    }
    text.group = group.get();
    extra_groups_.push_back(std::move(group));
    return Status::Ok();
  }

  // The sentence of side `side` with id `id`: tandem's derived ids ("<text>.p<k>.s<j>") are
  // found from their numbers, without a table.
  std::optional<std::size_t> DerivedLookup(int side, std::string_view id) const {
    const std::string& text_id = texts_[side]->group->id;
    if (!id.starts_with(text_id) || id.substr(text_id.size(), 2) != ".p") return std::nullopt;
    std::string_view rest = id.substr(text_id.size() + 2);
    std::size_t numbers[2] = {0, 0};
    for (int n = 0; n < 2; ++n) {
      const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), numbers[n]);
      if (ec != std::errc() || numbers[n] == 0) return std::nullopt;
      rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
      if (n == 0) {
        if (rest.substr(0, 2) != ".s") return std::nullopt;
        rest.remove_prefix(2);
      }
    }
    const Document& doc = side == 0 ? bitext_.source : bitext_.target;
    if (!rest.empty() || numbers[0] > doc.paragraphs.size()) return std::nullopt;
    const Paragraph& paragraph = doc.paragraphs[numbers[0] - 1];
    if (numbers[1] > paragraph.sentence_count) return std::nullopt;
    const std::size_t index = paragraph.first_sentence + numbers[1] - 1;
    if (doc.sentences[index].id != id) return std::nullopt;
    return index;
  }

  // Every other id, through a table built on first need (which also finds duplicates).
  Status BuildIdTables() {
    if (tables_built_) return Status::Ok();
    tables_built_ = true;
    const Document* docs[2] = {&bitext_.source, &bitext_.target};
    const bool same_file = texts_[0]->file == texts_[1]->file;
    for (int side = 0; side < 2; ++side) {
      ids_[side].reserve(docs[side]->sentences.size());
      for (std::size_t i = 0; i < docs[side]->sentences.size(); ++i) {
        const std::string& id = docs[side]->sentences[i].id;
        if (id.empty()) continue;
        if (!ids_[side].emplace(id, i).second || (side == 1 && same_file && ids_[0].contains(id))) {
          return InvalidDataError(fmt::format(
              "{}: the id '{}' is used by two sentences, so pointers to it are ambiguous",
              input_.name, id));
        }
      }
    }
    return Status::Ok();
  }

  Status Ladder() {
    corpora::Bitext& bitext = bitext_;
    const Document* docs[2] = {&bitext.source, &bitext.target};
    const std::string files[2] = {texts_holder_[0]->file, texts_holder_[1]->file};
    std::size_t next[2] = {0, 0};
    std::vector<std::size_t> bead_of_link(collector_.links().size());
    std::size_t gap_sentences = 0;
    auto fill_gap = [&](std::size_t source_end, std::size_t target_end) {
      // Sentences no link mentions: unaligned beads of confidence 0.
      for (; next[0] < source_end; ++next[0], ++gap_sentences) {
        bitext.ladder.push_back({next[0], 1, next[1], 0, 0.0});
        bitext.review.emplace_back();
      }
      for (; next[1] < target_end; ++next[1], ++gap_sentences) {
        bitext.ladder.push_back({next[0], 0, next[1], 1, 0.0});
        bitext.review.emplace_back();
      }
    };
    std::vector<std::size_t> found[2];
    bitext.ladder.reserve(collector_.links().size());
    bitext.review.reserve(collector_.links().size());
    for (std::size_t l = 0; l < collector_.links().size(); ++l) {
      const LinkRecord& link = collector_.links()[l];
      found[0].clear();
      found[1].clear();
      for (const std::string_view token : Tokens(link.targets)) {
        std::string_view file;
        const std::string_view id = PointerId(token, &file);
        bool resolved = false;
        for (int side = 0; side < 2 && !resolved; ++side) {
          if (file != files[side]) continue;
          if (const std::optional<std::size_t> index = DerivedLookup(side, id)) {
            found[side].push_back(*index);
            resolved = true;
          }
        }
        if (!resolved) TANDEM_RETURN_IF_ERROR(BuildIdTables());
        for (int side = 0; side < 2 && !resolved; ++side) {
          if (file != files[side]) continue;
          const auto it = ids_[side].find(id);
          if (it != ids_[side].end()) {
            found[side].push_back(it->second);
            resolved = true;
          }
        }
        if (!resolved) {
          return input_.Error(link.offset,
                              fmt::format("the pointer '{}' resolves to no sentence of the two "
                                          "texts",
                                          token));
        }
      }
      align::Bead bead;
      for (int side = 0; side < 2; ++side) {
        std::vector<std::size_t>& list = found[side];
        std::sort(list.begin(), list.end());
        for (std::size_t k = 1; k < list.size(); ++k) {
          if (list[k] != list[k - 1] + 1) {
            return input_.Error(
                link.offset,
                fmt::format("the {} sentences of this link are not consecutive ({} and {}): "
                            "tandem's beads are runs of sentences",
                            side == 0 ? "source" : "target", docs[side]->sentences[list[k - 1]].id,
                            docs[side]->sentences[list[k]].id));
          }
        }
        if (!list.empty() && list.front() < next[side]) {
          return input_.Error(
              link.offset,
              fmt::format("this link goes back in the {} text (to '{}', after a link that "
                          "reached sentence {}): links must follow the order of both texts",
                          side == 0 ? "source" : "target", docs[side]->sentences[list.front()].id,
                          next[side]));
        }
      }
      const std::size_t source_begin = found[0].empty() ? next[0] : found[0].front();
      const std::size_t target_begin = found[1].empty() ? next[1] : found[1].front();
      fill_gap(source_begin, target_begin);
      bead.source_begin = next[0];
      bead.source_count = found[0].size();
      bead.target_begin = next[1];
      bead.target_count = found[1].size();
      bead.confidence = link.confidence;
      if (bead.source_count + bead.target_count == 0) {
        return input_.Error(link.offset, "a link without sentences");
      }
      next[0] += bead.source_count;
      next[1] += bead.target_count;
      bead_of_link[l] = bitext.ladder.size();
      bitext.ladder.push_back(bead);
      TANDEM_ASSIGN_OR_RETURN(corpora::BeadReview review, Review(link));
      bitext.review.push_back(std::move(review));
    }
    fill_gap(bitext.source.sentences.size(), bitext.target.sentences.size());
    if (gap_sentences > 0 && options_.warn) {
      options_.warn(fmt::format("{}: {} in no link; read as unaligned (confidence 0)", input_.name,
                                corpora::CountOf(gap_sentences, "sentence")));
    }
    return Annotations(bead_of_link);
  }

  // The review record of a link. Attribute values repeat (they are interned), so each distinct
  // value is resolved once.
  StatusOr<corpora::BeadReview> Review(const LinkRecord& link) const {
    if (cache_.empty()) cache_.resize(collector_.InternedCount());
    corpora::BeadReview review;
    Cached& ana = cache_[link.ana];
    if (!ana.done) {
      ana.done = true;
      for (const std::string_view token : Tokens(collector_.Interned(link.ana))) {
        const std::string_view id = PointerId(token);
        if (id.starts_with(internal::kStatusPrefix)) {
          const std::optional<corpora::ReviewStatus> status =
              corpora::ReviewStatusFromName(id.substr(internal::kStatusPrefix.size()));
          if (status) ana.status = *status;
        }
      }
    }
    review.status = ana.status;
    const CorpusHeader& header = collector_.corpus_header();
    // Review references that resolve to nothing are taken as they are (tandem validate reports
    // them): the reviewer is then the id itself.
    Cached& resp = cache_[link.resp];
    if (!resp.done && link.resp != 0) {
      resp.done = true;
      const std::string& value = collector_.Interned(link.resp);
      const std::string_view id = PointerId(value);
      const auto person = header.people.find(id);
      if (person != header.people.end()) {
        resp.text = person->second;
      } else if (id != header.aligner_id) {
        Unresolved(link.offset, fmt::format("@resp=\"{}\" names no respStmt of the header", value));
        if (id != internal::kAlignerId) resp.text = id;
      }
    }
    if (link.resp != 0) review.reviewer = resp.text;
    Cached& change = cache_[link.change];
    if (!change.done && link.change != 0) {
      change.done = true;
      const std::string& value = collector_.Interned(link.change);
      const auto found = header.changes.find(PointerId(value));
      if (found == header.changes.end()) {
        Unresolved(link.offset,
                   fmt::format("@change=\"{}\" names no change of the revisionDesc", value));
      } else {
        change.text = found->second;
      }
    }
    if (link.change != 0) review.timestamp = change.text;
    return review;
  }

  // One warning, for the first review reference that resolves to nothing.
  void Unresolved(std::size_t offset, const std::string& what) const {
    if (unresolved_++ == 0 && options_.warn) {
      options_.warn(fmt::format("{}: {}; taken as it is", input_.Where(offset), what));
    }
  }

  Status Annotations(const std::vector<std::size_t>& bead_of_link) {
    if (collector_.annotations().empty()) return Status::Ok();
    std::unordered_map<std::string_view, std::size_t> beads;
    for (std::size_t l = 0; l < collector_.links().size(); ++l) {
      const std::string& id = collector_.links()[l].xml_id;
      if (!id.empty()) beads.emplace(id, bead_of_link[l]);
    }
    for (const AnnotationRecord& annotation : collector_.annotations()) {
      const auto it = beads.find(PointerId(annotation.target));
      if (it == beads.end()) {
        return input_.Error(annotation.offset,
                            fmt::format("the annotation points to '{}', which is no link of the "
                                        "alignment",
                                        annotation.target));
      }
      corpora::BeadReview& review = bitext_.review[it->second];
      if (annotation.motivation == "bookmarking") {
        review.bookmark = true;
      } else if (annotation.note) {
        review.note = *annotation.note;
      }
    }
    return Status::Ok();
  }

  void Header() {
    const CorpusHeader& header = collector_.corpus_header();
    bitext_.title = header.title;
    if (header.has_application) bitext_.alignment = header.alignment;
  }

  const std::string& path_;
  const XmlInput& input_;
  Collector& collector_;
  const TeiReadOptions& options_;
  corpora::Bitext bitext_;
  std::vector<std::unique_ptr<Text>> texts_holder_;
  std::vector<std::unique_ptr<TextGroup>> extra_groups_;
  Text* texts_[2] = {nullptr, nullptr};
  bool tables_built_ = false;
  std::unordered_map<std::string_view, std::size_t> ids_[2];
  mutable std::size_t unresolved_ = 0;
  struct Cached {
    bool done = false;
    corpora::ReviewStatus status = corpora::ReviewStatus::kAutomatic;
    std::string text;
  };
  mutable std::vector<Cached> cache_;  // by interned attribute value
};

}  // namespace

namespace {

StatusOr<corpora::Bitext> ReadFromInput(const XmlInput& input, const TeiReadOptions& options) {
  std::unique_ptr<Collector> collector;
  TANDEM_RETURN_IF_ERROR(Collect(input, /*single_text=*/false, options.warn, &collector));
  return BitextAssembler(input.name, input, *collector, options).Run();
}

}  // namespace

StatusOr<corpora::Bitext> ReadTei(std::string bytes, const std::string& name,
                                  const TeiReadOptions& options) {
  XmlInput input;
  TANDEM_RETURN_IF_ERROR(internal::LoadXmlBytes(std::move(bytes), name, &input));
  return ReadFromInput(input, options);
}

StatusOr<corpora::Bitext> ReadTeiFile(const std::string& path, const TeiReadOptions& options) {
  XmlInput input;
  TANDEM_RETURN_IF_ERROR(internal::LoadXmlFile(path, &input));
  return ReadFromInput(input, options);
}

StatusOr<Document> ReadTeiDocumentFile(const std::string& path, const TeiDocumentOptions& options) {
  XmlInput input;
  TANDEM_RETURN_IF_ERROR(internal::LoadXmlFile(path, &input));
  std::unique_ptr<Collector> collector;
  TANDEM_RETURN_IF_ERROR(Collect(input, /*single_text=*/true, options.warn, &collector));
  std::vector<TextGroup*> candidates;
  for (auto& group : collector->groups()) {
    if (group->sentences > 0) candidates.push_back(group.get());
  }
  if (candidates.empty()) {
    return InvalidDataError(
        fmt::format("{}: no <s> or <seg> elements in the text: nothing to "
                    "align (segment the plain text instead)",
                    input.name));
  }
  TextGroup* chosen = candidates.front();
  if (candidates.size() > 1) {
    chosen = nullptr;
    std::string languages;
    for (TextGroup* group : candidates) {
      if (!options.language.empty() &&
          CanonicalLanguageTag(group->language) == CanonicalLanguageTag(options.language)) {
        chosen = group;
      }
      languages += (languages.empty() ? "" : ", ") +
                   (group->language.empty() ? std::string("no xml:lang") : group->language);
    }
    if (chosen == nullptr) {
      return InvalidArgumentError(
          fmt::format("{}: the file holds {} texts ({}), none in the language given for it ('{}')",
                      input.name, candidates.size(), languages, options.language));
    }
  }
  if (!options.language.empty()) {
    if (!chosen->language.empty() &&
        CanonicalLanguageTag(chosen->language) != CanonicalLanguageTag(options.language) &&
        options.warn) {
      options.warn(fmt::format("{}: the text says it is in '{}', but '{}' was given; using '{}'",
                               input.name, chosen->language, options.language, options.language));
    }
    chosen->language = options.language;
  }
  input.Reset();
  TANDEM_ASSIGN_OR_RETURN(Document doc, FinishText(*chosen, input.name, options.warn));
  if (doc.language.empty()) {
    return InvalidArgumentError(
        fmt::format("{}: the text does not say its language (xml:lang), and none was given for it",
                    input.name));
  }
  return doc;
}

}  // namespace tandem::tei
