#include "jsonl.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <type_traits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pair_util.h"
#include "tandem/core/text_io.h"

namespace tandem::corpora {
namespace {

nlohmann::json Side(const Document& doc, std::size_t begin, std::size_t count) {
  nlohmann::json side = nlohmann::json::array();
  for (std::size_t i = begin; i < begin + count; ++i) {
    const Sentence& sentence = doc.sentences[i];
    nlohmann::json entry = {{"index", i},
                            {"begin", sentence.span.begin},
                            {"end", sentence.span.end},
                            {"paragraph", sentence.paragraph},
                            {"text", std::string(doc.SentenceText(i))}};
    if (!sentence.id.empty()) entry["id"] = sentence.id;
    side.push_back(std::move(entry));
  }
  return side;
}

nlohmann::json ReviewJson(const BeadReview& review) {
  nlohmann::json out = nlohmann::json::object();
  if (review.status != ReviewStatus::kAutomatic) {
    out["status"] = std::string(ReviewStatusName(review.status));
  }
  if (!review.reviewer.empty()) out["reviewer"] = review.reviewer;
  if (!review.timestamp.empty()) out["time"] = review.timestamp;
  if (!review.note.empty()) out["note"] = review.note;
  if (review.bookmark) out["bookmark"] = true;
  return out;
}

class LineReader {
 public:
  LineReader(std::string_view name, std::size_t line) : name_(name), line_(line) {}

  Status Error(std::string_view what) const {
    return InvalidDataError(fmt::format("{}:{}: {}", name_, line_, what));
  }

  template <typename T>
  StatusOr<T> Get(const nlohmann::json& object, const char* key, bool required = true,
                  T fallback = T{}) const {
    const auto it = object.find(key);
    if (it == object.end()) {
      if (required) return Error(fmt::format("no \"{}\"", key));
      return fallback;
    }
    // nlohmann converts any number to any arithmetic type, even where the value does not fit
    // (1e50 as a size_t is undefined behaviour): whole numbers are checked here.
    if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T> && !std::is_same_v<T, bool>) {
      if (!it->is_number_unsigned()) {
        return Error(fmt::format("\"{}\" must be a whole number of 0 or more", key));
      }
      if (it->template get<std::uint64_t>() > std::numeric_limits<T>::max()) {
        return Error(fmt::format("\"{}\" is too large", key));
      }
    }
    try {
      return it->template get<T>();
    } catch (const nlohmann::json::exception&) {
      return Error(fmt::format("\"{}\" has the wrong type", key));
    }
  }

 private:
  std::string_view name_;
  std::size_t line_;
};

}  // namespace

Status WriteJsonl(const Bitext& bitext, std::ostream& out, const ExportFilter& filter) {
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    if (!PassesFilter(bitext, k, filter)) continue;
    const align::Bead& bead = bitext.ladder[k];
    nlohmann::json line = {
        {"bead", k},
        {"type", align::BeadTypeName(bead)},
        {"confidence", bead.confidence},
        {"source", Side(bitext.source, bead.source_begin, bead.source_count)},
        {"target", Side(bitext.target, bead.target_begin, bead.target_count)},
    };
    const BeadReview& review = ReviewOf(bitext, k);
    if (!review.IsDefault()) line["review"] = ReviewJson(review);
    // Invalid UTF-8 cannot occur (documents are validated on input); replace rather than
    // throw should it ever happen.
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  if (!out) return IoError("write error while writing JSON Lines");
  return Status::Ok();
}

StatusOr<Bitext> ParseJsonl(std::string_view text, std::string_view name,
                            const FormatReadOptions& options) {
  // One pass: beads come in order, and so do the sentences of each side (a filtered file skips
  // some), so both documents are built as the lines come.
  Bitext bitext;
  std::optional<internal::PairDocument> docs[2];
  docs[0].emplace(std::string(name), options.source_language);
  docs[1].emplace(std::string(name), options.target_language);
  std::optional<std::size_t> last_index[2];
  std::size_t last_paragraph[2] = {0, 0};
  std::size_t next[2] = {0, 0};
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t stop = text.find('\n', start);
    if (stop == std::string_view::npos) stop = text.size();
    std::string_view line = text.substr(start, stop - start);
    start = stop + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const LineReader reader(name, line_number);
    nlohmann::json json = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object()) {
      return reader.Error("not a JSON object (the file is not JSON Lines, or is damaged)");
    }
    align::Bead bead;
    TANDEM_ASSIGN_OR_RETURN(bead.confidence, reader.Get<double>(json, "confidence"));
    if (!(bead.confidence >= 0.0 && bead.confidence <= 1.0)) {
      return reader.Error("\"confidence\" is not in [0, 1]");
    }
    bead.source_begin = next[0];
    bead.target_begin = next[1];
    for (int side = 0; side < 2; ++side) {
      const char* key = side == 0 ? "source" : "target";
      const auto it = json.find(key);
      if (it == json.end() || !it->is_array()) {
        return reader.Error(fmt::format("no \"{}\" list", key));
      }
      for (const nlohmann::json& entry : *it) {
        if (!entry.is_object()) {
          return reader.Error(fmt::format("\"{}\" holds a non-object", key));
        }
        TANDEM_ASSIGN_OR_RETURN(const std::size_t index, reader.Get<std::size_t>(entry, "index"));
        TANDEM_ASSIGN_OR_RETURN(const std::string sentence, reader.Get<std::string>(entry, "text"));
        TANDEM_ASSIGN_OR_RETURN(const std::size_t begin,
                                reader.Get<std::size_t>(entry, "begin", false, std::size_t{0}));
        TANDEM_ASSIGN_OR_RETURN(const std::size_t end,
                                reader.Get<std::size_t>(entry, "end", false, std::size_t{0}));
        TANDEM_ASSIGN_OR_RETURN(const std::size_t paragraph,
                                reader.Get<std::size_t>(entry, "paragraph", false, index));
        TANDEM_ASSIGN_OR_RETURN(std::string id, reader.Get<std::string>(entry, "id", false));
        if (last_index[side] && index <= *last_index[side]) {
          return reader.Error(fmt::format(
              "{} sentence {} comes after sentence {}: beads and sentences must be in order", key,
              index, *last_index[side]));
        }
        if (!last_index[side] || paragraph != last_paragraph[side]) {
          docs[side]->builder().StartParagraph();
        }
        last_index[side] = index;
        last_paragraph[side] = paragraph;
        docs[side]->builder().AddSentence(
            sentence, std::move(id),
            end > begin ? std::optional<Span>(Span{begin, end}) : std::nullopt);
        ++next[side];
      }
    }
    bead.source_count = next[0] - bead.source_begin;
    bead.target_count = next[1] - bead.target_begin;
    if (bead.source_count + bead.target_count == 0) return reader.Error("a bead without sentences");
    BeadReview review;
    if (const auto it = json.find("review"); it != json.end()) {
      if (!it->is_object()) return reader.Error("\"review\" is not an object");
      TANDEM_ASSIGN_OR_RETURN(const std::string status,
                              reader.Get<std::string>(*it, "status", false, "automatic"));
      const std::optional<ReviewStatus> parsed = ReviewStatusFromName(status);
      if (!parsed) return reader.Error(fmt::format("unknown review status \"{}\"", status));
      review.status = *parsed;
      TANDEM_ASSIGN_OR_RETURN(review.reviewer, reader.Get<std::string>(*it, "reviewer", false));
      TANDEM_ASSIGN_OR_RETURN(review.timestamp, reader.Get<std::string>(*it, "time", false));
      TANDEM_ASSIGN_OR_RETURN(review.note, reader.Get<std::string>(*it, "note", false));
      TANDEM_ASSIGN_OR_RETURN(review.bookmark, reader.Get<bool>(*it, "bookmark", false));
    }
    bitext.ladder.push_back(bead);
    bitext.review.push_back(std::move(review));
  }
  if (bitext.ladder.empty()) return InvalidDataError(fmt::format("{}: no beads", name));
  TANDEM_ASSIGN_OR_RETURN(bitext.source, docs[0]->Finish(options.warn, /*keep_name=*/false));
  TANDEM_ASSIGN_OR_RETURN(bitext.target, docs[1]->Finish(options.warn, /*keep_name=*/false));
  NormalizeReview(bitext);
  return bitext;
}

StatusOr<Bitext> ReadJsonlFile(const std::string& path, const FormatReadOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(DecodedText text, ReadTextFile(path));
  return ParseJsonl(std::string_view(text.text).substr(text.content_begin), path, options);
}

}  // namespace tandem::corpora
