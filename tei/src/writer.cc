#include "tandem/tei/writer.h"

#include <filesystem>
#include <map>
#include <ostream>
#include <string_view>
#include <system_error>
#include <tuple>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "tandem/core/language.h"
#include "tandem/core/text_io.h"
#include "tandem/core/version.h"
#include "tei_common.h"
#include "xml_util.h"

namespace tandem::tei {
namespace {

namespace fs = std::filesystem;
using internal::XmlOut;

constexpr std::string_view kEncodingDescription =
    "Sentences are s elements inside the paragraphs (p; ab for headings and list items) of each "
    "text. The content of a paragraph is the text of the source file exactly, from its first to "
    "its last character, with the sentences marked up in it; @source points at the byte span of "
    "each paragraph and sentence in that file (FILE#byte=BEGIN,END: UTF-8 bytes, END exclusive). "
    "The standOff holds one link per bead with sentences on both sides (@target: its source "
    "sentences, then its target sentences; the text each id belongs to tells the side) and one "
    "ptr of type unaligned per bead with sentences on one side only, in the order of both texts. "
    "@cert is the aligner's confidence in the bead, a probability; @ana gives its review status "
    "(a category of the review.status taxonomy), @resp who set it (the aligner or a reviewer), "
    "@change when (a change in the revisionDesc). Notes and bookmarks of reviewers are "
    "annotations in the standOff that point at their bead.";

// The path of the text's file as the corpus at `output_path` names it (tei_common.h: relative to
// the corpus file).
std::string FilePath(const Document& doc, const std::string& output_path) {
  return internal::PathInBitextFile(doc.name, output_path);
}

std::string SourceUri(const Document& doc, const std::string& output_path) {
  if (internal::IsPathlessName(doc.name)) return {};
  return internal::EscapeUriPath(FilePath(doc, output_path));
}

// One text of the pair as the writer sees it: its ids and where its pointers go.
class Side {
 public:
  Side(const Document& doc, const corpora::TextInfo& info, std::string text_id,
       const std::string& output_path)
      : doc_(doc), info_(info), text_id_(std::move(text_id)) {
    if (!doc.synthetic) source_uri_ = SourceUri(doc, output_path);
    file_path_ = FilePath(doc, output_path);
  }

  const Document& doc() const { return doc_; }
  const corpora::TextInfo& info() const { return info_; }
  const std::string& text_id() const { return text_id_; }
  const std::string& source_uri() const { return source_uri_; }
  const std::string& file_path() const { return file_path_; }
  bool write_spans() const { return !doc_.synthetic; }
  // In the split layout, pointers from the alignment file name the text's file.
  void set_file(std::string file) { file_ = std::move(file); }
  const std::string& file() const { return file_; }

  std::string ParagraphId(std::size_t p) const {
    const std::string& id = doc_.paragraphs[p].id;
    return internal::IsNcName(id) ? id : internal::DerivedParagraphId(text_id_, p);
  }
  // A sentence keeps its id when that is an XML name without the form of a paragraph id.
  static bool Keeps(const Sentence& s) {
    return internal::IsNcName(s.id) && !internal::HasParagraphIdForm(s.id);
  }
  std::string SentenceId(std::size_t i) const {
    const Sentence& s = doc_.sentences[i];
    if (Keeps(s)) return s.id;
    return internal::DerivedSentenceId(text_id_, s.paragraph,
                                       i - doc_.paragraphs[s.paragraph].first_sentence);
  }
  // "#id" or "FILE#id".
  void AppendPointer(std::string& out, std::size_t i) const {
    out += file_;
    out += '#';
    out += SentenceId(i);
  }

 private:
  const Document& doc_;
  const corpora::TextInfo& info_;
  std::string text_id_;
  std::string source_uri_;
  std::string file_path_;
  std::string file_;
};

// Ids a document carries that cannot be xml:ids, and sentence ids of the form of a paragraph id
// ("x.p3", which tandem-tei.rng keeps for paragraphs), are replaced by tandem's (with one
// warning each); ids must not collide with each other or with the ids tandem gives to other
// elements.
Status CheckIds(const Side& source, const Side& target, const corpora::WarningCallback& warn) {
  bool explicit_ids = false;
  for (const Side* side : {&source, &target}) {
    std::size_t invalid = 0;
    std::size_t paragraph_form = 0;
    std::string example;
    std::string paragraph_example;
    auto check = [&](const std::string& id, bool sentence) {
      if (id.empty()) return;
      explicit_ids = true;
      if (!internal::IsNcName(id)) {
        if (invalid++ == 0) example = id;
      } else if (sentence && internal::HasParagraphIdForm(id)) {
        if (paragraph_form++ == 0) paragraph_example = id;
      }
    };
    for (const Paragraph& p : side->doc().paragraphs) check(p.id, false);
    for (const Sentence& s : side->doc().sentences) check(s.id, true);
    if (invalid > 0 && warn) {
      warn(
          fmt::format("{}: {} ids are not XML names (for example '{}'); tandem's ids are written "
                      "for them instead",
                      side->doc().name, invalid, example));
    }
    if (paragraph_form > 0 && warn) {
      warn(fmt::format(
          "{}: {} sentence ids have the form of a paragraph id (for example '{}'); tandem's ids "
          "are written for them instead",
          side->doc().name, paragraph_form, paragraph_example));
    }
  }
  if (!explicit_ids) return Status::Ok();  // derived ids are unique by construction
  std::unordered_set<std::string> seen;
  seen.insert(source.text_id());
  seen.insert(target.text_id());
  auto add = [&](const std::string& id, bool is_explicit) -> Status {
    if (is_explicit) {
      for (const std::string_view prefix :
           {internal::kBeadPrefix, internal::kNotePrefix, internal::kBookmarkPrefix,
            internal::kReviewerPrefix, internal::kChangePrefix, internal::kStatusPrefix}) {
        if (id.starts_with(prefix)) {
          return InvalidDataError(fmt::format(
              "cannot write TEI: the id '{}' starts with '{}', which tandem uses for its own "
              "elements",
              id, prefix));
        }
      }
      if (id == internal::kAlignerId) {
        return InvalidDataError("cannot write TEI: the id 'aligner' is tandem's own");
      }
    }
    if (!seen.insert(id).second) {
      return InvalidDataError(fmt::format("cannot write TEI: the id '{}' occurs twice", id));
    }
    return Status::Ok();
  };
  for (const Side* side : {&source, &target}) {
    const Document& doc = side->doc();
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      TANDEM_RETURN_IF_ERROR(add(side->ParagraphId(p), internal::IsNcName(doc.paragraphs[p].id)));
    }
    for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
      TANDEM_RETURN_IF_ERROR(add(side->SentenceId(i), Side::Keeps(doc.sentences[i])));
    }
  }
  return Status::Ok();
}

// Reviewers and review passes, numbered in order of first appearance.
struct ReviewIndex {
  std::vector<std::string> reviewers;
  std::map<std::string, std::size_t> reviewer_ids;  // name -> 1-based
  struct Change {
    std::string reviewer;
    std::string timestamp;
  };
  std::vector<Change> changes;
  std::map<std::pair<std::string, std::string>, std::size_t> change_ids;  // -> 1-based

  explicit ReviewIndex(const corpora::Bitext& bitext) {
    for (const corpora::BeadReview& review : bitext.review) {
      if (!review.reviewer.empty() && !reviewer_ids.contains(review.reviewer)) {
        reviewers.push_back(review.reviewer);
        reviewer_ids.emplace(review.reviewer, reviewers.size());
      }
      if (!review.timestamp.empty()) {
        const auto key = std::make_pair(review.reviewer, review.timestamp);
        if (!change_ids.contains(key)) {
          changes.push_back({review.reviewer, review.timestamp});
          change_ids.emplace(key, changes.size());
        }
      }
    }
  }
};

class TeiWriter {
 public:
  TeiWriter(const corpora::Bitext& bitext, const TeiWriteOptions& options, const Side& source,
            const Side& target)
      : bitext_(bitext), options_(options), source_(source), target_(target), review_(bitext) {}

  std::string Field(std::string_view text, std::string_view what) const {
    return internal::SafeField(text, what, options_.warn);
  }

  void LanguageUsage(XmlOut& out, int depth, const std::vector<std::string>& languages) const {
    out.Line(depth).Raw("<profileDesc>");
    out.Line(depth + 1).Raw("<langUsage>");
    for (const std::string& tag : languages) {
      out.Line(depth + 2).Raw("<language").Attr("ident", tag).Raw(">");
      out.Text(Field(LanguageName(tag), "language name")).Raw("</language>");
    }
    out.Line(depth + 1).Raw("</langUsage>");
    out.Line(depth).Raw("</profileDesc>");
  }

  // The header of the pair (teiCorpus/teiHeader, or the alignment file's header).
  void CorpusHeader(XmlOut& out, int depth, bool split) const {
    const corpora::AlignmentInfo& alignment = bitext_.alignment;
    out.Line(depth).Raw("<teiHeader>");
    out.Line(depth + 1).Raw("<fileDesc>");
    out.Line(depth + 2).Raw("<titleStmt>");
    out.Element(depth + 3, "title",
                Field(bitext_.title.empty() ? internal::DefaultTitle(bitext_) : bitext_.title,
                      "the title"));
    out.Line(depth + 3).Raw("<respStmt>");
    out.Element(depth + 4, "resp", "sentence segmentation and alignment");
    out.Line(depth + 4).Raw("<name").Attr("ref", "#aligner").Raw(">");
    out.Text(Field(fmt::format("{} {}", alignment.tool, alignment.version), "aligner"))
        .Raw("</name>");
    out.Line(depth + 3).Raw("</respStmt>");
    for (std::size_t r = 0; r < review_.reviewers.size(); ++r) {
      out.Line(depth + 3)
          .Raw("<respStmt")
          .Attr("xml:id", fmt::format("{}{}", internal::kReviewerPrefix, r + 1))
          .Raw(">");
      out.Element(depth + 4, "resp", "alignment review");
      out.Element(depth + 4, "name", Field(review_.reviewers[r], "reviewer's name"));
      out.Line(depth + 3).Raw("</respStmt>");
    }
    out.Line(depth + 2).Raw("</titleStmt>");
    out.Line(depth + 2).Raw("<publicationStmt>");
    out.Element(
        depth + 3, "p",
        Field(fmt::format("A parallel corpus written by tandem {}; not published.", kVersion),
              "publication"));
    out.Line(depth + 2).Raw("</publicationStmt>");
    out.Line(depth + 2).Raw("<sourceDesc>");
    if (split) {
      // The two texts aligned here, each in a file of its own with its own header.
      for (const Side* side : {&source_, &target_}) {
        out.Line(depth + 3).Raw(side == &source_ ? "<bibl type=\"source\">"
                                                 : "<bibl type=\"target\">");
        out.Line(depth + 4).Raw("<ptr").Attr("target", side->file() + "#" + side->text_id());
        out.Raw("/>");
        out.Line(depth + 3).Raw("</bibl>");
      }
    } else {
      out.Element(depth + 3, "p",
                  "The two texts that follow, each described in its own header: the source text "
                  "first, then its translation.");
    }
    out.Line(depth + 2).Raw("</sourceDesc>");
    out.Line(depth + 1).Raw("</fileDesc>");

    out.Line(depth + 1).Raw("<encodingDesc>");
    out.Element(depth + 2, "p", kEncodingDescription);
    out.Line(depth + 2).Raw("<appInfo>");
    std::string version = alignment.version;
    if (version.empty()) {
      version = internal::kUnknownVersion;
    } else if (!IsTeiVersion(version)) {
      Warn(
          fmt::format("the aligner's version '{}' is not a version number TEI accepts; written "
                      "as {}",
                      version, internal::kUnknownVersion));
      version = internal::kUnknownVersion;
    }
    std::string ident = alignment.tool;
    if (!IsXmlName(ident)) {
      Warn(fmt::format("the aligner's name '{}' is not an XML name; written as 'aligner'", ident));
      ident = "aligner";
    }
    out.Line(depth + 3)
        .Raw("<application")
        .Attr("xml:id", internal::kAlignerId)
        .Attr("ident", ident)
        .Attr("version", version);
    if (!alignment.timestamp.empty()) {
      if (internal::IsIsoDateOrTime(alignment.timestamp)) {
        out.Attr("when", alignment.timestamp);
      } else {
        Warn(fmt::format("the time of the alignment '{}' is not ISO 8601; left out",
                         alignment.timestamp));
      }
    }
    out.Raw(">");
    out.Element(depth + 4, "label", Field(alignment.tool, "aligner"));
    out.Element(depth + 4, "desc", "sentence segmentation and alignment");
    if (!alignment.parameters.empty()) {
      out.Line(depth + 4).Raw("<p>");
      out.Line(depth + 5).Raw("<list type=\"gloss\">");
      for (const auto& [name, value] : alignment.parameters) {
        out.Element(depth + 6, "label", Field(name, "parameter name"));
        out.Element(depth + 6, "item", Field(value, "parameter value"));
      }
      out.Line(depth + 5).Raw("</list>");
      out.Line(depth + 4).Raw("</p>");
    }
    if (!alignment.dictionaries.empty()) {
      out.Line(depth + 4).Raw("<p>");
      out.Line(depth + 5).Raw("<list type=\"dictionaries\">");
      for (const std::string& dictionary : alignment.dictionaries) {
        out.Element(depth + 6, "item", Field(dictionary, "dictionary"));
      }
      out.Line(depth + 5).Raw("</list>");
      out.Line(depth + 4).Raw("</p>");
    }
    out.Line(depth + 3).Raw("</application>");
    out.Line(depth + 2).Raw("</appInfo>");
    out.Line(depth + 2).Raw("<classDecl>");
    out.Line(depth + 3).Raw("<taxonomy").Attr("xml:id", internal::kStatusTaxonomy).Raw(">");
    out.Element(depth + 4, "desc", "The review status of a bead of the alignment (link/@ana).");
    for (const auto& [status, description] :
         {std::pair{corpora::ReviewStatus::kAutomatic,
                    "automatic: as the aligner made it, not reviewed"},
          std::pair{corpora::ReviewStatus::kConfirmed,
                    "confirmed: a reviewer checked the bead and kept it as it is"},
          std::pair{corpora::ReviewStatus::kEdited,
                    "edited: a reviewer changed the bead by hand"}}) {
      out.Line(depth + 4)
          .Raw("<category")
          .Attr("xml:id", StatusId(status))
          .Raw(">")
          .Raw("<catDesc>")
          .Text(description)
          .Raw("</catDesc></category>");
    }
    out.Line(depth + 3).Raw("</taxonomy>");
    out.Line(depth + 2).Raw("</classDecl>");
    out.Line(depth + 1).Raw("</encodingDesc>");

    std::vector<std::string> languages = {bitext_.source.language};
    if (bitext_.target.language != bitext_.source.language) {
      languages.push_back(bitext_.target.language);
    }
    LanguageUsage(out, depth + 1, languages);

    if (!review_.changes.empty()) {
      out.Line(depth + 1).Raw("<revisionDesc>");
      for (std::size_t c = 0; c < review_.changes.size(); ++c) {
        const ReviewIndex::Change& change = review_.changes[c];
        out.Line(depth + 2).Raw("<change").Attr(
            "xml:id", fmt::format("{}{}", internal::kChangePrefix, c + 1));
        const bool valid_time = internal::IsIsoDateOrTime(change.timestamp);
        if (valid_time) out.Attr("when", change.timestamp);
        if (!change.reviewer.empty()) {
          out.Attr("who", fmt::format("#{}{}", internal::kReviewerPrefix,
                                      review_.reviewer_ids.at(change.reviewer)));
        }
        out.Raw(">alignment review");
        if (!valid_time) {
          out.Raw(", <date>").Text(Field(change.timestamp, "review time")).Raw("</date>");
        }
        out.Raw("</change>");
      }
      out.Line(depth + 1).Raw("</revisionDesc>");
    }
    out.Line(depth).Raw("</teiHeader>");
  }

  void StandOff(XmlOut& out, int depth) const {
    out.Line(depth).Raw("<standOff>");
    out.Line(depth + 1).Raw("<linkGrp type=\"alignment\"");
    out.Attr("domains", fmt::format("{}#{} {}#{}", source_.file(), source_.text_id(),
                                    target_.file(), target_.text_id()))
        .Raw(">");
    std::string targets;
    for (std::size_t k = 0; k < bitext_.ladder.size(); ++k) {
      const align::Bead& bead = bitext_.ladder[k];
      const corpora::BeadReview& review = corpora::ReviewOf(bitext_, k);
      targets.clear();
      for (std::size_t i = bead.source_begin; i < bead.source_end(); ++i) {
        if (!targets.empty()) targets += ' ';
        source_.AppendPointer(targets, i);
      }
      for (std::size_t j = bead.target_begin; j < bead.target_end(); ++j) {
        if (!targets.empty()) targets += ' ';
        target_.AppendPointer(targets, j);
      }
      out.Line(depth + 2);
      if (bead.two_sided()) {
        out.Raw("<link");
      } else {
        out.Raw("<ptr");
      }
      out.Raw(" xml:id=\"").Raw(internal::kBeadPrefix).Raw(std::to_string(k + 1)).Raw("\"");
      if (!bead.two_sided()) out.Raw(" type=\"unaligned\"");
      out.Attr("target", targets);
      out.Raw(" cert=\"").Raw(internal::FormatDouble(bead.confidence)).Raw("\"");
      out.Raw(" ana=\"#").Raw(StatusId(review.status)).Raw("\"");
      if (!review.reviewer.empty()) {
        out.Raw(" resp=\"#")
            .Raw(internal::kReviewerPrefix)
            .Raw(std::to_string(review_.reviewer_ids.at(review.reviewer)))
            .Raw("\"");
      } else if (review.status == corpora::ReviewStatus::kAutomatic) {
        out.Raw(" resp=\"#").Raw(internal::kAlignerId).Raw("\"");
      }
      if (!review.timestamp.empty()) {
        out.Raw(" change=\"#")
            .Raw(internal::kChangePrefix)
            .Raw(std::to_string(
                review_.change_ids.at(std::make_pair(review.reviewer, review.timestamp))))
            .Raw("\"");
      }
      out.Raw("/>");
    }
    out.Line(depth + 1).Raw("</linkGrp>");
    bool annotations = false;
    for (std::size_t k = 0; k < bitext_.review.size(); ++k) {
      const corpora::BeadReview& review = bitext_.review[k];
      if (review.note.empty() && !review.bookmark) continue;
      if (!annotations) {
        out.Line(depth + 1).Raw("<listAnnotation type=\"review\">");
        annotations = true;
      }
      const std::string bead = fmt::format("#{}{}", internal::kBeadPrefix, k + 1);
      if (!review.note.empty()) {
        out.Line(depth + 2)
            .Raw("<annotation")
            .Attr("xml:id", fmt::format("{}{}", internal::kNotePrefix, k + 1))
            .Attr("target", bead)
            .Raw(" motivation=\"commenting\"><note>")
            .Text(Field(review.note, fmt::format("the note on bead {}", k + 1)))
            .Raw("</note></annotation>");
      }
      if (review.bookmark) {
        out.Line(depth + 2)
            .Raw("<annotation")
            .Attr("xml:id", fmt::format("{}{}", internal::kBookmarkPrefix, k + 1))
            .Attr("target", bead)
            .Raw(" motivation=\"bookmarking\"/>");
      }
    }
    if (annotations) out.Line(depth + 1).Raw("</listAnnotation>");
    out.Line(depth).Raw("</standOff>");
  }

  void TextHeader(XmlOut& out, int depth, const Side& side, bool is_source) const {
    const Document& doc = side.doc();
    const corpora::TextInfo& info = side.info();
    const std::string who = is_source ? "the source text" : "the target text";
    out.Line(depth).Raw("<teiHeader>");
    out.Line(depth + 1).Raw("<fileDesc>");
    out.Line(depth + 2).Raw("<titleStmt>");
    out.Element(depth + 3, "title",
                Field(info.title.empty() ? internal::DefaultTextTitle(doc) : info.title,
                      "title of " + who));
    if (!info.author.empty()) out.Element(depth + 3, "author", Field(info.author, "author"));
    out.Line(depth + 2).Raw("</titleStmt>");
    out.Line(depth + 2).Raw("<extent>");
    for (const auto& [unit, count] : {std::pair{"paragraph", doc.paragraphs.size()},
                                      std::pair{"sentence", doc.sentences.size()}}) {
      out.Line(depth + 3)
          .Raw("<measure")
          .Attr("unit", unit)
          .Attr("quantity", std::to_string(count))
          .Raw(">")
          .Raw(fmt::format("{} {}s", count, unit))
          .Raw("</measure>");
    }
    out.Line(depth + 2).Raw("</extent>");
    out.Line(depth + 2).Raw("<publicationStmt>");
    out.Element(
        depth + 3, "p",
        is_source ? "The source text of an aligned pair." : "The translation in an aligned pair.");
    out.Line(depth + 2).Raw("</publicationStmt>");
    out.Line(depth + 2).Raw("<sourceDesc>");
    const bool has_info = info.title.size() + info.author.size() + info.translator.size() +
                              info.date.size() + info.date_iso.size() + info.publisher.size() +
                              info.source.size() + info.licence.size() + info.note.size() >
                          0;
    if (has_info) {
      out.Line(depth + 3).Raw("<bibl type=\"original\">");
      if (!info.title.empty()) out.Element(depth + 4, "title", Field(info.title, "title"));
      if (!info.author.empty()) out.Element(depth + 4, "author", Field(info.author, "author"));
      if (!info.translator.empty()) {
        out.Line(depth + 4).Raw("<respStmt>");
        out.Element(depth + 5, "resp", "translation");
        out.Element(depth + 5, "name", Field(info.translator, "translator"));
        out.Line(depth + 4).Raw("</respStmt>");
      }
      if (!info.date.empty() || !info.date_iso.empty()) {
        out.Line(depth + 4).Raw("<date");
        if (!info.date_iso.empty()) {
          if (internal::IsIsoDateOrTime(info.date_iso)) {
            out.Attr("when", info.date_iso);
          } else {
            Warn(fmt::format("the date '{}' of {} is not ISO 8601; left out", info.date_iso, who));
          }
        }
        out.Raw(">").Text(Field(info.date, "date")).Raw("</date>");
      }
      if (!info.publisher.empty()) {
        out.Element(depth + 4, "publisher", Field(info.publisher, "publisher"));
      }
      for (const auto& [type, text] :
           {std::pair{"source", &info.source}, std::pair{"licence", &info.licence},
            std::pair{"remark", &info.note}}) {
        if (text->empty()) continue;
        out.Line(depth + 4).Raw("<note").Attr("type", type).Raw(">");
        out.Text(Field(*text, type)).Raw("</note>");
      }
      out.Line(depth + 3).Raw("</bibl>");
    }
    out.Line(depth + 3).Raw("<bibl type=\"file\">");
    if (!side.file_path().empty()) {
      out.Line(depth + 4).Raw("<idno type=\"path\">").Text(Field(side.file_path(), "file name"));
      out.Raw("</idno>");
    }
    if (!side.source_uri().empty()) {
      out.Line(depth + 4).Raw("<ptr").Attr("target", side.source_uri()).Raw("/>");
    }
    out.Line(depth + 4).Raw("<extent>");
    out.Raw("<measure unit=\"byte\"").Attr("quantity", std::to_string(doc.text.size())).Raw(">");
    out.Raw(fmt::format("{} bytes", doc.text.size())).Raw("</measure></extent>");
    out.Line(depth + 4).Raw("<note type=\"encoding\">").Text(Field(doc.encoding, "encoding"));
    out.Raw("</note>");
    if (doc.converted) {
      out.Line(depth + 4).Raw(
          "<note type=\"conversion\">converted to UTF-8: byte spans refer to the UTF-8 "
          "text</note>");
    }
    if (doc.synthetic) {
      out.Line(depth + 4).Raw(
          "<note type=\"layout\">the text was read from a format that does not keep the "
          "original (sentences only): there are no byte spans into a file</note>");
    }
    out.Line(depth + 3).Raw("</bibl>");
    out.Line(depth + 2).Raw("</sourceDesc>");
    out.Line(depth + 1).Raw("</fileDesc>");
    LanguageUsage(out, depth + 1, {doc.language});
    out.Line(depth).Raw("</teiHeader>");
  }

  // One text: its TEI element with header and body.
  void Text(XmlOut& out, int depth, const Side& side, bool is_source, bool root) const {
    const Document& doc = side.doc();
    out.Line(depth).Raw("<TEI");
    if (root) out.Attr("xmlns", internal::kTeiNamespace);
    out.Attr("xml:id", side.text_id()).Attr("xml:lang", doc.language).Raw(">");
    TextHeader(out, depth + 1, side, is_source);
    out.Line(depth + 1).Raw("<text>");
    out.Line(depth + 2).Raw("<body>");
    internal::Sanitizer sanitizer(doc, options_.warn);
    std::string storage;
    const std::string_view text = doc.text;
    for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      out.Line(depth + 3);
      std::string_view element = "p";
      switch (para.kind) {
        case ParagraphKind::kText:
          out.Raw("<p");
          break;
        case ParagraphKind::kHeading:
          element = "ab";
          out.Raw("<ab type=\"heading\"");
          break;
        case ParagraphKind::kListItem:
          element = "ab";
          out.Raw("<ab type=\"listItem\"");
          break;
      }
      out.Attr("xml:id", side.ParagraphId(p));
      if (side.write_spans()) {
        out.Attr("source", internal::SpanPointer(side.source_uri(), para.span));
      }
      out.Raw(">");
      std::size_t at = para.span.begin;
      for (std::size_t k = 0; k < para.sentence_count; ++k) {
        const std::size_t i = para.first_sentence + k;
        const Span& span = doc.sentences[i].span;
        out.Text(sanitizer.Safe(text.substr(at, span.begin - at), at, storage));
        out.Raw("<s").Attr("xml:id", side.SentenceId(i));
        if (side.write_spans()) out.Attr("source", internal::SpanPointer(side.source_uri(), span));
        out.Raw(">");
        out.Text(sanitizer.Safe(text.substr(span.begin, span.size()), span.begin, storage));
        out.Raw("</s>");
        at = span.end;
      }
      out.Text(sanitizer.Safe(text.substr(at, para.span.end - at), at, storage));
      out.Raw("</").Raw(element).Raw(">");
    }
    out.Line(depth + 2).Raw("</body>");
    out.Line(depth + 1).Raw("</text>");
    out.Line(depth).Raw("</TEI>");
  }

  static bool IsTeiVersion(std::string_view version) {
    // [\d]+[a-z]*[\d]*(\.[\d]+[a-z]*[\d]*){0,3}
    std::size_t i = 0;
    for (int part = 0; part < 4; ++part) {
      if (part > 0) {
        if (i == version.size()) return true;
        if (version[i] != '.') return false;
        ++i;
      }
      const std::size_t digits = i;
      while (i < version.size() && version[i] >= '0' && version[i] <= '9') ++i;
      if (i == digits) return false;
      while (i < version.size() && version[i] >= 'a' && version[i] <= 'z') ++i;
      while (i < version.size() && version[i] >= '0' && version[i] <= '9') ++i;
    }
    return i == version.size();
  }

  static bool IsXmlName(std::string_view name) { return internal::IsNcName(name); }

  static std::string StatusId(corpora::ReviewStatus status) {
    return fmt::format("{}{}", internal::kStatusPrefix, corpora::ReviewStatusName(status));
  }

  void Warn(const std::string& message) const {
    if (options_.warn) options_.warn(message);
  }

 private:
  const corpora::Bitext& bitext_;
  const TeiWriteOptions& options_;
  const Side& source_;
  const Side& target_;
  ReviewIndex review_;
};

std::string StemOf(const std::string& output_path) {
  std::string name = fs::path(output_path).filename().string();
  for (const std::string_view suffix : {".tei.xml", ".xml"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      name.resize(name.size() - suffix.size());
      break;
    }
  }
  return name.empty() ? std::string("corpus") : name;
}

constexpr std::string_view kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

}  // namespace

Status WriteTei(const corpora::Bitext& bitext, const TeiWriteOptions& options, std::ostream& out) {
  TANDEM_RETURN_IF_ERROR(corpora::ValidateBitext(bitext));
  if (bitext.ladder.empty()) {
    return InvalidDataError("nothing to write: the alignment has no beads");
  }
  const auto [source_id, target_id] = internal::TextIds(bitext);
  const Side source(bitext.source, bitext.source_info, source_id, options.output_path);
  const Side target(bitext.target, bitext.target_info, target_id, options.output_path);
  TANDEM_RETURN_IF_ERROR(CheckIds(source, target, options.warn));
  const TeiWriter writer(bitext, options, source, target);

  XmlOut xml(out);
  xml.Raw(kDeclaration);
  xml.Line(0).Raw("<teiCorpus").Attr("xmlns", internal::kTeiNamespace).Raw(">");
  writer.CorpusHeader(xml, 1, /*split=*/false);
  // TEI's content model puts a teiCorpus's standOff before its TEI children.
  writer.StandOff(xml, 1);
  writer.Text(xml, 1, source, /*is_source=*/true, /*root=*/false);
  writer.Text(xml, 1, target, /*is_source=*/false, /*root=*/false);
  xml.Line(0).Raw("</teiCorpus>\n");
  return xml.Finish();
}

SplitPaths SplitLayoutPaths(const corpora::Bitext& bitext, const std::string& output_path) {
  const auto [source_id, target_id] = internal::TextIds(bitext);
  const fs::path dir = fs::path(output_path).parent_path();
  const std::string stem = StemOf(output_path);
  SplitPaths paths;
  paths.alignment = output_path;
  paths.source = (dir / (stem + "." + source_id + ".tei.xml")).string();
  paths.target = (dir / (stem + "." + target_id + ".tei.xml")).string();
  return paths;
}

Status WriteTeiSplit(const corpora::Bitext& bitext, const TeiWriteOptions& options,
                     std::ostream& alignment, std::ostream& source_out, std::ostream& target_out) {
  TANDEM_RETURN_IF_ERROR(corpora::ValidateBitext(bitext));
  if (bitext.ladder.empty()) {
    return InvalidDataError("nothing to write: the alignment has no beads");
  }
  const auto [source_id, target_id] = internal::TextIds(bitext);
  const SplitPaths paths = SplitLayoutPaths(bitext, options.output_path);
  Side source(bitext.source, bitext.source_info, source_id, options.output_path);
  Side target(bitext.target, bitext.target_info, target_id, options.output_path);
  source.set_file(internal::EscapeUriPath(fs::path(paths.source).filename().string()));
  target.set_file(internal::EscapeUriPath(fs::path(paths.target).filename().string()));
  TANDEM_RETURN_IF_ERROR(CheckIds(source, target, options.warn));
  const TeiWriter writer(bitext, options, source, target);

  XmlOut xml(alignment);
  xml.Raw(kDeclaration);
  xml.Line(0).Raw("<TEI").Attr("xmlns", internal::kTeiNamespace).Raw(">");
  writer.CorpusHeader(xml, 1, /*split=*/true);
  writer.StandOff(xml, 1);
  xml.Line(0).Raw("</TEI>\n");
  TANDEM_RETURN_IF_ERROR(xml.Finish());
  for (const auto& [side, out, is_source] :
       {std::tuple{&source, &source_out, true}, std::tuple{&target, &target_out, false}}) {
    XmlOut text(*out);
    text.Raw(kDeclaration);
    writer.Text(text, 0, *side, is_source, /*root=*/true);
    text.Raw("\n");
    TANDEM_RETURN_IF_ERROR(text.Finish());
  }
  return Status::Ok();
}

Status WriteTeiFile(const corpora::Bitext& bitext, const TeiWriteOptions& options) {
  if (options.layout == TeiLayout::kSingleFile || options.output_path == "-") {
    TANDEM_ASSIGN_OR_RETURN(AtomicOutput out, AtomicOutput::Open(options.output_path));
    TANDEM_RETURN_IF_ERROR(
        WriteTei(bitext, options, out.stream()).WithContext(options.output_path));
    return out.Commit();
  }
  const SplitPaths paths = SplitLayoutPaths(bitext, options.output_path);
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput alignment, AtomicOutput::Open(paths.alignment));
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput source, AtomicOutput::Open(paths.source));
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput target, AtomicOutput::Open(paths.target));
  TANDEM_RETURN_IF_ERROR(
      WriteTeiSplit(bitext, options, alignment.stream(), source.stream(), target.stream())
          .WithContext(options.output_path));
  // Texts first: the alignment file, which points at them, appears last.
  TANDEM_RETURN_IF_ERROR(source.Commit());
  TANDEM_RETURN_IF_ERROR(target.Commit());
  return alignment.Commit();
}

}  // namespace tandem::tei
