// Runs the aligner in-process on the gold sets with options changed from the command line,
// and prints strict/lax F1 and the precision per confidence band: the tool for studying the
// evidence and for checking the weights documented in align/aligner.h.
//
//   build/release/bench/tandem_align_experiment SET... [name=value ...]
//
// SET: textberg-dev, textberg-test, parice, reply (the bundled pair, presegmented), reply-e2e,
// files:..., or the directory of a family of bench/make_variants.py (its docs.tsv lists the
// documents). Options: the fields of AlignOptions listed in SetOption() below
// (weights.length=0.8 for pairs with a dictionary, nodict.length=1.2 for pairs without,
// learn=0, ...).
// `dump=1` prints every bead with its gold status. Data are read in place from the shared data
// (the CMake variable TANDEM_SHARED, by default ../shared).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "gold_files.h"
#include "lexical_scorer.h"
#include "model_options.h"
#include "tandem/align/aligner.h"
#include "tandem/align/eval.h"
#include "tandem/core/segmenter.h"
#include "tandem/corpora/dictionary.h"
#include "tandem/corpora/vecalign.h"

namespace {

using namespace tandem;

struct GoldDocument {
  std::string source_path;
  std::string target_path;
  std::string gold_path;
};

struct GoldSet {
  bool end_to_end = false;  // raw texts, mapped onto the gold sentences by byte overlap
  std::string name;
  std::string source_language;
  std::string target_language;
  std::vector<GoldDocument> documents;
  bool index_tab = false;  // ParIce: index<TAB>sentence
};

std::vector<GoldSet> Sets(const std::string& root, const std::vector<std::string>& names) {
  const std::string shared = std::string(TANDEM_SHARED_DIR) + "/data/align-gold";
  std::vector<GoldSet> sets;
  for (const std::string& name : names) {
    GoldSet set;
    set.name = name;
    if (name == "textberg-dev" || name == "textberg-test") {
      set.source_language = "de";
      set.target_language = "fr";
      const std::string d = shared + "/textberg-de-fr/";
      if (name == "textberg-dev") {
        set.documents.push_back({d + "dev.de", d + "dev.fr", d + "dev.defr"});
      } else {
        for (int i = 0; i < 7; ++i) {
          set.documents.push_back({fmt::format("{}test{}.de", d, i),
                                   fmt::format("{}test{}.fr", d, i),
                                   fmt::format("{}test{}.defr", d, i)});
        }
      }
    } else if (name == "parice") {
      set.source_language = "en";
      set.target_language = "is";
      set.index_tab = true;
      const std::string d = shared + "/parice-en-is/";
      for (const char* doc :
           {"es_1", "n_1", "n_2", "n_3", "s_1", "s_2", "s_3", "t_1", "t_2", "u_1"}) {
        set.documents.push_back({fmt::format("{}eng/{}.txt", d, doc),
                                 fmt::format("{}isl/{}.txt", d, doc),
                                 fmt::format("{}gold/{}.txt", d, doc)});
      }
    } else if (name == "reply") {
      set.source_language = "en";
      set.target_language = "hu";
      const std::string d = root + "/tests/data/reply-to-stalin/";
      set.documents.push_back(
          {d + "en.presegmented.txt", d + "hu.presegmented.txt", d + "gold.vecalign"});
    } else if (name.starts_with("files:")) {
      // files:SOURCE:TARGET:GOLD:SOURCE_LANGUAGE:TARGET_LANGUAGE, presegmented
      std::vector<std::string> f;
      std::string rest = name.substr(6);
      for (std::size_t at; (at = rest.find(':')) != std::string::npos; rest = rest.substr(at + 1)) {
        f.push_back(rest.substr(0, at));
      }
      f.push_back(rest);
      if (f.size() != 5) {
        std::cerr << "files:SOURCE:TARGET:GOLD:SL:TL\n";
        std::exit(2);
      }
      set.source_language = f[3];
      set.target_language = f[4];
      set.documents.push_back({f[0], f[1], f[2]});
    } else if (std::filesystem::exists(name + "/docs.tsv")) {
      // A family of bench/make_variants.py: DOC<TAB>source language<TAB>target language<TAB>split.
      std::ifstream docs(name + "/docs.tsv");
      std::string line;
      while (std::getline(docs, line)) {
        std::istringstream fields(line);
        std::string doc;
        fields >> doc >> set.source_language >> set.target_language;
        const std::string base = name + "/" + doc;
        set.documents.push_back({base + ".src", base + ".tgt", base + ".gold"});
      }
      set.name = name.substr(name.find_last_of('/') + 1);
    } else if (name == "reply-e2e") {
      set.source_language = "en";
      set.target_language = "hu";
      set.end_to_end = true;
      const std::string d = root + "/corpora/samples/reply-to-stalin/";
      set.documents.push_back(
          {d + "en.txt", d + "hu.txt", root + "/tests/data/reply-to-stalin/gold.vecalign"});
    } else {
      std::cerr << "unknown set " << name << '\n';
      std::exit(2);
    }
    sets.push_back(std::move(set));
  }
  return sets;
}

// Gold sentence spans: index<TAB>begin<TAB>end<TAB>text, header row first.
std::vector<Span> ReadSpans(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<Span> spans;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::size_t index = 0;
    Span span;
    fields >> index >> span.begin >> span.end;
    spans.push_back(span);
  }
  return spans;
}

std::vector<std::size_t> Overlapping(const Span& s, const std::vector<Span>& gold) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < gold.size(); ++k) {
    if (gold[k].begin < s.end && s.begin < gold[k].end) out.push_back(k);
  }
  return out;
}

bool SetOption(align::AlignOptions& o, align::ModelOptions& m, const std::string& name, double v) {
  static const std::map<std::string, double align::EvidenceWeights::*> kWeights = {
      {"weights.shape", &align::EvidenceWeights::shape},
      {"weights.length", &align::EvidenceWeights::length},
      {"weights.dictionary", &align::EvidenceWeights::dictionary},
      {"weights.numbers", &align::EvidenceWeights::numbers},
      {"weights.names", &align::EvidenceWeights::names},
      {"weights.learned", &align::EvidenceWeights::learned},
      {"weights.paragraphs", &align::EvidenceWeights::paragraphs},
  };
  if (const auto it = kWeights.find(name); it != kWeights.end()) {
    m.weights.*(it->second) = v;
    return true;
  }
  if (name.starts_with("nodict.")) {
    if (const auto it = kWeights.find("weights." + name.substr(7)); it != kWeights.end()) {
      m.weights_without_dictionary.*(it->second) = v;
      return true;
    }
  }
  if (name == "vectors.dimension") {
    m.vectors.dimension = static_cast<std::size_t>(v);
    return true;
  }
  if (name == "learn")
    o.learn = v != 0;
  else if (name == "refine_shapes")
    m.refine_shapes = v != 0;
  else if (name == "max_bead")
    o.max_bead = static_cast<std::size_t>(v);
  else if (name == "confident")
    m.confident = v;
  else if (name == "dictionary_reliability")
    m.dictionary_reliability = v;
  else if (name == "numbers_reliability")
    m.numbers_reliability = v;
  else if (name == "names_reliability")
    m.names_reliability = v;
  else if (name == "learned_reliability")
    m.learned_reliability = v;
  else if (name == "reliability_prior_strength")
    m.reliability_prior_strength = v;
  else if (name == "shape_prior_strength")
    m.shape_prior_strength = v;
  else if (name == "region.per_sentence")
    m.region.per_sentence = v;
  else if (name == "region.anchor_evidence")
    m.region.anchor_evidence = v;
  else if (name == "region.outside_one_sided")
    m.region.outside_one_sided = v;
  else if (name == "region.max_skew")
    m.region.max_skew = static_cast<std::size_t>(v);
  else if (name == "region.min_anchors")
    m.region.min_anchors = static_cast<std::size_t>(v);
  else if (name == "names_min_lcsr")
    m.analysis.names_min_lcsr = v;
  else if (name == "unstemmed_prefix")
    m.analysis.unstemmed_prefix = static_cast<std::size_t>(v);
  else if (name == "model1.min_probability")
    m.model1.min_probability = v;
  else if (name == "model1.min_cooccurrences")
    m.model1.min_cooccurrences = static_cast<std::size_t>(v);
  else
    return false;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string root = std::filesystem::absolute(TANDEM_SOURCE_DIR).string();
  std::vector<std::string> set_names;
  align::AlignOptions options;
  align::ModelOptions model;
  bool dump = false;
  bool links = false;
  bool raw = false;
  bool use_dictionaries = true;
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    const std::size_t eq = arg.find('=');
    if (eq == std::string::npos) {
      set_names.push_back(arg);
      continue;
    }
    const std::string name = arg.substr(0, eq);
    const double value = std::atof(arg.c_str() + eq + 1);
    if (name == "raw") {
      raw = value != 0;
    } else if (name == "links") {
      links = value != 0;
    } else if (name == "dump") {
      dump = value != 0;
    } else if (name == "dictionaries") {
      use_dictionaries = value != 0;
    } else if (!SetOption(options, model, name, value)) {
      std::cerr << "unknown option " << name << '\n';
      return 2;
    }
  }
  options.model = std::make_shared<const align::ModelOptions>(model);
  for (const GoldSet& set : Sets(root, set_names)) {
    corpora::DictionaryRequest request;
    if (!use_dictionaries) request.specs = {"none"};
    StatusOr<std::vector<align::Lexicon>> lexicons =
        corpora::LoadDictionaries(request, set.source_language, set.target_language);
    if (!lexicons.ok()) {
      std::cerr << lexicons.status().message() << '\n';
      return 1;
    }
    align::EvalCounts total;
    struct Band {
      std::size_t n = 0;
      std::size_t right = 0;
    };
    Band bands[3];
    std::size_t nothing_aligned = 0;
    for (const GoldDocument& doc : set.documents) {
      std::vector<std::string> source;
      std::vector<std::string> target;
      tandem::Document source_doc;
      tandem::Document target_doc;
      if (set.end_to_end) {
        source_doc = *SegmentFile(doc.source_path, {.language = set.source_language});
        target_doc = *SegmentFile(doc.target_path, {.language = set.target_language});
        for (std::size_t k = 0; k < source_doc.sentences.size(); ++k) {
          source.emplace_back(source_doc.SentenceText(k));
        }
        for (std::size_t k = 0; k < target_doc.sentences.size(); ++k) {
          target.emplace_back(target_doc.SentenceText(k));
        }
      }
      align::AlignInput input;
      if (set.end_to_end) {
        input = align::InputFromDocuments(source_doc, target_doc);
      } else {
        tandem::bench::PresegmentedText s =
            tandem::bench::ReadPresegmented(doc.source_path, set.index_tab);
        tandem::bench::PresegmentedText t =
            tandem::bench::ReadPresegmented(doc.target_path, set.index_tab);
        source = std::move(s.sentences);
        target = std::move(t.sentences);
        for (const std::string& sentence : source) input.source.push_back(sentence);
        for (const std::string& sentence : target) input.target.push_back(sentence);
        input.source_paragraphs = std::move(s.paragraphs);
        input.target_paragraphs = std::move(t.paragraphs);
      }
      input.source_language = set.source_language;
      input.target_language = set.target_language;
      input.lexicons = *lexicons;
      StatusOr<align::AlignReport> report = align::AlignWithReport(input, options);
      if (!report.ok()) {
        std::cerr << report.status().message() << '\n';
        return 1;
      }
      StatusOr<std::vector<align::Link>> gold = corpora::ReadVecalignFile(doc.gold_path);
      if (!gold.ok()) {
        std::cerr << gold.status().message() << '\n';
        return 1;
      }
      std::vector<align::Link> hyp = align::LinksFromLadder(report->ladder);
      if (raw) {
        for (const align::Bead& b : report->ladder) {
          std::string parts;
          for (const auto& part : report->model->parts()) {
            parts += fmt::format(
                " {}={:.2f}", part.name.substr(0, 4),
                part.scorer->Cost(b.source_begin, b.source_count, b.target_begin, b.target_count));
          }
          std::cout << fmt::format("raw [{}+{}]:[{}+{}] {:.3f}{}\n", b.source_begin, b.source_count,
                                   b.target_begin, b.target_count, b.confidence, parts);
        }
      }
      std::vector<double> confidences;
      for (const align::Bead& bead : report->ladder) confidences.push_back(bead.confidence);
      if (set.end_to_end) {
        const std::string gold_dir = root + "/tests/data/reply-to-stalin/";
        const std::vector<Span> gold_source = ReadSpans(gold_dir + "en.sentences.tsv");
        const std::vector<Span> gold_target = ReadSpans(gold_dir + "hu.sentences.tsv");
        std::vector<align::Link> mapped;
        std::vector<double> mapped_confidences;
        std::size_t outside = 0;
        for (std::size_t k = 0; k < hyp.size(); ++k) {
          align::Link link;
          bool unmapped = false;
          for (std::size_t s : hyp[k].source) {
            const auto found = Overlapping(source_doc.sentences[s].span, gold_source);
            unmapped |= found.empty();
            link.source.insert(link.source.end(), found.begin(), found.end());
          }
          for (std::size_t t : hyp[k].target) {
            const auto found = Overlapping(target_doc.sentences[t].span, gold_target);
            unmapped |= found.empty();
            link.target.insert(link.target.end(), found.begin(), found.end());
          }
          if (!hyp[k].source.empty() && !hyp[k].target.empty() && unmapped) ++outside;
          std::sort(link.source.begin(), link.source.end());
          link.source.erase(std::unique(link.source.begin(), link.source.end()), link.source.end());
          std::sort(link.target.begin(), link.target.end());
          link.target.erase(std::unique(link.target.begin(), link.target.end()), link.target.end());
          if (link.source.empty() && link.target.empty()) continue;
          mapped.push_back(std::move(link));
          mapped_confidences.push_back(confidences[k]);
        }
        std::cout << fmt::format("{}: {} two-sided beads outside the letter\n", set.name, outside);
        hyp = std::move(mapped);
        confidences = std::move(mapped_confidences);
      }
      for (const auto& part : report->model->parts()) {
        const auto* lexical = dynamic_cast<const align::LexicalScorer*>(part.scorer);
        if (!links || lexical == nullptr || part.name != "learned") continue;
        const align::EvidenceChannel& channel = lexical->channel();
        std::cout << "learned:";
        for (std::size_t k = 0; k < channel.links.size(); ++k) {
          for (const align::KeyLink& link : channel.links[k]) {
            std::cout << ' ' << channel.source.key_names[k] << '='
                      << channel.target.key_names[link.target];
          }
        }
        std::cout << '\n';
      }
      if (dump) {
        std::cout << fmt::format("# {}: {} x {} sentences", doc.gold_path, source.size(),
                                 target.size());
        if (report->model->region()) {
          std::cout << fmt::format(
              ", region source {}-{} target {}-{}", report->model->region()->source_begin,
              report->model->region()->source_end, report->model->region()->target_begin,
              report->model->region()->target_end);
        }
        std::cout << '\n';
      }
      total += align::CountLinks(*gold, hyp);
      if (std::none_of(hyp.begin(), hyp.end(), [](const align::Link& link) {
            return !link.source.empty() && !link.target.empty();
          })) {
        ++nothing_aligned;
      }
      std::set<align::Link> gold_set(gold->begin(), gold->end());
      for (std::size_t k = 0; k < hyp.size(); ++k) {
        const double c = confidences[k];
        Band& band = bands[c >= 0.9 ? 0 : c >= 0.5 ? 1 : 2];
        ++band.n;
        const bool right = gold_set.count(hyp[k]) > 0;
        band.right += right ? 1 : 0;
        if (dump) {
          std::cout << fmt::format("{} {} [{}]:[{}] {:.3f}\n", right ? "  " : "XX",
                                   doc.gold_path.substr(doc.gold_path.rfind('/') + 1),
                                   fmt::join(hyp[k].source, ", "), fmt::join(hyp[k].target, ", "),
                                   c);
        }
      }
    }
    const align::EvalScores s = align::ScoresFromCounts(total);
    std::cout << fmt::format(
        "{:<26} strict F1 {:.4f} (P {:.3f} R {:.3f})  lax F1 {:.4f}  unaligned F1 {:.3f} (P "
        "{:.3f} R {:.3f}){}  bands >=.9 {}/{:.3f} .5-.9 {}/{:.3f} <.5 {}/{:.3f}\n",
        set.name, s.f1_strict, s.precision_strict, s.recall_strict, s.f1_lax, s.f1_unaligned,
        s.precision_unaligned, s.recall_unaligned,
        nothing_aligned > 0 ? fmt::format("  {} docs with nothing aligned", nothing_aligned) : "",
        bands[0].n, bands[0].n ? double(bands[0].right) / bands[0].n : 0.0, bands[1].n,
        bands[1].n ? double(bands[1].right) / bands[1].n : 0.0, bands[2].n,
        bands[2].n ? double(bands[2].right) / bands[2].n : 0.0);
  }
  return 0;
}
