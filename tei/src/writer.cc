#include "tandem/tei/writer.h"

#include <charconv>
#include <filesystem>
#include <ostream>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "tandem/core/language.h"
#include "tandem/core/version.h"
#include "xml_util.h"

namespace tandem::tei {
namespace {

namespace fs = std::filesystem;
using internal::AddElement;
using internal::XmlSafe;

constexpr const char* kTeiNamespace = "http://www.tei-c.org/ns/1.0";

// The ids of one side of the bitext, in document order.
struct SideIds {
  std::string text_id;
  std::string source_uri;  // the input file, relative to the output; empty when unknown
  std::vector<std::string> paragraphs;
  std::vector<std::string> sentences;
};

std::string EscapeUriPath(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '%' || c == '#' || c == '?' || c == '"' || c == '<' || c == '>' ||
        c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' || u == 0x7F) {
      out += fmt::format("%{:02X}", u);
    } else {
      out += c;
    }
  }
  return out;
}

std::string SourceUri(const std::string& name, const std::string& output_path) {
  if (name.empty() || name == "<stdin>") return {};
  std::error_code ec;
  const fs::path source = fs::absolute(fs::path(name), ec).lexically_normal();
  if (ec) return EscapeUriPath(name);
  fs::path base;
  if (output_path.empty() || output_path == "-") {
    base = fs::current_path(ec);
  } else {
    base = fs::absolute(fs::path(output_path), ec).lexically_normal().parent_path();
  }
  if (ec) return EscapeUriPath(name);
  fs::path relative = source.lexically_relative(base);
  if (relative.empty()) relative = source;
  return EscapeUriPath(relative.generic_string());
}

SideIds MakeIds(const Document& doc, const std::string& text_id, const std::string& output_path) {
  SideIds ids;
  ids.text_id = text_id;
  ids.source_uri = SourceUri(doc.name, output_path);
  ids.paragraphs.reserve(doc.paragraphs.size());
  ids.sentences.reserve(doc.sentences.size());
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    ids.paragraphs.push_back(para.id.empty() ? fmt::format("{}.p{}", text_id, p + 1) : para.id);
    for (std::size_t k = 0; k < para.sentence_count; ++k) {
      const Sentence& s = doc.sentences[para.first_sentence + k];
      ids.sentences.push_back(s.id.empty() ? fmt::format("{}.s{}", ids.paragraphs.back(), k + 1)
                                           : s.id);
    }
  }
  return ids;
}

// The xml:id of a text: its language, or src/tgt when the languages do not tell them apart.
std::pair<std::string, std::string> TextIds(const corpora::Bitext& bitext) {
  const std::string& a = bitext.source.language;
  const std::string& b = bitext.target.language;
  if (a.empty() || b.empty() || a == b || !internal::IsNcName(a) || !internal::IsNcName(b)) {
    return {"src", "tgt"};
  }
  return {a, b};
}

std::string SpanUri(const SideIds& ids, const Span& span) {
  return fmt::format("{}#byte={},{}", ids.source_uri, span.begin, span.end);
}

std::string FormatCert(double confidence) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, confidence);
  return std::string(buffer, result.ptr);
}

std::string DefaultTitle(const corpora::Bitext& bitext) {
  auto title_of = [](const Document& doc, const corpora::TextInfo& info) {
    return info.title.empty() ? fs::path(doc.name).filename().string() : info.title;
  };
  const std::string source_title = title_of(bitext.source, bitext.source_info);
  const std::string target_title = title_of(bitext.target, bitext.target_info);
  const std::string languages =
      fmt::format("{}-{}", bitext.source.language, bitext.target.language);
  if (source_title == target_title) {
    return fmt::format("{}: sentence alignment ({})", source_title, languages);
  }
  return fmt::format("{} / {}: sentence alignment ({})", source_title, target_title, languages);
}

void AddLanguageUsage(pugi::xml_node profile_desc, const std::vector<std::string>& languages) {
  pugi::xml_node usage = profile_desc.append_child("langUsage");
  for (const std::string& tag : languages) {
    pugi::xml_node language = AddElement(usage, "language", LanguageName(tag));
    language.append_attribute("ident") = tag.c_str();
  }
}

void AddCorpusHeader(pugi::xml_node corpus, const corpora::Bitext& bitext) {
  pugi::xml_node header = corpus.append_child("teiHeader");
  pugi::xml_node file_desc = header.append_child("fileDesc");
  pugi::xml_node title_stmt = file_desc.append_child("titleStmt");
  AddElement(title_stmt, "title",
             XmlSafe(bitext.title.empty() ? DefaultTitle(bitext) : bitext.title));
  pugi::xml_node resp_stmt = title_stmt.append_child("respStmt");
  AddElement(resp_stmt, "resp", "sentence segmentation and alignment");
  AddElement(resp_stmt, "name",
             fmt::format("{} {}", bitext.alignment.tool, bitext.alignment.version))
      .append_attribute("ref") = "#tandem";
  pugi::xml_node publication = file_desc.append_child("publicationStmt");
  AddElement(publication, "p",
             fmt::format("A parallel corpus generated by {} {}; not published.",
                         bitext.alignment.tool, bitext.alignment.version));
  pugi::xml_node source_desc = file_desc.append_child("sourceDesc");
  AddElement(source_desc, "p",
             "The two texts that follow, each described in its own header: the source text "
             "first, then its translation.");

  pugi::xml_node encoding = header.append_child("encodingDesc");
  AddElement(encoding, "p",
             "Sentences are s elements inside the p elements of each text; their content is the "
             "text of the source file exactly, and @source points at the sentence's byte span "
             "in that file (#byte=begin,end, UTF-8 bytes, end exclusive). The standOff holds one "
             "link per aligned bead (targets: its source sentences, then its target sentences) "
             "and one ptr of type unaligned per sentence without counterpart; @cert is the "
             "aligner's confidence, a probability.");
  pugi::xml_node app_info = encoding.append_child("appInfo");
  pugi::xml_node application = app_info.append_child("application");
  application.append_attribute("xml:id") = "tandem";
  application.append_attribute("ident") = bitext.alignment.tool.c_str();
  application.append_attribute("version") =
      bitext.alignment.version.empty() ? kVersion : bitext.alignment.version.c_str();
  if (!bitext.alignment.timestamp.empty()) {
    application.append_attribute("when") = bitext.alignment.timestamp.c_str();
  }
  AddElement(application, "label", bitext.alignment.tool);
  AddElement(application, "desc", "sentence segmentation and alignment");
  if (!bitext.alignment.parameters.empty()) {
    pugi::xml_node list = application.append_child("p").append_child("list");
    list.append_attribute("type") = "gloss";
    for (const auto& [name, value] : bitext.alignment.parameters) {
      AddElement(list, "label", XmlSafe(name));
      AddElement(list, "item", XmlSafe(value));
    }
  }

  AddLanguageUsage(header.append_child("profileDesc"),
                   bitext.source.language == bitext.target.language
                       ? std::vector<std::string>{bitext.source.language}
                       : std::vector<std::string>{bitext.source.language, bitext.target.language});
}

void AddTextHeader(pugi::xml_node tei, const Document& doc, const corpora::TextInfo& info,
                   const SideIds& ids, bool is_source) {
  pugi::xml_node header = tei.append_child("teiHeader");
  pugi::xml_node file_desc = header.append_child("fileDesc");
  pugi::xml_node title_stmt = file_desc.append_child("titleStmt");
  const std::string file_name = fs::path(doc.name).filename().string();
  AddElement(title_stmt, "title", XmlSafe(info.title.empty() ? file_name : info.title));
  if (!info.author.empty()) AddElement(title_stmt, "author", XmlSafe(info.author));

  pugi::xml_node extent = file_desc.append_child("extent");
  for (const auto& [unit, count] : {std::pair{"paragraph", doc.paragraphs.size()},
                                    std::pair{"sentence", doc.sentences.size()}}) {
    pugi::xml_node measure = AddElement(extent, "measure", fmt::format("{} {}s", count, unit));
    measure.append_attribute("unit") = unit;
    measure.append_attribute("quantity") = static_cast<unsigned long long>(count);
  }

  AddElement(file_desc.append_child("publicationStmt"), "p",
             is_source ? "The source text of the aligned pair described above."
                       : "The translation in the aligned pair described above.");

  pugi::xml_node bibl = file_desc.append_child("sourceDesc").append_child("bibl");
  if (!info.title.empty()) AddElement(bibl, "title", XmlSafe(info.title));
  if (!info.author.empty()) AddElement(bibl, "author", XmlSafe(info.author));
  if (!info.translator.empty()) {
    pugi::xml_node resp = bibl.append_child("respStmt");
    AddElement(resp, "resp", "translation");
    AddElement(resp, "name", XmlSafe(info.translator));
  }
  if (!info.date.empty() || !info.date_iso.empty()) {
    pugi::xml_node date =
        AddElement(bibl, "date", XmlSafe(info.date.empty() ? info.date_iso : info.date));
    if (!info.date_iso.empty()) date.append_attribute("when") = info.date_iso.c_str();
  }
  if (!info.publisher.empty()) AddElement(bibl, "publisher", XmlSafe(info.publisher));
  if (!ids.source_uri.empty()) {
    bibl.append_child("ptr").append_attribute("target") = ids.source_uri.c_str();
  }
  AddElement(bibl, "note",
             XmlSafe(fmt::format("Input file {}, read as {}{}.", doc.name, doc.encoding,
                                 doc.converted ? " and converted to UTF-8 (byte spans refer to "
                                                 "the UTF-8 text)"
                                               : "")))
      .append_attribute("type") = "file";
  if (!info.source.empty()) {
    AddElement(bibl, "note", XmlSafe(info.source)).append_attribute("type") = "source";
  }
  if (!info.licence.empty()) {
    AddElement(bibl, "note", XmlSafe(info.licence)).append_attribute("type") = "licence";
  }
  AddLanguageUsage(header.append_child("profileDesc"), {doc.language});
}

void AddText(pugi::xml_node corpus, const Document& doc, const corpora::TextInfo& info,
             const SideIds& ids, bool is_source) {
  pugi::xml_node tei = corpus.append_child("TEI");
  tei.append_attribute("xml:id") = ids.text_id.c_str();
  tei.append_attribute("xml:lang") = doc.language.c_str();
  AddTextHeader(tei, doc, info, ids, is_source);
  pugi::xml_node body = tei.append_child("text").append_child("body");
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    pugi::xml_node p_node = body.append_child("p");
    p_node.append_attribute("xml:id") = ids.paragraphs[p].c_str();
    if (!ids.source_uri.empty()) {
      p_node.append_attribute("source") = SpanUri(ids, para.span).c_str();
    }
    for (std::size_t k = 0; k < para.sentence_count; ++k) {
      const std::size_t i = para.first_sentence + k;
      pugi::xml_node s = p_node.append_child("s");
      s.append_attribute("xml:id") = ids.sentences[i].c_str();
      if (!ids.source_uri.empty()) {
        s.append_attribute("source") = SpanUri(ids, doc.sentences[i].span).c_str();
      }
      s.append_child(pugi::node_pcdata).set_value(XmlSafe(doc.SentenceText(i)).c_str());
    }
  }
}

std::string Targets(const SideIds& source, const SideIds& target, const align::Bead& bead) {
  std::string out;
  auto add = [&out](const std::string& id) {
    if (!out.empty()) out += ' ';
    out += '#';
    out += id;
  };
  for (std::size_t i = bead.source_begin; i < bead.source_end(); ++i) add(source.sentences[i]);
  for (std::size_t j = bead.target_begin; j < bead.target_end(); ++j) add(target.sentences[j]);
  return out;
}

void AddAlignment(pugi::xml_node corpus, const corpora::Bitext& bitext, const SideIds& source,
                  const SideIds& target) {
  pugi::xml_node link_group = corpus.append_child("standOff").append_child("linkGrp");
  link_group.append_attribute("type") = "alignment";
  link_group.append_attribute("domains") =
      fmt::format("#{} #{}", source.text_id, target.text_id).c_str();
  for (const align::Bead& bead : bitext.ladder) {
    pugi::xml_node node = link_group.append_child(bead.two_sided() ? "link" : "ptr");
    if (!bead.two_sided()) node.append_attribute("type") = "unaligned";
    node.append_attribute("target") = Targets(source, target, bead).c_str();
    node.append_attribute("cert") = FormatCert(bead.confidence).c_str();
  }
}

}  // namespace

Status WriteTei(const corpora::Bitext& bitext, const TeiWriteOptions& options, std::ostream& out) {
  TANDEM_RETURN_IF_ERROR(corpora::ValidateBitext(bitext));
  if (bitext.ladder.empty()) {
    return InvalidDataError("nothing to write: the alignment has no beads");
  }
  const auto [source_id, target_id] = TextIds(bitext);
  const SideIds source = MakeIds(bitext.source, source_id, options.output_path);
  const SideIds target = MakeIds(bitext.target, target_id, options.output_path);

  pugi::xml_document xml;
  pugi::xml_node declaration = xml.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node corpus = xml.append_child("teiCorpus");
  corpus.append_attribute("xmlns") = kTeiNamespace;

  AddCorpusHeader(corpus, bitext);
  // TEI's content model puts a teiCorpus's standOff before its TEI children.
  AddAlignment(corpus, bitext, source, target);
  AddText(corpus, bitext.source, bitext.source_info, source, /*is_source=*/true);
  AddText(corpus, bitext.target, bitext.target_info, target, /*is_source=*/false);

  return internal::SaveXml(xml, out);
}

}  // namespace tandem::tei
