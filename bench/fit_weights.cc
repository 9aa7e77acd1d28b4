// Fits the weights of the evidence (align::EvidenceWeights) on gold alignments: the weights
// that make the gold ladders most probable under the aligner's own model, where the
// probability of a ladder is exp(-its cost) over the sum for all ladders (a linear-chain
// conditional random field whose features are the costs of the scorers). Maximising this
// conditional likelihood also calibrates the confidences, which are posterior probabilities
// under the same model.
//
//   build/release/bench/tandem_fit_weights [SET...] [rounds=3] [l2=1]
//                                          [start=without-dictionary]
//
// SET defaults to textberg-dev, the one development set; the result is what align/aligner.h
// documents as the default weights. Each round aligns the sets with the current weights (the
// second pass's evidence depends on the first pass), fits the weights by BFGS on the
// second-pass features with an L2 penalty towards 1 (each cost is a log-likelihood ratio, so
// 1 means "trust the model as it is"), and prints them. Then it aligns the sets with the
// weights found and fits the confidence calibration (align::Calibration): logistic regression
// of "this bead is a gold link" on the logit of its posterior, with the shift then lowered
// until the beads with confidence 0.9 or more are at least 97% right.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "gold_files.h"
#include "model_options.h"
#include "search.h"
#include "tandem/align/aligner.h"
#include "tandem/align/eval.h"
#include "tandem/core/segmenter.h"
#include "tandem/corpora/dictionary.h"
#include "tandem/corpora/vecalign.h"

namespace {

using namespace tandem;
using tandem::bench::ReadSentences;

constexpr double kInf = std::numeric_limits<double>::infinity();

double LogAdd(double x, double y) {  // log(e^x + e^y)
  if (x == -kInf) return y;
  if (y == -kInf) return x;
  const double hi = std::max(x, y);
  return hi + std::log1p(std::exp(-std::abs(x - y)));
}

// The features of every candidate bead of one document: costs of the fitted parts
// (unweighted) and the fixed part (weighted already, e.g. the region prior).
struct Grid {
  std::size_t n = 0;
  std::size_t m = 0;
  std::vector<align::BeadShape> shapes;
  std::size_t features = 0;
  // Index: ((i * (m + 1) + j) * shapes + s) for the bead ending at (i, j) with shape s.
  std::vector<float> values;  // features per bead
  std::vector<float> fixed;   // fixed cost per bead; +inf when the bead is impossible
};

struct Block {  // a gold link: the rectangle [i0, i1) x [j0, j1); exact or free inside
  std::size_t i0, i1, j0, j1;
  bool exact;
};

struct TrainingDocument {
  Grid grid;
  std::vector<Block> blocks;
};

std::size_t Index(const Grid& g, std::size_t i, std::size_t j, std::size_t s) {
  return (i * (g.m + 1) + j) * g.shapes.size() + s;
}

double BeadScore(const Grid& g, std::size_t index, const std::vector<double>& w) {
  // Log-probability contribution: minus the cost.
  const float fixed = g.fixed[index];
  if (std::isinf(fixed)) return -kInf;
  double cost = fixed;
  const float* f = &g.values[index * g.features];
  for (std::size_t k = 0; k < g.features; ++k) cost += w[k] * f[k];
  return -cost;
}

// log of the sum over paths from (i0, j0) to (i1, j1) of exp(score), and the expected
// feature sums under that distribution (added to `expect`).
double ForwardBackward(const Grid& g, std::size_t i0, std::size_t i1, std::size_t j0,
                       std::size_t j1, const std::vector<double>& w, std::vector<double>& expect) {
  const std::size_t rows = i1 - i0 + 1;
  const std::size_t cols = j1 - j0 + 1;
  std::vector<double> alpha(rows * cols, -kInf);
  std::vector<double> beta(rows * cols, -kInf);
  auto at = [cols](std::size_t r, std::size_t c) { return r * cols + c; };
  alpha[0] = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) {
      if (r == 0 && c == 0) continue;
      double sum = -kInf;
      for (std::size_t s = 0; s < g.shapes.size(); ++s) {
        const std::size_t a = g.shapes[s].source_count;
        const std::size_t b = g.shapes[s].target_count;
        if (a > r || b > c) continue;
        const double from = alpha[at(r - a, c - b)];
        if (from == -kInf) continue;
        sum = LogAdd(sum, from + BeadScore(g, Index(g, i0 + r, j0 + c, s), w));
      }
      alpha[at(r, c)] = sum;
    }
  }
  beta[at(rows - 1, cols - 1)] = 0;
  for (std::size_t r = rows; r-- > 0;) {
    for (std::size_t c = cols; c-- > 0;) {
      if (r == rows - 1 && c == cols - 1) continue;
      double sum = -kInf;
      for (std::size_t s = 0; s < g.shapes.size(); ++s) {
        const std::size_t a = g.shapes[s].source_count;
        const std::size_t b = g.shapes[s].target_count;
        if (r + a >= rows || c + b >= cols) continue;
        const double to = beta[at(r + a, c + b)];
        if (to == -kInf) continue;
        sum = LogAdd(sum, to + BeadScore(g, Index(g, i0 + r + a, j0 + c + b, s), w));
      }
      beta[at(r, c)] = sum;
    }
  }
  const double total = alpha[at(rows - 1, cols - 1)];
  if (total == -kInf) return total;
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) {
      for (std::size_t s = 0; s < g.shapes.size(); ++s) {
        const std::size_t a = g.shapes[s].source_count;
        const std::size_t b = g.shapes[s].target_count;
        if (a > r || b > c) continue;
        const double from = alpha[at(r - a, c - b)];
        const double to = beta[at(r, c)];
        if (from == -kInf || to == -kInf) continue;
        const std::size_t index = Index(g, i0 + r, j0 + c, s);
        const double score = BeadScore(g, index, w);
        if (score == -kInf) continue;
        const double posterior = std::exp(from + score + to - total);
        if (posterior < 1e-12) continue;
        const float* f = &g.values[index * g.features];
        for (std::size_t k = 0; k < g.features; ++k) expect[k] += posterior * f[k];
      }
    }
  }
  return total;
}

// Negative log-likelihood of the gold ladders and its gradient.
double Objective(const std::vector<TrainingDocument>& docs, const std::vector<double>& w, double l2,
                 std::vector<double>& gradient) {
  const std::size_t k = w.size();
  gradient.assign(k, 0.0);
  double nll = 0;
  for (const TrainingDocument& doc : docs) {
    std::vector<double> all(k, 0.0);
    const double log_all = ForwardBackward(doc.grid, 0, doc.grid.n, 0, doc.grid.m, w, all);
    std::vector<double> gold(k, 0.0);
    double log_gold = 0;
    for (const Block& block : doc.blocks) {
      if (block.exact) {
        const std::size_t a = block.i1 - block.i0;
        const std::size_t b = block.j1 - block.j0;
        std::size_t s = 0;
        while (s < doc.grid.shapes.size() &&
               !(doc.grid.shapes[s].source_count == a && doc.grid.shapes[s].target_count == b)) {
          ++s;
        }
        const std::size_t index = Index(doc.grid, block.i1, block.j1, s);
        log_gold += BeadScore(doc.grid, index, w);
        for (std::size_t f = 0; f < k; ++f) {
          gold[f] += doc.grid.values[index * doc.grid.features + f];
        }
      } else {
        log_gold += ForwardBackward(doc.grid, block.i0, block.i1, block.j0, block.j1, w, gold);
      }
    }
    nll += log_all - log_gold;
    // d(-log_gold)/dw = E_gold[F], d(log_all)/dw = -E_all[F].
    for (std::size_t f = 0; f < k; ++f) gradient[f] += gold[f] - all[f];
  }
  for (std::size_t f = 0; f < k; ++f) {
    nll += l2 * (w[f] - 1) * (w[f] - 1);
    gradient[f] += 2 * l2 * (w[f] - 1);
  }
  return nll;
}

// BFGS with a backtracking line search; weights stay non-negative.
std::vector<double> Minimise(const std::vector<TrainingDocument>& docs, std::vector<double> w,
                             double l2) {
  const std::size_t k = w.size();
  std::vector<double> grad;
  double value = Objective(docs, w, l2, grad);
  std::vector<double> h(k * k, 0.0);  // inverse Hessian estimate
  for (std::size_t d = 0; d < k; ++d) h[d * k + d] = 1e-3;
  for (int iteration = 0; iteration < 100; ++iteration) {
    std::vector<double> direction(k, 0.0);
    for (std::size_t r = 0; r < k; ++r) {
      for (std::size_t c = 0; c < k; ++c) direction[r] -= h[r * k + c] * grad[c];
    }
    double slope = 0;
    for (std::size_t d = 0; d < k; ++d) slope += direction[d] * grad[d];
    if (slope >= 0) {  // not a descent direction: restart from the gradient
      for (std::size_t d = 0; d < k; ++d) direction[d] = -1e-3 * grad[d];
      slope = 0;
      for (std::size_t d = 0; d < k; ++d) slope += direction[d] * grad[d];
    }
    double step = 1;
    std::vector<double> next(k);
    std::vector<double> next_grad;
    double next_value = 0;
    for (int tries = 0; tries < 40; ++tries, step /= 2) {
      for (std::size_t d = 0; d < k; ++d) next[d] = std::max(0.0, w[d] + step * direction[d]);
      next_value = Objective(docs, next, l2, next_grad);
      if (std::isfinite(next_value) && next_value <= value + 1e-4 * step * slope) break;
    }
    std::vector<double> s(k);
    std::vector<double> y(k);
    double sy = 0;
    for (std::size_t d = 0; d < k; ++d) {
      s[d] = next[d] - w[d];
      y[d] = next_grad[d] - grad[d];
      sy += s[d] * y[d];
    }
    const double improvement = value - next_value;
    w = next;
    grad = next_grad;
    value = next_value;
    if (improvement < 1e-6) break;
    if (sy > 1e-12) {  // BFGS update of the inverse Hessian
      std::vector<double> hy(k, 0.0);
      for (std::size_t r = 0; r < k; ++r) {
        for (std::size_t c = 0; c < k; ++c) hy[r] += h[r * k + c] * y[c];
      }
      double yhy = 0;
      for (std::size_t d = 0; d < k; ++d) yhy += y[d] * hy[d];
      for (std::size_t r = 0; r < k; ++r) {
        for (std::size_t c = 0; c < k; ++c) {
          h[r * k + c] += (sy + yhy) * s[r] * s[c] / (sy * sy) - (hy[r] * s[c] + s[r] * hy[c]) / sy;
        }
      }
    }
  }
  std::cout << fmt::format("  negative log-likelihood {:.2f}\n", value);
  return w;
}

// The gold links as blocks in text order, with the sentences no link mentions as free blocks.
std::vector<Block> Blocks(const std::vector<align::Link>& links, std::size_t n, std::size_t m,
                          const std::vector<align::BeadShape>& shapes) {
  std::vector<Block> blocks;
  std::size_t i = 0;
  std::size_t j = 0;
  auto representable = [&shapes](std::size_t a, std::size_t b) {
    for (const align::BeadShape& s : shapes) {
      if (s.source_count == a && s.target_count == b) return true;
    }
    return false;
  };
  for (const align::Link& link : links) {
    if (link.source.empty() && link.target.empty()) continue;
    const std::size_t i0 = link.source.empty() ? i : link.source.front();
    const std::size_t j0 = link.target.empty() ? j : link.target.front();
    if (i0 < i || j0 < j) continue;  // out of order (a glitch of the gold): skip the link
    if (i0 > i || j0 > j) blocks.push_back({i, i0, j, j0, false});  // unmentioned sentences
    const std::size_t i1 = link.source.empty() ? i0 : link.source.back() + 1;
    const std::size_t j1 = link.target.empty() ? j0 : link.target.back() + 1;
    if (i1 > n || j1 > m) continue;
    const bool contiguous = link.source.size() == i1 - i0 && link.target.size() == j1 - j0;
    blocks.push_back({i0, i1, j0, j1, contiguous && representable(i1 - i0, j1 - j0)});
    i = i1;
    j = j1;
  }
  if (i < n || j < m) blocks.push_back({i, n, j, m, false});
  return blocks;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string shared = TANDEM_SHARED_DIR;
  const std::string textberg = shared + "/data/align-gold/textberg-de-fr/";
  int rounds = 3;
  double l2 = 1.0;
  bool start_without = false;  // start from EvidenceWeights::WithoutDictionary()
  std::vector<std::string> sets;
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    if (arg.starts_with("rounds=")) {
      rounds = std::atoi(arg.c_str() + 7);
    } else if (arg == "start=without-dictionary") {
      start_without = true;
    } else if (arg.starts_with("l2=")) {
      l2 = std::atof(arg.c_str() + 3);
    } else {
      sets.push_back(arg);
    }
  }
  if (sets.empty()) sets = {"textberg-dev"};
  struct Input {
    std::string source, target, gold, source_language, target_language;
    bool dictionaries = true;
  };
  std::vector<Input> inputs;
  for (std::string set : sets) {
    // SET:none aligns without dictionaries.
    bool dictionaries = true;
    if (set.ends_with(":none")) {
      dictionaries = false;
      set.resize(set.size() - 5);
    }
    if (set == "textberg-dev") {
      inputs.push_back({textberg + "dev.de", textberg + "dev.fr", textberg + "dev.defr", "de", "fr",
                        dictionaries});
    } else if (std::filesystem::exists(set + "/docs.tsv")) {
      // A family of bench/make_variants.py: DOC<TAB>source language<TAB>target language<TAB>
      // split; only dev families are fitted on.
      std::ifstream docs(set + "/docs.tsv");
      std::string line;
      while (std::getline(docs, line)) {
        std::istringstream fields(line);
        std::string doc, source_language, target_language, split;
        fields >> doc >> source_language >> target_language >> split;
        if (split != "dev") {
          std::cerr << set << ": a " << split << " family (only dev families are fitted on)\n";
          return 2;
        }
        const std::string base = set + "/" + doc;
        inputs.push_back({base + ".src", base + ".tgt", base + ".gold", source_language,
                          target_language, dictionaries});
      }
    } else {
      std::cerr << "unknown set " << set
                << " (textberg-dev or a dev family of bench/make_variants.py, either with "
                   ":none for no dictionaries)\n";
      return 2;
    }
  }

  // The texts, their dictionaries and the gold, read once for every round.
  struct Loaded {
    std::vector<std::string> source, target;
    align::AlignInput input;  // views into source and target
    std::vector<align::Link> gold;
    std::string gold_path;
  };
  std::vector<Loaded> loaded(inputs.size());
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    const Input& input = inputs[k];
    Loaded& l = loaded[k];
    corpora::DictionaryRequest request;
    if (!input.dictionaries) request.specs = {"none"};
    StatusOr<std::vector<align::Lexicon>> lexicons =
        corpora::LoadDictionaries(request, input.source_language, input.target_language);
    StatusOr<std::vector<align::Link>> gold = corpora::ReadVecalignFile(input.gold);
    if (!gold.ok()) {
      std::cerr << gold.status().message() << '\n';
      return 1;
    }
    tandem::bench::PresegmentedText source = tandem::bench::ReadPresegmented(input.source, false);
    tandem::bench::PresegmentedText target = tandem::bench::ReadPresegmented(input.target, false);
    l.source = std::move(source.sentences);
    l.target = std::move(target.sentences);
    l.input.source_paragraphs = std::move(source.paragraphs);
    l.input.target_paragraphs = std::move(target.paragraphs);
    for (const std::string& s : l.source) l.input.source.push_back(s);
    for (const std::string& s : l.target) l.input.target.push_back(s);
    l.input.source_language = input.source_language;
    l.input.target_language = input.target_language;
    l.input.lexicons = lexicons.ok() ? *lexicons : std::vector<align::Lexicon>{};
    l.gold = std::move(*gold);
    l.gold_path = input.gold;
  }

  align::AlignOptions options;
  align::ModelOptions model;
  // Raw posteriors: fitted here too. The sets of one fit are all with dictionaries or all
  // without, and the weights being fitted are those of that kind (both are set).
  model.calibration = align::Calibration::Identity();
  model.calibration_without_dictionary = model.calibration;
  const std::vector<std::string> names = {"shape", "length",  "dictionary", "numbers",
                                          "names", "learned", "paragraphs"};
  if (start_without) model.weights = align::EvidenceWeights::WithoutDictionary();
  std::vector<double> w = {model.weights.shape,     model.weights.length, model.weights.dictionary,
                           model.weights.numbers,   model.weights.names,  model.weights.learned,
                           model.weights.paragraphs};
  for (int round = 0; round < rounds; ++round) {
    model.weights = {w[0], w[1], w[2], w[3], w[4], w[5], w[6]};
    model.weights_without_dictionary = model.weights;
    std::vector<TrainingDocument> docs;
    for (const Loaded& l : loaded) {
      const std::vector<std::string>& source = l.source;
      const std::vector<std::string>& target = l.target;
      options.model = std::make_shared<const align::ModelOptions>(model);
      StatusOr<align::AlignReport> report = align::AlignWithReport(l.input, options);
      if (!report.ok()) {
        std::cerr << "cannot align the texts of " << l.gold_path << '\n';
        return 1;
      }
      TrainingDocument doc;
      Grid& g = doc.grid;
      g.n = source.size();
      g.m = target.size();
      g.shapes = align::AlignmentShapes(options.max_bead);
      g.features = names.size();
      g.values.assign((g.n + 1) * (g.m + 1) * g.shapes.size() * g.features, 0.0F);
      g.fixed.assign((g.n + 1) * (g.m + 1) * g.shapes.size(), 0.0F);
      const auto& parts = report->model->parts();
      for (std::size_t i = 0; i <= g.n; ++i) {
        for (std::size_t j = 0; j <= g.m; ++j) {
          for (std::size_t s = 0; s < g.shapes.size(); ++s) {
            const std::size_t a = g.shapes[s].source_count;
            const std::size_t b = g.shapes[s].target_count;
            const std::size_t index = Index(g, i, j, s);
            if (a > i || b > j) {
              g.fixed[index] = std::numeric_limits<float>::infinity();
              continue;
            }
            for (const auto& part : parts) {
              const double cost = part.scorer->Cost(i - a, a, j - b, b);
              std::size_t f = 0;
              while (f < names.size() && names[f] != part.name) ++f;
              if (f < names.size()) {
                g.values[index * g.features + f] = static_cast<float>(cost);
              } else {
                g.fixed[index] += static_cast<float>(part.weight * cost);
              }
            }
          }
        }
      }
      doc.blocks = Blocks(l.gold, g.n, g.m, g.shapes);
      docs.push_back(std::move(doc));
    }
    std::cout << fmt::format("round {}:\n", round + 1);
    w = Minimise(docs, w, l2);
    for (std::size_t k = 0; k < w.size(); ++k) {
      std::cout << fmt::format("  {:<11} {:.3f}\n", names[k], w[k]);
    }
  }

  // Calibration: (logit of the posterior, right or not) for every bead of the sets, one curve
  // per kind of bead (1:1, several sentences on a side, one-sided).
  model.weights = {w[0], w[1], w[2], w[3], w[4], w[5], w[6]};
  model.weights_without_dictionary = model.weights;
  std::vector<std::pair<double, bool>> kinds[3];
  const char* kind_names[3] = {"1:1", "n:m", "one-sided"};
  for (const Loaded& l : loaded) {
    options.model = std::make_shared<const align::ModelOptions>(model);
    StatusOr<align::AlignReport> report = align::AlignWithReport(l.input, options);
    if (!report.ok()) return 1;
    const std::set<align::Link> gold_links(l.gold.begin(), l.gold.end());
    const std::vector<align::Link> links = align::LinksFromLadder(report->ladder);
    for (std::size_t k = 0; k < links.size(); ++k) {
      const align::Bead& bead = report->ladder[k];
      const int kind = !bead.two_sided()                                  ? 2
                       : bead.source_count == 1 && bead.target_count == 1 ? 0
                                                                          : 1;
      // As Calibration::Curve::Apply: four decimals, 1.0 means at least 0.99995.
      const double p = std::clamp(bead.confidence, 5e-5, 1 - 5e-5);
      kinds[kind].emplace_back(std::log(p / (1 - p)), gold_links.count(links[k]) > 0);
    }
  }
  for (int kind = 0; kind < 3; ++kind) {
    const std::vector<std::pair<double, bool>>& beads = kinds[kind];
    // Newton's method on the log-likelihood with a small ridge penalty towards the identity
    // (scale 1, shift 0): the posteriors of one-sided beads crowd at 1, where an unpenalised
    // fit runs off to infinity.
    constexpr double kRidge = 10.0;
    double a = 1;
    double b = 0;
    for (int iteration = 0; iteration < 100; ++iteration) {
      double ga = kRidge * (a - 1), gb = kRidge * b, haa = kRidge, hab = 0, hbb = kRidge;
      for (const auto& [x, right] : beads) {
        const double p = 1 / (1 + std::exp(-(a * x + b)));
        const double d = p - (right ? 1.0 : 0.0);
        ga += d * x;
        gb += d;
        const double v = p * (1 - p);
        haa += v * x * x;
        hab += v * x;
        hbb += v;
      }
      const double det = haa * hbb - hab * hab;
      if (det <= 0) break;
      const double da = (hbb * ga - hab * gb) / det;
      const double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (std::abs(da) + std::abs(db) < 1e-9) break;
    }
    auto band = [&beads](double scale, double shift) {
      std::size_t n = 0;
      std::size_t right = 0;
      for (const auto& [x, ok] : beads) {
        const double posterior = 1 / (1 + std::exp(-x));
        if (align::Calibration::Curve{scale, shift}.Apply(posterior) >= 0.9) {
          ++n;
          right += ok ? 1 : 0;
        }
      }
      return std::make_pair(n, n == 0 ? 1.0 : static_cast<double>(right) / n);
    };
    std::cout << fmt::format(
        "calibration of {} beads ({}; Platt): scale {:.3f}, shift {:.3f}: {} beads >= 0.9, "
        "{:.3f} right\n",
        kind_names[kind], beads.size(), a, b, band(a, b).first, band(a, b).second);
    while (band(a, b).second < 0.97 && b > -10) b -= 0.01;
    std::cout << fmt::format(
        "  with >= 0.9 at least 97% right: scale {:.3f}, shift {:.3f}: {} beads >= 0.9, {:.3f} "
        "right\n",
        a, b, band(a, b).first, band(a, b).second);
  }
  return 0;
}
