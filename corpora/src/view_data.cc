#include "tandem/corpora/view_data.h"

#include <filesystem>

#include <nlohmann/json.hpp>

namespace tandem::corpora {
namespace {

using nlohmann::json;

std::string TextTitle(const Document& doc, const TextInfo& info) {
  if (!info.title.empty()) return info.title;
  const std::string file = std::filesystem::path(doc.name).filename().string();
  return file.empty() ? std::string("untitled") : file;
}

json SideJson(const Document& doc, const TextInfo& info) {
  json sentences = json::array();
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    sentences.push_back(doc.SentenceText(i));
  }
  json paragraphs = json::array();
  for (const Paragraph& p : doc.paragraphs) paragraphs.push_back(p.first_sentence);
  return json{{"name", doc.name.empty() ? TextTitle(doc, info) : doc.name},
              {"title", TextTitle(doc, info)},
              {"language", doc.language},
              {"sentences", std::move(sentences)},
              {"paragraphs", std::move(paragraphs)}};
}

json BeadJson(const align::Bead& bead) {
  return json::array({bead.source_begin, bead.source_count, bead.target_begin, bead.target_count,
                      bead.confidence});
}

json ReviewJson(const BeadReview& review) {
  if (review.IsDefault()) return nullptr;
  json record{{"s", ReviewStatusName(review.status)}};
  if (!review.reviewer.empty()) record["r"] = review.reviewer;
  if (!review.timestamp.empty()) record["t"] = review.timestamp;
  if (!review.note.empty()) record["n"] = review.note;
  if (review.bookmark) record["b"] = true;
  return record;
}

// JSON text safe to embed in an HTML <script> element: '<', '>' and '&' occur only inside
// strings, where \u escapes mean the same.
std::string Dump(const json& value) {
  const std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 64);
  for (const char c : text) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string ViewDataJson(const Bitext& bitext) {
  json beads = json::array();
  json review = json::array();
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    beads.push_back(BeadJson(bitext.ladder[k]));
    review.push_back(ReviewJson(ReviewOf(bitext, k)));
  }
  const json data{{"title", ViewTitle(bitext)},
                  {"source", SideJson(bitext.source, bitext.source_info)},
                  {"target", SideJson(bitext.target, bitext.target_info)},
                  {"beads", std::move(beads)},
                  {"review", std::move(review)}};
  return Dump(data);
}

std::string ViewTitle(const Bitext& bitext) {
  if (!bitext.title.empty()) return bitext.title;
  return TextTitle(bitext.source, bitext.source_info) + " / " +
         TextTitle(bitext.target, bitext.target_info);
}

std::string ViewPatchJson(const LadderPatch& patch) {
  json beads = json::array();
  json review = json::array();
  for (std::size_t i = 0; i < patch.after_beads.size(); ++i) {
    beads.push_back(BeadJson(patch.after_beads[i]));
    review.push_back(ReviewJson(patch.after_review[i]));
  }
  return Dump(json{{"first", patch.first},
                   {"remove", patch.before_beads.size()},
                   {"beads", std::move(beads)},
                   {"review", std::move(review)}});
}

}  // namespace tandem::corpora
