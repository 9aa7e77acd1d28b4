// TMX 1.4b: see tandem/tei/exchange.h and docs/formats.md.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <ostream>
#include <string_view>

#include <fmt/format.h>

#include "dom_util.h"
#include "exchange.h"
#include "tandem/core/language.h"
#include "tandem/core/text_io.h"
#include "tandem/core/version.h"
#include "tandem/corpora/document_builder.h"
#include "tandem/corpora/summary.h"
#include "tei_common.h"
#include "xml_stream.h"
#include "xml_util.h"

namespace tandem::tei {
namespace {

using internal::Attr;
using internal::OffsetOf;
using internal::XmlInput;
using internal::XmlOut;

constexpr std::string_view kPrefix = "x-tandem-";

// "2026-01-05T10:00:00Z" -> "20260105T100000Z" (TMX's form); empty when not of that form.
std::string TmxDate(std::string_view iso) {
  if (iso.size() != 20 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':' ||
      iso[16] != ':' || iso[19] != 'Z') {
    return {};
  }
  std::string out;
  for (const char c : iso) {
    if (c != '-' && c != ':') out += c;
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i == 8 || i == 15) continue;
    if (out[i] < '0' || out[i] > '9') return {};
  }
  return out;
}

// The inverse.
std::string IsoDate(std::string_view tmx) {
  if (tmx.size() != 16 || tmx[8] != 'T' || tmx[15] != 'Z') return std::string(tmx);
  return fmt::format("{}-{}-{}T{}:{}:{}Z", tmx.substr(0, 4), tmx.substr(4, 2), tmx.substr(6, 2),
                     tmx.substr(9, 2), tmx.substr(11, 2), tmx.substr(13, 2));
}

std::string Language(const Document& doc) { return doc.language.empty() ? "und" : doc.language; }

void Prop(XmlOut& out, int depth, std::string_view type, std::string_view value) {
  out.Line(depth).Raw("<prop type=\"").Raw(kPrefix).Raw(type).Raw("\">").Text(value).Raw("</prop>");
}

void Side(XmlOut& out, const Document& doc, std::size_t begin, std::size_t count,
          std::string_view side, bool same_language, internal::Sanitizer& sanitizer) {
  out.Line(3).Raw("<tuv").Attr("xml:lang", Language(doc)).Raw(">");
  if (same_language) Prop(out, 4, "side", side);
  std::string spans;
  std::string ids;
  std::string paragraphs;
  bool any_id = false;
  for (std::size_t i = begin; i < begin + count; ++i) {
    const Sentence& s = doc.sentences[i];
    if (i > begin) {
      spans += ' ';
      ids += ' ';
      paragraphs += ' ';
    }
    spans += fmt::format("{},{}", s.span.begin, s.span.end);
    paragraphs += std::to_string(s.paragraph);
    any_id = any_id || !s.id.empty();
    ids += s.id.empty() ? std::string("-") : s.id;
  }
  Prop(out, 4, "spans", spans);
  Prop(out, 4, "paragraphs", paragraphs);
  if (any_id) Prop(out, 4, "ids", ids);
  out.Line(4).Raw("<seg>");
  std::string storage;
  for (std::size_t i = begin; i < begin + count; ++i) {
    if (i > begin) out.Raw(" ");
    out.Text(sanitizer.Safe(doc.SentenceText(i), doc.sentences[i].span.begin, storage));
  }
  out.Raw("</seg>");
  out.Line(3).Raw("</tuv>");
}

// ---- Reading ----

struct TuvRecord {
  std::string language;
  std::string side;  // x-tandem-side
  std::string seg;
  std::string spans;
  std::string ids;
  std::string paragraphs;
  std::size_t offset = 0;
};

struct TuRecord {
  std::vector<TuvRecord> tuvs;
  double confidence = 1.0;
  corpora::BeadReview review;
  std::size_t offset = 0;
};

// The text of a <seg>: its characters and those of <hi> and <sub>, not the native codes in
// <bpt>, <ept>, <ph>, <it> and <ut>.
std::string SegText(pugi::xml_node seg) {
  std::string out;
  for (pugi::xml_node child = seg.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element) {
      const std::string_view name = child.name();
      if (name == "hi" || name == "sub") out += internal::TextOf(child);
    }
  }
  return out;
}

class TmxCollector final : public internal::XmlVisitor {
 public:
  TmxCollector(const XmlInput& input, const corpora::FormatReadOptions& options)
      : input_(input), options_(options) {}

  bool IsContainer(const std::vector<std::string>& path, std::string_view name) override {
    return path.empty() || (name == "body" && path.size() == 1);
  }

  Status StartContainer(const std::vector<std::string>& path, pugi::xml_node element,
                        std::size_t offset) override {
    if (path.empty() && std::string_view(element.name()) != "tmx") {
      return input_.Error(offset,
                          fmt::format("<{}> is not TMX (the root must be tmx)", element.name()));
    }
    return Status::Ok();
  }

  Status EndContainer(const std::vector<std::string>& /*path*/, std::size_t /*offset*/) override {
    return Status::Ok();
  }

  Status Elements(const std::vector<std::string>& path, pugi::xml_node fragment,
                  std::size_t base) override {
    for (pugi::xml_node node = fragment.first_child(); node; node = node.next_sibling()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = node.name();
      if (path.size() == 1 && name == "header") {
        source_language = Attr(node, "srclang");
        creation_tool = Attr(node, "creationtool");
        creation_version = Attr(node, "creationtoolversion");
        creation_date = Attr(node, "creationdate");
        for (const pugi::xml_node prop : internal::Children(node, "prop")) {
          header_props[std::string(Attr(prop, "type"))] = internal::TextOf(prop);
        }
      } else if (path.size() == 2 && name == "tu") {
        TANDEM_RETURN_IF_ERROR(Tu(node, base));
      }
    }
    return Status::Ok();
  }

  // The bitext being read, one tu at a time.
  Status Finish(corpora::Bitext* bitext);

  std::string source_language;
  std::string creation_tool;
  std::string creation_version;
  std::string creation_date;
  std::map<std::string, std::string> header_props;

 private:
  Status Tu(pugi::xml_node tu, std::size_t base) {
    TuRecord record;
    record.offset = OffsetOf(tu, base);
    record.review.reviewer = Attr(tu, "changeid");
    if (const std::string_view date = Attr(tu, "changedate"); !date.empty()) {
      record.review.timestamp = IsoDate(date);
    }
    for (pugi::xml_node child = tu.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name == "prop") {
        const std::string_view type = Attr(child, "type");
        const std::string value = internal::TextOf(child);
        if (type == "x-tandem-confidence") {
          if (!internal::ParseDouble(value, &record.confidence) ||
              !(record.confidence >= 0.0 && record.confidence <= 1.0)) {
            return input_.Error(OffsetOf(child, base),
                                fmt::format("confidence '{}' is not in [0, 1]", value));
          }
        } else if (type == "x-tandem-status") {
          const std::optional<corpora::ReviewStatus> status = corpora::ReviewStatusFromName(value);
          if (!status) {
            return input_.Error(OffsetOf(child, base),
                                fmt::format("unknown review status '{}'", value));
          }
          record.review.status = *status;
        } else if (type == "x-tandem-time") {
          record.review.timestamp = value;
        } else if (type == "x-tandem-reviewer") {
          record.review.reviewer = value;
        } else if (type == "x-tandem-bookmark") {
          record.review.bookmark = value == "yes";
        }
      } else if (name == "note") {
        record.review.note = internal::TextOf(child);
      } else if (name == "tuv") {
        TuvRecord tuv;
        tuv.offset = OffsetOf(child, base);
        tuv.language = Attr(child, "xml:lang");
        if (tuv.language.empty()) tuv.language = Attr(child, "lang");
        for (pugi::xml_node part = child.first_child(); part; part = part.next_sibling()) {
          if (part.type() != pugi::node_element) continue;
          const std::string_view part_name = part.name();
          if (part_name == "seg") {
            tuv.seg = SegText(part);
          } else if (part_name == "prop") {
            const std::string_view type = Attr(part, "type");
            if (type == "x-tandem-side") tuv.side = internal::TextOf(part);
            if (type == "x-tandem-spans") tuv.spans = internal::TextOf(part);
            if (type == "x-tandem-ids") tuv.ids = internal::TextOf(part);
            if (type == "x-tandem-paragraphs") tuv.paragraphs = internal::TextOf(part);
          }
        }
        record.tuvs.push_back(std::move(tuv));
      }
    }
    return Add(record);
  }

  // The tuvs of one language (or of the side tandem marked with x-tandem-side): the source is
  // slot 0; which other slot is the target is decided at the end, from the whole file.
  struct Slot {
    std::string key;       // the language's canonical tag; "" for tuvs marked as the target
    std::string language;  // the tag to record (canonical when well-formed)
    corpora::DocumentBuilder builder;
    std::optional<std::size_t> paragraph;
    std::size_t units = 0;                 // the tus with a tuv here
    std::size_t first_offset = 0;          // of its first tuv, for messages
    std::optional<std::size_t> duplicate;  // a second tuv of one tu, when there was one
  };
  // One tu: how many sentences each slot got from it.
  struct Unit {
    double confidence = 1.0;
    corpora::BeadReview review;
    std::size_t first_count = 0;  // into counts_
    std::size_t count_entries = 0;
  };
  struct SlotCount {
    std::size_t slot;
    std::size_t sentences;
  };

  Status Start();
  Status Add(const TuRecord& tu);
  std::size_t SlotOf(const TuvRecord& tuv);
  StatusOr<std::size_t> ChooseTarget() const;
  void ReportOtherLanguages(std::size_t target) const;

  const XmlInput& input_;
  const corpora::FormatReadOptions& options_;
  bool started_ = false;
  std::vector<Slot> slots_;
  std::map<std::string, std::size_t> slot_of_key_;
  std::optional<std::size_t> marked_target_;  // the slot of tuvs marked x-tandem-side target
  std::vector<Unit> units_;
  std::vector<SlotCount> counts_;
  corpora::Bitext bitext_;
  std::size_t misfits_ = 0;
};

// The sentences of a tuv: split by the lengths of the spans when the tuv says them and they fit,
// else the whole <seg> as one sentence.
struct SentencePiece {
  std::string text;
  std::optional<Span> span;
  std::string id;
  std::optional<std::size_t> paragraph;
};

std::vector<SentencePiece> SplitSentences(const TuvRecord& tuv, std::size_t* misfits) {
  std::vector<SentencePiece> out;
  if (tuv.seg.empty()) return out;
  const std::vector<std::string_view> spans = internal::Tokens(tuv.spans);
  const std::vector<std::string_view> ids = internal::Tokens(tuv.ids);
  const std::vector<std::string_view> paragraphs = internal::Tokens(tuv.paragraphs);
  std::vector<Span> parsed;
  for (const std::string_view token : spans) {
    const std::size_t comma = token.find(',');
    Span span;
    if (comma == std::string_view::npos ||
        std::from_chars(token.data(), token.data() + comma, span.begin).ec != std::errc() ||
        std::from_chars(token.data() + comma + 1, token.data() + token.size(), span.end).ec !=
            std::errc() ||
        span.end <= span.begin) {
      parsed.clear();
      break;
    }
    parsed.push_back(span);
  }
  std::size_t total = parsed.empty() ? 0 : parsed.size() - 1;
  for (const Span& span : parsed) total += span.size();
  if (parsed.empty() || total != tuv.seg.size()) {
    if (!parsed.empty()) ++*misfits;
    out.push_back({tuv.seg, std::nullopt, {}, std::nullopt});
    return out;
  }
  std::size_t at = 0;
  for (std::size_t k = 0; k < parsed.size(); ++k) {
    SentencePiece piece;
    piece.text = tuv.seg.substr(at, parsed[k].size());
    piece.span = parsed[k];
    if (k < ids.size() && ids[k] != "-") piece.id = ids[k];
    std::size_t paragraph = 0;
    if (k < paragraphs.size() &&
        std::from_chars(paragraphs[k].data(), paragraphs[k].data() + paragraphs[k].size(),
                        paragraph)
                .ec == std::errc()) {
      piece.paragraph = paragraph;
    }
    at += parsed[k].size() + 1;
    out.push_back(std::move(piece));
  }
  return out;
}

// A language tag's key for matching (case and '_' do not matter): its canonical BCP 47 form,
// or, when it is not well-formed, itself in lower case.
std::string LanguageKey(std::string_view tag) {
  std::string key = CanonicalLanguageTag(tag);
  if (key.empty() && !tag.empty()) {
    key = std::string(tag);
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

// The source is set up at the first tu, when the header (languages, names, sizes) is known.
Status TmxCollector::Start() {
  started_ = true;
  const std::string source =
      options_.source_language.empty() ? source_language : options_.source_language;
  if (source.empty() || source == "*all*") {
    return InvalidArgumentError(
        fmt::format("{}: the TMX does not say its source language; give it with -s", input_.name));
  }
  const auto name = header_props.find("x-tandem-source-name");
  slots_.push_back({.key = LanguageKey(source),
                    .language = source,
                    .builder = corpora::DocumentBuilder(
                        name == header_props.end() ? input_.name : name->second, source)});
  slot_of_key_[slots_[0].key] = 0;
  // The text is rebuilt from the segments, which are in the input: never more than it.
  const auto size = header_props.find("x-tandem-source-size");
  std::size_t value = 0;
  if (size != header_props.end() &&
      std::from_chars(size->second.data(), size->second.data() + size->second.size(), value).ec ==
          std::errc()) {
    slots_[0].builder.document().text.reserve(std::min(value, input_.text.size()));
  }
  return Status::Ok();
}

std::size_t TmxCollector::SlotOf(const TuvRecord& tuv) {
  if (tuv.side == "source") return 0;
  const bool marked = !tuv.side.empty();
  if (marked && marked_target_) return *marked_target_;
  const std::string key = marked ? std::string() : LanguageKey(tuv.language);
  if (!marked) {
    if (const auto found = slot_of_key_.find(key); found != slot_of_key_.end()) {
      return found->second;
    }
  }
  slots_.push_back({.key = key,
                    .language = tuv.language,
                    .builder = corpora::DocumentBuilder(input_.name, tuv.language),
                    .first_offset = tuv.offset});
  const std::size_t slot = slots_.size() - 1;
  if (marked) {
    marked_target_ = slot;
  } else {
    slot_of_key_[key] = slot;
  }
  return slot;
}

Status TmxCollector::Add(const TuRecord& tu) {
  if (!started_) TANDEM_RETURN_IF_ERROR(Start());
  Unit unit{.confidence = tu.confidence, .review = tu.review, .first_count = counts_.size()};
  for (const TuvRecord& tuv : tu.tuvs) {
    const std::size_t slot = SlotOf(tuv);
    Slot& s = slots_[slot];
    bool seen = false;
    for (std::size_t k = unit.first_count; k < counts_.size(); ++k) seen |= counts_[k].slot == slot;
    if (seen) {
      if (slot == 0) {
        return input_.Error(tuv.offset,
                            fmt::format("a second <tuv> in '{}' in one <tu>", s.language));
      }
      // Only an error if this language turns out to be the target.
      if (!s.duplicate) s.duplicate = tuv.offset;
      continue;
    }
    std::size_t sentences = 0;
    for (SentencePiece& piece : SplitSentences(tuv, &misfits_)) {
      // Paragraphs: as the props say, or one per sentence.
      if (!piece.paragraph || piece.paragraph != s.paragraph) s.builder.StartParagraph();
      s.paragraph = piece.paragraph;
      s.builder.AddSentence(piece.text, piece.id, piece.span);
      ++sentences;
    }
    if (sentences == 0) continue;
    ++s.units;
    counts_.push_back({slot, sentences});
  }
  unit.count_entries = counts_.size() - unit.first_count;
  units_.push_back(std::move(unit));
  return Status::Ok();
}

// The target: the tuvs tandem marked as such; else the language -t names; else, of the
// languages beside the source, the one in the most units (the first of them on a tie).
StatusOr<std::size_t> TmxCollector::ChooseTarget() const {
  const std::string& path = input_.name;
  std::string found;
  for (std::size_t k = 1; k < slots_.size(); ++k) {
    found += fmt::format("{}{} ({} unit{})", found.empty() ? "" : ", ", slots_[k].language,
                         slots_[k].units, slots_[k].units == 1 ? "" : "s");
  }
  if (slots_[0].units == 0) {
    return InvalidDataError(fmt::format(
        "{}: no unit has a segment in {} (the source language{}); the other languages are: {}",
        path, slots_[0].language, options_.source_language.empty() ? " the header gives" : " given",
        found.empty() ? "none" : found));
  }
  if (marked_target_) return *marked_target_;
  if (!options_.target_language.empty()) {
    const auto slot = slot_of_key_.find(LanguageKey(options_.target_language));
    if (slot == slot_of_key_.end() || slot->second == 0) {
      return InvalidDataError(fmt::format(
          "{}: no unit has a segment in {} (the target language given); the languages beside "
          "the source {} are: {}",
          path, options_.target_language, slots_[0].language, found.empty() ? "none" : found));
    }
    return slot->second;
  }
  std::optional<std::size_t> best;
  for (std::size_t k = 1; k < slots_.size(); ++k) {
    if (slots_[k].units > 0 && (!best || slots_[k].units > slots_[*best].units)) best = k;
  }
  if (!best) {
    return InvalidDataError(fmt::format("{}: no translation units in a second language", path));
  }
  return *best;
}

// Segments in a language that is neither side are not read: never without a word, with how many
// units hold them and where the first is.
void TmxCollector::ReportOtherLanguages(std::size_t target) const {
  if (!options_.warn) return;
  std::string languages;
  std::optional<std::size_t> first;
  for (std::size_t k = 1; k < slots_.size(); ++k) {
    if (k == target || slots_[k].units == 0) continue;
    languages += fmt::format("{}{} ({} unit{})", languages.empty() ? "" : ", ",
                             slots_[k].language.empty() ? "no xml:lang" : slots_[k].language,
                             slots_[k].units, slots_[k].units == 1 ? "" : "s");
    if (!first || slots_[k].first_offset < *first) first = slots_[k].first_offset;
  }
  if (!first) return;
  std::size_t units = 0;
  for (const Unit& unit : units_) {
    for (std::size_t k = unit.first_count; k < unit.first_count + unit.count_entries; ++k) {
      if (counts_[k].slot != 0 && counts_[k].slot != target) {
        ++units;
        break;
      }
    }
  }
  options_.warn(fmt::format(
      "{}: {} unit{} {} segments in a language that is neither the source ({}) nor the target "
      "({}): {}; those segments are not read (the first is here; -s and -t choose the two "
      "languages)",
      input_.Where(*first), units, units == 1 ? "" : "s", units == 1 ? "has" : "have",
      slots_[0].language, slots_[target].language, languages));
}

Status TmxCollector::Finish(corpora::Bitext* bitext) {
  const std::string& path = input_.name;
  if (units_.empty()) {
    return InvalidDataError(fmt::format("{}: no translation units", path));
  }
  TANDEM_ASSIGN_OR_RETURN(const std::size_t target, ChooseTarget());
  if (slots_[target].duplicate) {
    return input_.Error(*slots_[target].duplicate,
                        fmt::format("a second <tuv> in '{}' in one <tu>", slots_[target].language));
  }
  ReportOtherLanguages(target);
  std::size_t next[2] = {0, 0};
  for (const Unit& unit : units_) {
    std::size_t counts[2] = {0, 0};
    for (std::size_t k = unit.first_count; k < unit.first_count + unit.count_entries; ++k) {
      if (counts_[k].slot == 0) counts[0] = counts_[k].sentences;
      if (counts_[k].slot == target) counts[1] = counts_[k].sentences;
    }
    if (counts[0] + counts[1] == 0) continue;
    bitext_.ladder.push_back({next[0], counts[0], next[1], counts[1], unit.confidence});
    bitext_.review.push_back(unit.review);
    next[0] += counts[0];
    next[1] += counts[1];
  }
  if (misfits_ > 0 && options_.warn) {
    options_.warn(
        fmt::format("{}: in {} the sentence spans did not fit the text; each was read as one "
                    "sentence",
                    path, corpora::CountOf(misfits_, "segment")));
  }
  // The header's names and sizes of the two texts.
  corpora::DocumentBuilder* builders[2] = {&slots_[0].builder, &slots_[target].builder};
  for (int side = 0; side < 2; ++side) {
    const std::string key = side == 0 ? "x-tandem-source-" : "x-tandem-target-";
    if (const auto name = header_props.find(key + "name"); name != header_props.end()) {
      builders[side]->document().name = internal::PathFromBitextFile(name->second, input_.name);
    }
    const auto size = header_props.find(key + "size");
    std::size_t value = 0;
    if (size != header_props.end() &&
        std::from_chars(size->second.data(), size->second.data() + size->second.size(), value).ec ==
            std::errc()) {
      builders[side]->SetOriginalSize(value);
    }
  }
  const auto title = header_props.find("x-tandem-title");
  if (title != header_props.end()) bitext_.title = title->second;
  TANDEM_ASSIGN_OR_RETURN(bitext_.source, builders[0]->Finish(options_.warn));
  TANDEM_ASSIGN_OR_RETURN(bitext_.target, builders[1]->Finish(options_.warn));
  bitext_.alignment.tool = creation_tool.empty() ? "unknown" : creation_tool;
  bitext_.alignment.version = creation_version;
  if (!creation_date.empty()) bitext_.alignment.timestamp = IsoDate(creation_date);
  const auto aligner = header_props.find("x-tandem-aligner");
  if (aligner != header_props.end()) {
    const std::size_t space = aligner->second.rfind(' ');
    bitext_.alignment.tool = aligner->second.substr(0, space);
    if (space != std::string::npos) bitext_.alignment.version = aligner->second.substr(space + 1);
  }
  corpora::NormalizeReview(bitext_);
  *bitext = std::move(bitext_);
  return Status::Ok();
}

}  // namespace

Status WriteTmx(const corpora::Bitext& bitext, const corpora::FormatWriteOptions& options,
                std::ostream& out) {
  TANDEM_RETURN_IF_ERROR(corpora::ValidateBitext(bitext));
  const bool same_language = bitext.source.language == bitext.target.language;
  XmlOut xml(out);
  xml.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  xml.Line(0).Raw("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">");
  xml.Line(0).Raw("<tmx version=\"1.4\">");
  xml.Line(1)
      .Raw("<header creationtool=\"tandem\"")
      .Attr("creationtoolversion", kVersion)
      .Raw(" segtype=\"sentence\" o-tmf=\"tandem\" adminlang=\"en\"")
      .Attr("srclang", Language(bitext.source))
      .Raw(" datatype=\"plaintext\"");
  if (const std::string date = TmxDate(bitext.alignment.timestamp); !date.empty()) {
    xml.Attr("creationdate", date);
  }
  xml.Raw(">");
  const auto field = [&](std::string_view text, std::string_view what) {
    return internal::SafeField(text, what, options.warn);
  };
  if (!bitext.title.empty()) Prop(xml, 2, "title", field(bitext.title, "title"));
  Prop(xml, 2, "aligner",
       field(fmt::format("{} {}", bitext.alignment.tool, bitext.alignment.version), "aligner"));
  // File names relative to the TMX file, as in a TEI corpus (tei_common.h).
  Prop(xml, 2, "source-name",
       field(internal::PathInBitextFile(bitext.source.name, options.output_path), "file name"));
  Prop(xml, 2, "target-name",
       field(internal::PathInBitextFile(bitext.target.name, options.output_path), "file name"));
  Prop(xml, 2, "source-size", std::to_string(bitext.source.text.size()));
  Prop(xml, 2, "target-size", std::to_string(bitext.target.text.size()));
  xml.Line(1).Raw("</header>");
  xml.Line(1).Raw("<body>");
  internal::Sanitizer source_sanitizer(bitext.source, options.warn);
  internal::Sanitizer target_sanitizer(bitext.target, options.warn);
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    if (!corpora::PassesFilter(bitext, k, options.filter)) continue;
    const align::Bead& bead = bitext.ladder[k];
    const corpora::BeadReview& review = corpora::ReviewOf(bitext, k);
    xml.Line(2).Raw("<tu tuid=\"").Raw(std::to_string(k + 1)).Raw("\"");
    if (!review.reviewer.empty()) {
      xml.Attr("changeid", field(review.reviewer, "reviewer's name"));
    }
    const std::string date = TmxDate(review.timestamp);
    if (!date.empty()) xml.Attr("changedate", date);
    xml.Raw(">");
    Prop(xml, 3, "bead", align::BeadTypeName(bead));
    Prop(xml, 3, "confidence", internal::FormatDouble(bead.confidence));
    Prop(xml, 3, "status", corpora::ReviewStatusName(review.status));
    if (date.empty() && !review.timestamp.empty()) {
      Prop(xml, 3, "time", field(review.timestamp, "review time"));
    }
    if (review.bookmark) Prop(xml, 3, "bookmark", "yes");
    if (!review.note.empty()) {
      xml.Line(3).Raw("<note>").Text(field(review.note, "note")).Raw("</note>");
    }
    if (bead.source_count > 0) {
      Side(xml, bitext.source, bead.source_begin, bead.source_count, "source", same_language,
           source_sanitizer);
    }
    if (bead.target_count > 0) {
      Side(xml, bitext.target, bead.target_begin, bead.target_count, "target", same_language,
           target_sanitizer);
    }
    xml.Line(2).Raw("</tu>");
  }
  xml.Line(1).Raw("</body>");
  xml.Line(0).Raw("</tmx>\n");
  return xml.Finish();
}

Status WriteTmxFile(const corpora::Bitext& bitext, const corpora::FormatWriteOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput out, AtomicOutput::Open(options.output_path));
  TANDEM_RETURN_IF_ERROR(WriteTmx(bitext, options, out.stream()).WithContext(options.output_path));
  return out.Commit();
}

StatusOr<corpora::Bitext> ReadTmxFile(const std::string& path,
                                      const corpora::FormatReadOptions& options) {
  XmlInput input;
  TANDEM_RETURN_IF_ERROR(internal::LoadXmlFile(path, &input));
  TmxCollector collector(input, options);
  TANDEM_RETURN_IF_ERROR(internal::WalkXml(input, collector, {.warn = options.warn}));
  corpora::Bitext bitext;
  TANDEM_RETURN_IF_ERROR(collector.Finish(&bitext));
  return bitext;
}

}  // namespace tandem::tei
