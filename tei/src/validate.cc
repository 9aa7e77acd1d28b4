#include "tandem/tei/validate.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "dom_util.h"
#include "tei_common.h"
#include "tei_structure.h"
#include "xml_stream.h"
#include "xml_util.h"

namespace tandem::tei {
namespace {

namespace fs = std::filesystem;
using internal::Attr;
using internal::OffsetOf;
using internal::PointerId;
using internal::TeiContainer;
using internal::Tokens;
using internal::XmlInput;
using Severity = ValidationProblem::Severity;

// Attributes whose values are TEI pointers ("#id" or URIs).
constexpr std::string_view kPointerAttributes[] = {
    "target", "ana",  "resp", "change",  "who",    "corresp", "ref",   "sameAs",
    "copyOf", "next", "prev", "exclude", "select", "synch",   "decls", "domains"};

bool IsPointerAttribute(std::string_view name) {
  return std::find(std::begin(kPointerAttributes), std::end(kPointerAttributes), name) !=
         std::end(kPointerAttributes);
}

class Problems {
 public:
  Problems(ValidationReport& report, std::size_t limit) : report_(report), limit_(limit) {}

  void Add(Severity severity, const XmlInput& input, std::optional<std::size_t> offset,
           std::string message) {
    if (report_.problems.size() >= limit_) {
      ++report_.omitted;
      if (severity == Severity::kError) ++omitted_errors_;
      return;
    }
    ValidationProblem problem;
    problem.severity = severity;
    problem.file = input.name;
    if (offset) {
      const auto [line, column] = input.LineColumn(*offset);
      problem.line = line;
      problem.column = column;
    }
    problem.message = std::move(message);
    report_.problems.push_back(std::move(problem));
  }
  std::size_t omitted_errors() const { return omitted_errors_; }

 private:
  ValidationReport& report_;
  std::size_t limit_;
  std::size_t omitted_errors_ = 0;
};

// Everything one file holds that the checks need.
class FileChecker final : public internal::TeiVisitor {
 public:
  struct Id {
    std::size_t offset = 0;
    std::string element;
    std::size_t sentence = static_cast<std::size_t>(-1);  // index into sentences_
    std::string taxonomy;                                 // for a category: its taxonomy's id
    bool dated = false;                                   // for a change: has @when or <date>
  };
  struct SentenceRecord {
    std::size_t offset = 0;
    std::uint32_t chain = 0;  // the ids of the texts (TEI, div) it is in
    std::string id;
    bool is_seg = false;
  };
  struct Pointer {
    std::string value;
    std::size_t offset = 0;
    std::string attribute;
  };
  struct Link {
    std::size_t offset = 0;
    std::string id;
    bool is_ptr = false;
    bool unaligned = false;
    std::string targets;
    std::string ana;
    std::string resp;
    std::string change;
  };
  struct Annotation {
    std::size_t offset = 0;
    std::string target;
    std::string motivation;
  };

  FileChecker(const XmlInput& input, Problems& problems) : input_(input), problems_(problems) {
    chains_.emplace_back();
  }

  Status StartContainer(const std::vector<std::string>& path, pugi::xml_node element,
                        std::size_t offset) override {
    const std::string_view name = element.name();
    if (path.empty()) {
      root_ = name;
      if (name != "teiCorpus" && name != "TEI") {
        Error(offset, fmt::format("the root element is <{}>, not teiCorpus or TEI", name));
      } else if (Attr(element, "xmlns") != internal::kTeiNamespace) {
        Error(offset,
              fmt::format("<{}> is not in the TEI namespace ({})", name, internal::kTeiNamespace));
      }
    }
    if (name == "linkGrp") {
      const std::string_view type = Attr(element, "type");
      in_alignment_ =
          !alignment_found_ && (type.empty() || type == "alignment" || type == "translation");
      if (in_alignment_) {
        alignment_found_ = true;
        alignment_offset_ = offset;
        domains_ = Attr(element, "domains");
        if (domains_.empty()) domains_ = Attr(element, "corresp");
      }
    }
    if (name == "TEI" && !path.empty()) ++tei_texts_;
    const std::string_view id = Attr(element, "xml:id");
    stack_.push_back(std::string(id));
    Element(element, offset, /*in_dom=*/false);
    return Status::Ok();
  }

  Status EndContainer(const std::vector<std::string>& /*path*/, std::size_t /*offset*/) override {
    stack_.pop_back();
    in_alignment_ = false;
    return Status::Ok();
  }

  Status Elements(const std::vector<std::string>& path, pugi::xml_node fragment,
                  std::size_t base) override {
    const TeiContainer container =
        path.empty() ? TeiContainer::kNone : internal::TeiContainerOf(path.back());
    for (pugi::xml_node top = fragment.first_child(); top; top = top.next_sibling()) {
      if (top.type() != pugi::node_element) continue;
      // Every element of the subtree, in document order.
      internal::WalkTree(top, [&](pugi::xml_node node) {
        if (node.type() == pugi::node_element) {
          Element(node, OffsetOf(node, base), /*in_dom=*/true, &top, container);
        }
        return internal::Walk::kDescend;
      });
    }
    return Status::Ok();
  }

  // Accessors for the cross-file checks.
  const XmlInput& input() const { return input_; }
  const std::unordered_map<std::string, Id>& ids() const { return ids_; }
  const std::vector<SentenceRecord>& sentences() const { return sentences_; }
  const std::vector<Pointer>& pointers() const { return pointers_; }
  const std::vector<Link>& links() const { return links_; }
  const std::vector<Annotation>& annotations() const { return annotations_; }
  const std::string& domains() const { return domains_; }
  bool alignment_found() const { return alignment_found_; }
  std::size_t alignment_offset() const { return alignment_offset_; }
  const std::vector<std::string>& chains() const { return chains_; }
  const std::set<std::string>& status_categories() const { return status_categories_; }
  const std::string& application_id() const { return application_id_; }
  const std::vector<std::string>& tei_text_ids() const { return tei_text_ids_; }
  const std::string& root() const { return root_; }

  void Error(std::size_t offset, std::string message) {
    problems_.Add(Severity::kError, input_, offset, std::move(message));
  }
  void Warning(std::size_t offset, std::string message) {
    problems_.Add(Severity::kWarning, input_, offset, std::move(message));
  }

 private:
  // teidata.language is xsd:language or empty: parts of 1 to 8 letters (the first) or letters and
  // digits, joined by '-' ("en", "en-US", "zh-Hant-TW"); "en_US" is not one.
  void CheckLanguageTag(std::size_t offset, std::string_view attribute, std::string_view value) {
    bool ok = true;
    std::size_t part = 0;
    bool first = true;
    for (std::size_t i = 0; i <= value.size() && ok && !value.empty(); ++i) {
      if (i == value.size() || value[i] == '-') {
        ok = part >= 1 && part <= 8;
        part = 0;
        first = false;
        continue;
      }
      const char c = value[i];
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      ok = letter || (!first && c >= '0' && c <= '9');
      ++part;
    }
    if (ok) return;
    Error(offset, fmt::format("{}=\"{}\" is not a language tag (BCP 47, as the schema's "
                              "xsd:language: parts of 1-8 letters or digits joined by '-', such "
                              "as en-US)",
                              attribute, value));
  }

  // The chain of text ids around a node: container ids, then ids of non-block ancestors.
  std::uint32_t ChainOf(pugi::xml_node node, pugi::xml_node top) {
    std::string chain;
    for (const std::string& id : stack_) {
      if (!id.empty()) chain += '|' + id;
    }
    std::vector<std::string_view> inner;
    if (node) {
      for (pugi::xml_node n = node.parent(); n; n = n.parent()) {
        if (n.type() == pugi::node_element && !internal::IsBlock(n.name())) {
          const std::string_view id = Attr(n, "xml:id");
          if (!id.empty()) inner.push_back(id);
        }
        if (n == top) break;
      }
    }
    for (auto it = inner.rbegin(); it != inner.rend(); ++it) {
      chain += '|';
      chain += *it;
    }
    chain += '|';
    const auto found = chain_index_.find(chain);
    if (found != chain_index_.end()) return found->second;
    chains_.push_back(chain);
    const auto index = static_cast<std::uint32_t>(chains_.size() - 1);
    chain_index_.emplace(chain, index);
    return index;
  }

  void Element(pugi::xml_node node, std::size_t offset, bool in_dom,
               const pugi::xml_node* top = nullptr, TeiContainer container = TeiContainer::kNone) {
    const std::string_view name = node.name();
    const std::string_view id = Attr(node, "xml:id");
    Id* record = nullptr;
    if (!id.empty()) {
      const auto [it, inserted] = ids_.try_emplace(std::string(id));
      if (!inserted) {
        Error(offset, fmt::format("duplicate xml:id '{}' (first at line {})", id,
                                  input_.LineColumn(it->second.offset).first));
      } else {
        it->second.offset = offset;
        it->second.element = name;
        record = &it->second;
      }
    }
    // Language tags as the schema takes them (teidata.language): xml:lang anywhere, and the
    // @ident of a <language> in the header's langUsage.
    if (const pugi::xml_attribute lang = node.attribute("xml:lang")) {
      CheckLanguageTag(offset, "xml:lang", lang.value());
    }
    if (name == "language") {
      if (const pugi::xml_attribute ident = node.attribute("ident")) {
        CheckLanguageTag(offset, "@ident", ident.value());
      }
    }
    if (name == "TEI" && !id.empty() && root_ == "teiCorpus") tei_text_ids_.emplace_back(id);
    if (name == "application" && application_id_.empty()) application_id_ = id;
    if (name == "category" && record != nullptr) {
      for (pugi::xml_node n = node.parent(); n; n = n.parent()) {
        if (std::string_view(n.name()) == "taxonomy") {
          record->taxonomy = Attr(n, "xml:id");
          break;
        }
      }
      if (record->taxonomy == internal::kStatusTaxonomy) status_categories_.emplace(id);
    }
    if (name == "change" && record != nullptr) {
      record->dated = !Attr(node, "when").empty() || internal::Child(node, "date");
    }
    if (name == "bibl" && Attr(node, "type") == "file") CheckFileDescription(node, offset);
    // Links and annotations are checked with the whole alignment in view.
    if (in_dom && container == TeiContainer::kLinkGroup && in_alignment_ &&
        (name == "link" || name == "ptr") && node.parent().type() == pugi::node_document) {
      Link link;
      link.offset = offset;
      link.id = id;
      link.is_ptr = name == "ptr";
      link.unaligned = Attr(node, "type") == "unaligned";
      link.targets = Attr(node, "target");
      link.ana = Attr(node, "ana");
      link.resp = Attr(node, "resp");
      link.change = Attr(node, "change");
      const std::string_view cert = Attr(node, "cert");
      double value = 0;
      if (!cert.empty() && cert != "high" && cert != "medium" && cert != "low" &&
          cert != "unknown" &&
          (!internal::ParseDouble(cert, &value) || !(value >= 0.0 && value <= 1.0))) {
        Error(offset, fmt::format("@cert=\"{}\" is not a probability in [0, 1]", cert));
      }
      links_.push_back(std::move(link));
      return;
    }
    if (in_dom && container == TeiContainer::kAnnotations && name == "annotation") {
      annotations_.push_back(
          {offset, std::string(Attr(node, "target")), std::string(Attr(node, "motivation"))});
    }
    // Generic pointers (ana, resp and change values repeat: each distinct value once).
    for (const pugi::xml_attribute attribute : node.attributes()) {
      const std::string_view attribute_name = attribute.name();
      if (!IsPointerAttribute(attribute_name)) continue;
      if (attribute_name == "domains" && name == "linkGrp") continue;  // checked with the links
      const std::string_view value = attribute.value();
      if (attribute_name == "ana" || attribute_name == "resp" || attribute_name == "change") {
        if (!seen_values_.emplace(std::string(attribute_name) + "=" + std::string(value)).second) {
          continue;
        }
      }
      pointers_.push_back({std::string(value), offset, std::string(attribute_name)});
    }
    if (!in_dom) return;
    // Sentences and their byte spans.
    const bool is_s = name == "s";
    const bool is_seg = name == "seg";
    if (internal::IsBlock(name)) {
      const std::optional<Span> span = SourceSpan(node, offset);
      paragraph_span_ = span;
      sentence_end_ = span ? span->begin : 0;
      if (span) {
        const std::uint32_t chain = ChainOf(node, *top);
        std::size_t& last = paragraph_end_[chain];
        if (span->begin < last) {
          Error(offset, fmt::format("the byte span [{}, {}) starts before the end of the previous "
                                    "paragraph's ({})",
                                    span->begin, span->end, last));
        }
        last = span->end;
      }
    }
    if (is_s || is_seg) {
      for (pugi::xml_node n = node.parent(); n; n = n.parent()) {
        if (n.type() == pugi::node_element && std::string_view(n.name()) == name) {
          Error(offset, fmt::format("<{}> inside <{}>: sentences cannot be nested", name, name));
          break;
        }
      }
      if (internal::TextOf(node).empty()) {
        Warning(offset, fmt::format("an empty <{}>: tandem cannot read empty sentences", name));
      }
      SentenceRecord sentence;
      sentence.offset = offset;
      sentence.chain = ChainOf(node, *top);
      sentence.id = id;
      sentence.is_seg = is_seg;
      if (record != nullptr) record->sentence = sentences_.size();
      sentences_.push_back(std::move(sentence));
      const std::optional<Span> span = SourceSpan(node, offset);
      if (span && paragraph_span_) {
        if (span->begin < sentence_end_ || span->end > paragraph_span_->end) {
          Error(offset,
                fmt::format("the byte span [{}, {}) is not inside its paragraph's [{}, {}) "
                            "after the sentence before it",
                            span->begin, span->end, paragraph_span_->begin, paragraph_span_->end));
        }
        sentence_end_ = span->end;
      }
    }
  }

  // A text header's bibl type="file": the file its ptr names should exist, and its idno path
  // (relative to the TEI file, as every path in a corpus) should name the same file. Corpora
  // written before tandem made the idno path relative to the TEI file have it relative to the
  // directory tandem ran in; tandem reads the ptr then, and writes both right when it saves.
  void CheckFileDescription(pugi::xml_node bibl, std::size_t offset) {
    const std::string_view pointer = Attr(internal::Child(bibl, "ptr"), "target");
    std::string path;
    for (pugi::xml_node idno = bibl.child("idno"); idno; idno = idno.next_sibling("idno")) {
      if (Attr(idno, "type") == "path") path = idno.text().get();
    }
    if (pointer.empty() || internal::HasUriScheme(pointer)) return;
    const std::string file =
        internal::PathFromBitextFile(internal::UnescapeUriPath(pointer), input_.name);
    if (checked_files_.insert(std::string(pointer)).second) {
      std::error_code ec;
      if (!fs::exists(file, ec)) {
        Warning(offset, fmt::format("the source file {} does not exist (the byte spans point "
                                    "into it)",
                                    file));
      }
    }
    if (!path.empty() && !internal::IsPathlessName(path) &&
        fs::path(internal::PathFromBitextFile(path, input_.name)).lexically_normal() !=
            fs::path(file).lexically_normal()) {
      Warning(offset,
              fmt::format("the idno path '{}' and the ptr '{}' name different files; tandem "
                          "reads {} (the ptr: paths in a corpus are relative to the corpus "
                          "file; saving the corpus again with tandem writes both so)",
                          path, pointer, file));
    }
  }

  // A @source of the form FILE#byte=B,E (other @source values are left alone).
  std::optional<Span> SourceSpan(pugi::xml_node node, std::size_t offset) {
    const std::string_view source = Attr(node, "source");
    if (source.find("#byte=") == std::string_view::npos) return std::nullopt;
    const std::optional<internal::ParsedSpanPointer> parsed = internal::ParseSpanPointer(source);
    if (!parsed) {
      Error(offset,
            fmt::format("@source=\"{}\" is not FILE#byte=BEGIN,END with BEGIN < END", source));
      return std::nullopt;
    }
    if (!parsed->file.empty() && !internal::HasUriScheme(parsed->file) &&
        checked_files_.insert(parsed->file).second) {
      const fs::path file =
          internal::PathFromBitextFile(internal::UnescapeUriPath(parsed->file), input_.name);
      std::error_code ec;
      if (!fs::exists(file, ec)) {
        Warning(offset, fmt::format("the source file {} does not exist (the byte spans point "
                                    "into it)",
                                    file.string()));
      }
    }
    return parsed->span;
  }

  const XmlInput& input_;
  Problems& problems_;
  std::string root_;
  std::vector<std::string> stack_;
  std::unordered_map<std::string, Id> ids_;
  std::vector<SentenceRecord> sentences_;
  std::vector<Pointer> pointers_;
  std::set<std::string> seen_values_;
  std::vector<Link> links_;
  std::vector<Annotation> annotations_;
  std::vector<std::string> chains_;
  std::unordered_map<std::string, std::uint32_t> chain_index_;
  std::set<std::string> status_categories_;
  std::set<std::string> checked_files_;
  std::string application_id_;
  std::vector<std::string> tei_text_ids_;
  std::size_t tei_texts_ = 0;
  bool alignment_found_ = false;
  bool in_alignment_ = false;
  std::size_t alignment_offset_ = 0;
  std::string domains_;
  std::optional<Span> paragraph_span_;
  std::size_t sentence_end_ = 0;
  std::map<std::uint32_t, std::size_t> paragraph_end_;
};

struct LoadedFile {
  XmlInput input;
  std::unique_ptr<FileChecker> checker;
  bool malformed = false;
};

// A message of the form "file:line:column: rest" becomes a problem at that place.
void AddPlaced(Problems& problems, const XmlInput& input, const std::string& message,
               ValidationReport& report) {
  const std::string prefix = input.name + ":";
  std::size_t line = 0;
  std::size_t column = 0;
  if (message.starts_with(prefix)) {
    const char* p = message.c_str() + prefix.size();
    char* end = nullptr;
    line = std::strtoul(p, &end, 10);
    if (end != p && *end == ':') {
      p = end + 1;
      column = std::strtoul(p, &end, 10);
      if (end != p && end[0] == ':' && end[1] == ' ') {
        problems.Add(Severity::kError, input, std::nullopt, std::string(end + 2));
        if (!report.problems.empty()) {
          report.problems.back().line = line;
          report.problems.back().column = column;
        }
        return;
      }
    }
  }
  problems.Add(Severity::kError, input, std::nullopt, message);
}

// Reads and walks one file; a malformed file becomes one error.
Status CheckFile(const std::string& path, Problems& problems, ValidationReport& report,
                 LoadedFile* file) {
  const Status loaded = internal::LoadXmlFile(path, &file->input);
  file->input.name = path;
  file->checker = std::make_unique<FileChecker>(file->input, problems);
  if (!loaded.ok()) {
    if (loaded.code() == StatusCode::kNotFound || loaded.code() == StatusCode::kIoError) {
      return loaded;
    }
    AddPlaced(problems, file->input, loaded.message(), report);
    file->malformed = true;
    return Status::Ok();
  }
  const Status walked = internal::WalkXml(file->input, *file->checker);
  if (!walked.ok()) {
    AddPlaced(problems, file->input, walked.message(), report);
    file->malformed = true;
  }
  return Status::Ok();
}

class AlignmentChecker {
 public:
  AlignmentChecker(LoadedFile& main, Problems& problems, ValidationReport& report)
      : main_(main), problems_(problems), report_(report) {}

  Status Run() {
    FileChecker& checker = *main_.checker;
    spaces_[""] = &main_;
    // The texts @domains names; in other files for the split layout.
    std::vector<std::string_view> domains = Tokens(checker.domains());
    if (checker.alignment_found()) {
      if (domains.empty() && checker.root() == "teiCorpus" && checker.tei_text_ids().size() >= 2) {
        implicit_domains_[0] = "#" + checker.tei_text_ids()[0];
        implicit_domains_[1] = "#" + checker.tei_text_ids()[1];
        domains = {implicit_domains_[0], implicit_domains_[1]};
      }
      if (domains.size() != 2) {
        checker.Error(checker.alignment_offset(),
                      domains.empty()
                          ? std::string("the alignment's linkGrp has no @domains "
                                        "naming its two texts")
                          : fmt::format("@domains names {} texts, not two", domains.size()));
      } else {
        for (int side = 0; side < 2; ++side) {
          std::string_view file;
          const std::string_view id = PointerId(domains[static_cast<std::size_t>(side)], &file);
          domain_file_[side] = file;
          domain_id_[side] = id;
          if (!file.empty() && !spaces_.contains(std::string(file))) {
            auto loaded = std::make_unique<LoadedFile>();
            const fs::path path =
                fs::path(checker.input().name).parent_path() / internal::UnescapeUriPath(file);
            const Status status = CheckFile(path.string(), problems_, report_, loaded.get());
            if (!status.ok()) {
              checker.Error(checker.alignment_offset(),
                            fmt::format("@domains names {}, which cannot be read: {}", file,
                                        status.message()));
              continue;
            }
            spaces_[std::string(file)] = loaded.get();
            others_.push_back(std::move(loaded));
          }
          LoadedFile* space = Space(file);
          if (space == nullptr) continue;
          const auto it = space->checker->ids().find(std::string(id));
          if (it == space->checker->ids().end()) {
            checker.Error(checker.alignment_offset(),
                          fmt::format("@domains names '{}', which is not an id of {}", id,
                                      file.empty() ? std::string("this file") : std::string(file)));
          }
        }
      }
    }
    for (auto& [name, space] : spaces_) {
      if (space->malformed) continue;
      Pointers(*space);
    }
    if (checker.alignment_found() && domains.size() == 2) Links();
    return Status::Ok();
  }

 private:
  LoadedFile* Space(std::string_view file) {
    const auto it = spaces_.find(std::string(file));
    return it == spaces_.end() ? nullptr : it->second;
  }

  // Which file and id a pointer names, when it is one we can check.
  const FileChecker::Id* Resolve(std::string_view token, LoadedFile** in = nullptr) {
    std::string_view file;
    const std::string_view id = PointerId(token, &file);
    if (id.empty()) return nullptr;
    LoadedFile* space = Space(file);
    if (space == nullptr || space->malformed) return nullptr;
    if (in != nullptr) *in = space;
    const auto it = space->checker->ids().find(std::string(id));
    return it == space->checker->ids().end() ? nullptr : &it->second;
  }

  void Pointers(LoadedFile& file) {
    FileChecker& checker = *file.checker;
    for (const FileChecker::Pointer& pointer : checker.pointers()) {
      for (const std::string_view token : Tokens(pointer.value)) {
        std::string_view target_file;
        const std::string_view id = PointerId(token, &target_file);
        if (id.empty() || id.starts_with("byte=")) continue;  // a URI, or a byte span
        // Pointers to other files are checked when that file is one of the texts.
        const bool local = target_file.empty();
        if (!local && !spaces_.contains(std::string(target_file))) continue;
        if (Resolve(token) == nullptr) {
          checker.Error(pointer.offset,
                        fmt::format("@{}: '{}' points to no element", pointer.attribute, token));
        }
      }
    }
  }

  void Links() {
    FileChecker& checker = *main_.checker;
    LoadedFile* texts[2] = {Space(domain_file_[0]), Space(domain_file_[1])};
    if (texts[0] == nullptr || texts[1] == nullptr || texts[0]->malformed || texts[1]->malformed) {
      return;
    }
    // Sentences: <s>, or <seg> in files without <s>.
    bool use_seg[2];
    for (int side = 0; side < 2; ++side) {
      const auto& sentences = texts[side]->checker->sentences();
      use_seg[side] =
          std::none_of(sentences.begin(), sentences.end(), [](const auto& s) { return !s.is_seg; });
    }
    // The position of each sentence in its text (npos: not in the text).
    std::vector<std::size_t> position[2];
    std::size_t count[2] = {0, 0};
    for (int side = 0; side < 2; ++side) {
      const FileChecker& text = *texts[side]->checker;
      const std::string needle = "|" + domain_id_[side] + "|";
      std::vector<bool> in_text(text.chains().size(), false);
      for (std::size_t c = 0; c < text.chains().size(); ++c) {
        in_text[c] = text.chains()[c].find(needle) != std::string::npos;
      }
      position[side].assign(text.sentences().size(), static_cast<std::size_t>(-1));
      for (std::size_t i = 0; i < text.sentences().size(); ++i) {
        const auto& sentence = text.sentences()[i];
        if (sentence.is_seg == use_seg[side] && in_text[sentence.chain]) {
          position[side][i] = count[side]++;
        }
      }
      report_.sentences += count[side];
      if (count[side] == 0) {
        checker.Error(checker.alignment_offset(),
                      fmt::format("the text '{}' has no sentences", domain_id_[side]));
        return;
      }
    }
    std::vector<std::size_t> linked_by[2] = {
        std::vector<std::size_t>(count[0], static_cast<std::size_t>(-1)),
        std::vector<std::size_t>(count[1], static_cast<std::size_t>(-1))};
    std::size_t next[2] = {0, 0};
    std::unordered_map<std::string, std::size_t> link_ids;
    const std::set<std::string>& statuses = checker.status_categories();
    std::vector<std::size_t> found[2];
    for (const FileChecker::Link& link : checker.links()) {
      ++report_.links;
      if (!link.id.empty()) link_ids.emplace(link.id, link.offset);
      found[0].clear();
      found[1].clear();
      const std::vector<std::string_view> tokens = Tokens(link.targets);
      if (tokens.empty()) checker.Error(link.offset, "a link without @target");
      bool broken = false;
      for (const std::string_view token : tokens) {
        LoadedFile* in = nullptr;
        const FileChecker::Id* target = Resolve(token, &in);
        if (target == nullptr) {
          checker.Error(link.offset, fmt::format("'{}' points to no element", token));
          broken = true;
          continue;
        }
        if (target->sentence == static_cast<std::size_t>(-1)) {
          checker.Error(link.offset, fmt::format("'{}' points to a <{}>, not a sentence", token,
                                                 target->element));
          broken = true;
          continue;
        }
        int side = -1;
        for (int s = 0; s < 2; ++s) {
          if (in == texts[s] && position[s][target->sentence] != static_cast<std::size_t>(-1)) {
            side = s;
            break;
          }
        }
        if (side < 0) {
          checker.Error(link.offset,
                        fmt::format("'{}' is a sentence of neither text @domains names", token));
          broken = true;
          continue;
        }
        const std::size_t p = position[side][target->sentence];
        if (linked_by[side][p] != static_cast<std::size_t>(-1)) {
          checker.Error(link.offset,
                        fmt::format("'{}' is already in the link at line {}: a sentence can be "
                                    "in one link only",
                                    token, checker.input().LineColumn(linked_by[side][p]).first));
          broken = true;
          continue;
        }
        linked_by[side][p] = link.offset;
        found[side].push_back(p);
      }
      if (!broken) {
        if (!link.is_ptr && (found[0].empty() || found[1].empty())) {
          checker.Error(
              link.offset,
              tokens.size() < 2
                  ? std::string("a link needs at least two targets (TEI's Schematron)")
                  : std::string("a link with sentences of one text only (use <ptr "
                                "type=\"unaligned\"> for sentences without counterpart)"));
        }
        if (link.is_ptr && link.unaligned && !found[0].empty() && !found[1].empty()) {
          checker.Error(link.offset, "a ptr of type unaligned with sentences of both texts");
        }
        for (int side = 0; side < 2; ++side) {
          std::vector<std::size_t>& list = found[side];
          std::sort(list.begin(), list.end());
          for (std::size_t k = 1; k < list.size(); ++k) {
            if (list[k] != list[k - 1] + 1) {
              checker.Error(link.offset, fmt::format("the {} sentences of this link are not "
                                                     "consecutive",
                                                     side == 0 ? "source" : "target"));
              break;
            }
          }
          if (!list.empty()) {
            if (list.front() < next[side]) {
              checker.Error(link.offset,
                            fmt::format("this link is out of order: it goes back in the {} text",
                                        side == 0 ? "source" : "target"));
            }
            next[side] = std::max(next[side], list.back() + 1);
          }
        }
      }
      Review(link, statuses);
    }
    // Sentences in no link.
    for (int side = 0; side < 2; ++side) {
      std::size_t missing = 0;
      std::size_t first = 0;
      for (std::size_t p = 0; p < count[side]; ++p) {
        if (linked_by[side][p] == static_cast<std::size_t>(-1) && missing++ == 0) first = p;
      }
      if (missing > 0) {
        const FileChecker& text = *texts[side]->checker;
        std::size_t i = 0;
        while (position[side][i] != first) ++i;
        problems_.Add(Severity::kWarning, text.input(), text.sentences()[i].offset,
                      fmt::format("{} sentences of the text '{}' are in no link, from this one "
                                  "on (a reader takes them as unaligned)",
                                  missing, domain_id_[side]));
      }
    }
    // Annotations point to links.
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    for (const FileChecker::Annotation& annotation : checker.annotations()) {
      const std::string_view id = PointerId(annotation.target);
      if (!link_ids.contains(std::string(id))) {
        checker.Error(annotation.offset,
                      fmt::format("the annotation points to '{}', which is no link of the "
                                  "alignment",
                                  annotation.target));
        continue;
      }
      const auto [it, inserted] =
          seen.try_emplace({std::string(id), annotation.motivation}, annotation.offset);
      if (!inserted) {
        checker.Warning(
            annotation.offset,
            fmt::format("a second {} annotation of '{}' (the first at line {}); "
                        "tandem keeps one",
                        annotation.motivation, id, checker.input().LineColumn(it->second).first));
      }
    }
  }

  void Review(const FileChecker::Link& link, const std::set<std::string>& statuses) {
    FileChecker& checker = *main_.checker;
    for (const auto& [attribute, value] :
         {std::pair{"ana", &link.ana}, std::pair{"resp", &link.resp},
          std::pair{"change", &link.change}}) {
      for (const std::string_view token : Tokens(*value)) {
        if (Resolve(token) == nullptr) {
          checker.Error(link.offset,
                        fmt::format("@{}: '{}' points to no element", attribute, token));
        }
      }
    }
    std::string status;
    if (!statuses.empty()) {
      std::size_t count = 0;
      for (const std::string_view token : Tokens(link.ana)) {
        const std::string id(PointerId(token));
        if (statuses.contains(id)) {
          ++count;
          status = id;
        }
      }
      if (count != 1) {
        checker.Error(link.offset,
                      fmt::format("@ana names {} review statuses (categories of the taxonomy {}); "
                                  "a link has exactly one",
                                  count, internal::kStatusTaxonomy));
      }
    }
    if (!link.resp.empty()) {
      const std::vector<std::string_view> tokens = Tokens(link.resp);
      for (const std::string_view token : tokens) {
        const FileChecker::Id* who = Resolve(token);
        if (who != nullptr && who->element != "respStmt" && who->element != "application" &&
            who->element != "person" && who->element != "persName" && who->element != "name") {
          checker.Error(link.offset, fmt::format("@resp '{}' points to a <{}>, not a respStmt or "
                                                 "the application",
                                                 token, who->element));
        }
        if (who != nullptr && who->element == "application" &&
            (status.ends_with(".confirmed") || status.ends_with(".edited"))) {
          checker.Error(link.offset,
                        fmt::format("a link reviewed by a person ({}) is attributed to the "
                                    "aligner (@resp '{}')",
                                    status, token));
        }
      }
    }
    if (!link.change.empty()) {
      for (const std::string_view token : Tokens(link.change)) {
        const FileChecker::Id* change = Resolve(token);
        if (change == nullptr) continue;  // reported above
        if (change->element != "change") {
          checker.Error(link.offset, fmt::format("@change '{}' points to a <{}>, not a change",
                                                 token, change->element));
        } else if (!change->dated) {
          checker.Warning(link.offset,
                          fmt::format("@change '{}' points to a change without a date", token));
        }
      }
    }
  }

  LoadedFile& main_;
  Problems& problems_;
  ValidationReport& report_;
  std::map<std::string, LoadedFile*> spaces_;
  std::vector<std::unique_ptr<LoadedFile>> others_;
  std::string domain_file_[2];
  std::string domain_id_[2];
  std::string implicit_domains_[2];
};

}  // namespace

std::size_t ValidationReport::errors() const {
  return static_cast<std::size_t>(std::count_if(
      problems.begin(), problems.end(),
      [](const auto& p) { return p.severity == ValidationProblem::Severity::kError; }));
}

std::size_t ValidationReport::warnings() const { return problems.size() - errors(); }

std::string ValidationReport::Format() const {
  std::string out;
  for (const ValidationProblem& p : problems) {
    const char* kind = p.severity == ValidationProblem::Severity::kError ? "error" : "warning";
    if (p.line > 0 && p.column > 0) {
      out += fmt::format("{}:{}:{}: {}: {}\n", p.file, p.line, p.column, kind, p.message);
    } else if (p.line > 0) {
      out += fmt::format("{}:{}: {}: {}\n", p.file, p.line, kind, p.message);
    } else {
      out += fmt::format("{}: {}: {}\n", p.file, kind, p.message);
    }
  }
  if (omitted > 0) out += fmt::format("... and {} more problems\n", omitted);
  return out;
}

StatusOr<ValidationReport> ValidateTeiFile(const std::string& path,
                                           const ValidateOptions& options) {
  ValidationReport report;
  Problems problems(report, options.max_problems);
  LoadedFile main;
  TANDEM_RETURN_IF_ERROR(CheckFile(path, problems, report, &main));
  if (!main.malformed) {
    if (!main.checker->alignment_found()) {
      problems.Add(Severity::kWarning, main.input, std::nullopt,
                   "no alignment (a linkGrp in a standOff): the sentences and pointers were "
                   "checked, there is nothing to align");
    }
    TANDEM_RETURN_IF_ERROR(AlignmentChecker(main, problems, report).Run());
  }
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const ValidationProblem& a, const ValidationProblem& b) {
                     return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
                   });
  return report;
}

}  // namespace tandem::tei
