#include "generated_corpus.h"

#include <array>
#include <random>
#include <string_view>
#include <utility>

namespace tandem::testing {
namespace {

constexpr std::array<std::string_view, 24> kPlainWords = {
    "the",   "party",  "letter", "committee", "exile",  "comrade", "road",  "winter",
    "Alma",  "Ata",    "train",  "answer",    "Moscow", "days",    "miles", "press",
    "férfi", "kérdés", "hosszú", "levél",     "tűz",    "ő",       "Ünnep", "válasz"};
constexpr std::array<std::string_view, 10> kAwkwardWords = {
    "A&B", "<s>", "x>y", "\"quoted\"", "it's", "ß", "中文", "😀", "a\tb", "]]>"};

class Generator {
 public:
  explicit Generator(const GenerateOptions& options) : options_(options), rng_(options.seed) {}

  corpora::Bitext Run() {
    corpora::Bitext bitext;
    Start(bitext.source, "/corpus/src.txt", options_.source_language);
    Start(bitext.target, "/corpus/tgt.txt", options_.target_language);
    static constexpr std::array<std::pair<std::size_t, std::size_t>, 8> kShapes = {
        {{1, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {3, 1}, {1, 0}, {0, 1}}};
    // Mostly 1:1, as in real text, but every shape occurs in the first eight beads.
    for (std::size_t k = 0; k < options_.beads; ++k) {
      std::pair<std::size_t, std::size_t> shape = kShapes[0];
      if (k < kShapes.size()) {
        shape = kShapes[k];
      } else if (Uniform(0, 9) >= 7) {
        shape = kShapes[Uniform(1, kShapes.size() - 1)];
      }
      align::Bead bead;
      bead.source_begin = bitext.source.sentences.size();
      bead.source_count = shape.first;
      bead.target_begin = bitext.target.sentences.size();
      bead.target_count = shape.second;
      bead.confidence = static_cast<double>(Uniform(0, 10000)) / 10000.0;
      for (std::size_t i = 0; i < shape.first; ++i) AddSentence(bitext.source, source_);
      for (std::size_t j = 0; j < shape.second; ++j) AddSentence(bitext.target, target_);
      bitext.ladder.push_back(bead);
      if (options_.review) bitext.review.push_back(Review(k));
    }
    Finish(bitext.source, source_);
    Finish(bitext.target, target_);
    bitext.alignment.version = "0.1.0";
    bitext.alignment.timestamp = "2026-01-02T03:04:05Z";
    bitext.alignment.parameters = {{"max-bead", "3"}, {"scorer", "length & lexicon <test>"}};
    bitext.alignment.dictionaries = {"/usr/share/dictd/freedict-eng-hun.index"};
    if (options_.metadata) {
      bitext.title = "A generated pair";
      bitext.source_info = {.title = "Generated source",
                            .author = "A. Writer",
                            .date = "16 December 1928",
                            .date_iso = "1928-12-16",
                            .publisher = "Nobody & Sons",
                            .source = "generated",
                            .licence = "CC0",
                            .note = "no real text"};
      bitext.target_info = {.title = "Generált fordítás",
                            .author = "A. Író",
                            .date = "1928. december 16.",
                            .translator = "Ismeretlen <fordító>"};
    }
    corpora::NormalizeReview(bitext);
    return bitext;
  }

 private:
  struct SideState {
    std::size_t sentences_in_paragraph = 0;
    std::size_t paragraph_length = 0;  // sentences the current paragraph gets
  };

  std::size_t Uniform(std::size_t low, std::size_t high) {
    return std::uniform_int_distribution<std::size_t>(low, high)(rng_);
  }

  static void Start(Document& doc, std::string name, std::string language) {
    doc.name = std::move(name);
    doc.language = std::move(language);
  }

  std::string Sentence() {
    std::string out;
    const std::size_t words = Uniform(options_.min_words, options_.max_words);
    for (std::size_t w = 0; w < words; ++w) {
      if (w > 0) {
        // Hard-wrapped lines (LF or CR LF) now and then.
        const std::size_t gap = options_.awkward_text ? Uniform(0, 40) : 1;
        out += gap == 0 ? "\n" : (gap == 1 ? "\r\n" : " ");
      }
      if (options_.awkward_text && Uniform(0, 9) == 0) {
        out += kAwkwardWords[Uniform(0, kAwkwardWords.size() - 1)];
      } else {
        out += kPlainWords[Uniform(0, kPlainWords.size() - 1)];
      }
    }
    out += Uniform(0, 4) == 0 ? "?" : ".";
    return out;
  }

  void AddSentence(Document& doc, SideState& state) {
    if (doc.paragraphs.empty() || state.sentences_in_paragraph == state.paragraph_length) {
      if (!doc.paragraphs.empty()) doc.text += "\n\n";
      Paragraph paragraph;
      paragraph.span.begin = doc.text.size();
      paragraph.first_sentence = doc.sentences.size();
      const std::size_t kind = Uniform(0, 19);
      paragraph.kind = kind == 0   ? ParagraphKind::kHeading
                       : kind == 1 ? ParagraphKind::kListItem
                                   : ParagraphKind::kText;
      doc.paragraphs.push_back(paragraph);
      state.sentences_in_paragraph = 0;
      state.paragraph_length = Uniform(1, 6);
    } else {
      doc.text += Uniform(0, 5) == 0 ? "  " : " ";
    }
    tandem::Sentence sentence;
    sentence.span.begin = doc.text.size();
    doc.text += Sentence();
    sentence.span.end = doc.text.size();
    sentence.paragraph = doc.paragraphs.size() - 1;
    doc.sentences.push_back(sentence);
    Paragraph& paragraph = doc.paragraphs.back();
    ++paragraph.sentence_count;
    paragraph.span.end = doc.text.size();
    ++state.sentences_in_paragraph;
  }

  static void Finish(Document& doc, const SideState& /*state*/) {
    if (!doc.text.empty()) doc.text += "\n";
  }

  corpora::BeadReview Review(std::size_t k) {
    corpora::BeadReview review;
    switch (k % 7) {
      case 0:
        break;  // automatic, untouched
      case 1:
        review.status = corpora::ReviewStatus::kConfirmed;
        review.reviewer = "Anna Kovács";
        review.timestamp = "2026-03-01T10:00:00Z";
        break;
      case 2:
        review.status = corpora::ReviewStatus::kEdited;
        review.reviewer = "Anna Kovács";
        review.timestamp = "2026-03-01T10:05:00Z";
        review.note = "split differently in the Hungarian & <checked>";
        break;
      case 3:
        review.bookmark = true;
        break;
      case 4:
        review.status = corpora::ReviewStatus::kConfirmed;
        review.reviewer = "ben";
        review.timestamp = "2026-03-02T08:00:00+01:00";
        review.bookmark = true;
        review.note = "names differ:\nVolinsky / Volynsky";
        break;
      case 5:
        review.status = corpora::ReviewStatus::kEdited;  // by nobody known, at no known time
        break;
      default:
        review.status = corpora::ReviewStatus::kConfirmed;
        review.reviewer = "ben";
        review.timestamp = "2026-03-02T08:00:00+01:00";
        break;
    }
    return review;
  }

  const GenerateOptions& options_;
  std::mt19937 rng_;
  SideState source_;
  SideState target_;
};

}  // namespace

corpora::Bitext GenerateBitext(const GenerateOptions& options) { return Generator(options).Run(); }

}  // namespace tandem::testing
