#include "tandem/corpora/jsonl.h"

#include <map>
#include <ostream>

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

// One sentence of one side as read.
struct ReadSentence {
  std::string text;
  Span span;
  std::size_t paragraph = 0;
  std::string id;
};

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
                            const PairReadOptions& options) {
  std::map<std::size_t, ReadSentence> sentences[2];
  struct ReadBead {
    std::vector<std::size_t> indices[2];
    double confidence = 0;
    BeadReview review;
    std::size_t line = 0;
  };
  std::vector<ReadBead> beads;
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
    ReadBead bead;
    bead.line = line_number;
    TANDEM_ASSIGN_OR_RETURN(bead.confidence, reader.Get<double>(json, "confidence"));
    if (!(bead.confidence >= 0.0 && bead.confidence <= 1.0)) {
      return reader.Error("\"confidence\" is not in [0, 1]");
    }
    for (int side = 0; side < 2; ++side) {
      const char* key = side == 0 ? "source" : "target";
      const auto it = json.find(key);
      if (it == json.end() || !it->is_array())
        return reader.Error(fmt::format("no \"{}\" list", key));
      for (const nlohmann::json& entry : *it) {
        if (!entry.is_object()) return reader.Error(fmt::format("\"{}\" holds a non-object", key));
        ReadSentence sentence;
        TANDEM_ASSIGN_OR_RETURN(const std::size_t index, reader.Get<std::size_t>(entry, "index"));
        TANDEM_ASSIGN_OR_RETURN(sentence.text, reader.Get<std::string>(entry, "text"));
        TANDEM_ASSIGN_OR_RETURN(sentence.span.begin,
                                reader.Get<std::size_t>(entry, "begin", false, std::size_t{0}));
        TANDEM_ASSIGN_OR_RETURN(sentence.span.end,
                                reader.Get<std::size_t>(entry, "end", false, std::size_t{0}));
        TANDEM_ASSIGN_OR_RETURN(sentence.paragraph,
                                reader.Get<std::size_t>(entry, "paragraph", false, index));
        TANDEM_ASSIGN_OR_RETURN(sentence.id, reader.Get<std::string>(entry, "id", false));
        if (!sentences[side].emplace(index, std::move(sentence)).second) {
          return reader.Error(fmt::format("{} sentence {} is in two beads", key, index));
        }
        bead.indices[side].push_back(index);
      }
    }
    if (const auto it = json.find("review"); it != json.end()) {
      if (!it->is_object()) return reader.Error("\"review\" is not an object");
      TANDEM_ASSIGN_OR_RETURN(const std::string status,
                              reader.Get<std::string>(*it, "status", false, "automatic"));
      const std::optional<ReviewStatus> parsed = ReviewStatusFromName(status);
      if (!parsed) return reader.Error(fmt::format("unknown review status \"{}\"", status));
      bead.review.status = *parsed;
      TANDEM_ASSIGN_OR_RETURN(bead.review.reviewer,
                              reader.Get<std::string>(*it, "reviewer", false));
      TANDEM_ASSIGN_OR_RETURN(bead.review.timestamp, reader.Get<std::string>(*it, "time", false));
      TANDEM_ASSIGN_OR_RETURN(bead.review.note, reader.Get<std::string>(*it, "note", false));
      TANDEM_ASSIGN_OR_RETURN(bead.review.bookmark, reader.Get<bool>(*it, "bookmark", false));
    }
    beads.push_back(std::move(bead));
  }
  if (beads.empty()) return InvalidDataError(fmt::format("{}: no beads", name));

  Bitext bitext;
  // Positions in the rebuilt documents: sentences in the order of their indices.
  std::map<std::size_t, std::size_t> position[2];
  for (int side = 0; side < 2; ++side) {
    internal::PairDocument doc(std::string(name),
                               side == 0 ? options.source_language : options.target_language);
    std::size_t p = 0;
    bool first = true;
    for (auto& [index, sentence] : sentences[side]) {
      position[side][index] = position[side].size();
      if (first || sentence.paragraph != p) doc.builder().StartParagraph();
      first = false;
      p = sentence.paragraph;
      doc.builder().AddSentence(sentence.text, sentence.id,
                                sentence.span.end > sentence.span.begin
                                    ? std::optional<Span>(sentence.span)
                                    : std::nullopt);
    }
    TANDEM_ASSIGN_OR_RETURN(Document built, doc.Finish(options.warn, /*keep_name=*/false));
    (side == 0 ? bitext.source : bitext.target) = std::move(built);
  }
  std::size_t next[2] = {0, 0};
  for (const ReadBead& read : beads) {
    align::Bead bead;
    for (int side = 0; side < 2; ++side) {
      std::size_t count = 0;
      for (const std::size_t index : read.indices[side]) {
        const std::size_t at = position[side][index];
        if (at != next[side]) {
          return InvalidDataError(
              fmt::format("{}:{}: the {} sentences of this bead do not follow the bead before it",
                          name, read.line, side == 0 ? "source" : "target"));
        }
        ++next[side];
        ++count;
      }
      (side == 0 ? bead.source_count : bead.target_count) = count;
    }
    bead.source_begin = next[0] - bead.source_count;
    bead.target_begin = next[1] - bead.target_count;
    bead.confidence = read.confidence;
    if (bead.source_count + bead.target_count == 0) {
      return InvalidDataError(fmt::format("{}:{}: a bead without sentences", name, read.line));
    }
    bitext.ladder.push_back(bead);
    bitext.review.push_back(read.review);
  }
  NormalizeReview(bitext);
  return bitext;
}

StatusOr<Bitext> ReadJsonlFile(const std::string& path, const PairReadOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(DecodedText text, ReadTextFile(path));
  return ParseJsonl(std::string_view(text.text).substr(text.content_begin), path, options);
}

}  // namespace tandem::corpora
