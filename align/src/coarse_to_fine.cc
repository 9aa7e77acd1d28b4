// CoarseToFineSearch: see search.h. The levels, from the coarsest:
//   level k groups 2^k sentences into a block; its grid is blocks x blocks. The coarsest level
//   is searched in full, each finer one inside a band around the path of the level above, and
//   the last (single sentences) with the problem's scorer and bead shapes.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <optional>
#include <random>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "band_dp.h"
#include "search.h"

namespace tandem::align {
namespace {

// One resolution: per block, the summed lengths and vectors of its sentences.
struct Level {
  std::size_t block = 1;  // sentences per block
  std::size_t n = 0;      // source blocks
  std::size_t m = 0;      // target blocks
  std::vector<double> source_length;
  std::vector<double> target_length;
  std::size_t dimension = 0;  // 0 when the problem has no vectors
  std::vector<float> source_vector;
  std::vector<float> target_vector;
  // The single sentences' level reads the problem's (sparse) vectors where they are, from
  // these rows on: it is only ever coarsened.
  const SentenceVectors::Rows* source_rows = nullptr;
  const SentenceVectors::Rows* target_rows = nullptr;
  std::size_t source_first = 0;
  std::size_t target_first = 0;
};

Level BaseLevel(const SearchProblem& problem, std::size_t i0, std::size_t i1, std::size_t j0,
                std::size_t j1) {
  Level level;
  level.n = i1 - i0;
  level.m = j1 - j0;
  auto lengths = [](const std::vector<double>& all, std::size_t begin, std::size_t end) {
    if (all.empty()) return std::vector<double>(end - begin, 1.0);
    return std::vector<double>(all.begin() + static_cast<std::ptrdiff_t>(begin),
                               all.begin() + static_cast<std::ptrdiff_t>(end));
  };
  level.source_length = lengths(problem.source_lengths, i0, i1);
  level.target_length = lengths(problem.target_lengths, j0, j1);
  if (problem.vectors != nullptr && problem.vectors->dimension > 0) {
    const std::size_t d = problem.vectors->dimension;
    level.dimension = d;
    level.source_rows = &problem.vectors->source;
    level.target_rows = &problem.vectors->target;
    level.source_first = i0;
    level.target_first = j0;
  }
  return level;
}

// Halves the resolution: block k of the result is blocks 2k and 2k + 1 of `fine`.
Level Coarsen(const Level& fine) {
  Level coarse;
  coarse.block = fine.block * 2;
  coarse.n = (fine.n + 1) / 2;
  coarse.m = (fine.m + 1) / 2;
  coarse.dimension = fine.dimension;
  auto pairs = [](const std::vector<double>& values, std::size_t count) {
    std::vector<double> out(count, 0.0);
    for (std::size_t k = 0; k < values.size(); ++k) out[k / 2] += values[k];
    return out;
  };
  coarse.source_length = pairs(fine.source_length, coarse.n);
  coarse.target_length = pairs(fine.target_length, coarse.m);
  return coarse;  // without vectors: FillVectors gives them when the level is searched
}

// The summed vectors of `blocks` blocks of `block` rows of `rows` (`count` rows from row
// `offset`, `d` dimensions), added in pairs, level by level, as the blocks were made (which
// fixes the rounding).
std::vector<float> SumBlocks(const SentenceVectors::Rows& rows, std::size_t offset,
                             std::size_t count, std::size_t block, std::size_t blocks,
                             std::size_t d) {
  std::vector<float> out(blocks * d, 0.0F);
  std::vector<float> scratch(block * d);
  for (std::size_t r = 0; r < blocks; ++r) {
    const std::size_t first = std::min(count, r * block);
    const std::size_t last = std::min(count, first + block);
    std::fill(scratch.begin(), scratch.end(), 0.0F);
    for (std::size_t row = first; row < last; ++row) {
      rows.AddTo(offset + row, &scratch[(row - first) * d]);
    }
    for (std::size_t width = block; width > 1; width /= 2) {
      for (std::size_t k = 0; k < width / 2; ++k) {
        for (std::size_t x = 0; x < d; ++x) {
          scratch[k * d + x] = scratch[2 * k * d + x] + scratch[(2 * k + 1) * d + x];
        }
      }
    }
    std::copy(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(d),
              out.begin() + static_cast<std::ptrdiff_t>(r * d));
  }
  return out;
}

// Gives a coarse level its vectors, from the single sentences' level, for the time it is
// searched (ReleaseVectors after): only one level's vectors are held at a time, not all.
void FillVectors(Level& level, const Level& base) {
  if (level.dimension == 0 || !level.source_vector.empty()) return;
  level.source_vector = SumBlocks(*base.source_rows, base.source_first, base.n, level.block,
                                  level.n, level.dimension);
  level.target_vector = SumBlocks(*base.target_rows, base.target_first, base.m, level.block,
                                  level.m, level.dimension);
}

void ReleaseVectors(Level& level) {
  std::vector<float>().swap(level.source_vector);  // `= {}` would keep the memory
  std::vector<float>().swap(level.target_vector);
}

// The cost of a step between runs of blocks at one level. Only the path matters at these
// levels (its confidences are discarded), so the costs are scores, not probabilities:
//  - with vectors, skipping a block on one side costs little, and pairing runs gains the
//    evidence that they translate each other minus a threshold (the cosine of their summed
//    vectors as a z-score against randomly paired blocks): unrelated material is skipped
//    rather than paired, related material paired;
//  - without vectors, skipping has a fixed cost and pairing none;
//  - in both cases a pairing loses the squared z-score of its length ratio.
class CoarseCost {
 public:
  static constexpr double kThreshold = 2.0;  // z-score a pairing must beat
  // Without vectors nothing tells unrelated material from a translation, so the texts are
  // taken to correspond throughout: skipping a block costs as much as a length mismatch of
  // about three deviations, and the path follows the lengths.
  static constexpr double kLengthOnlySkip = 4.0;
  // With vectors, skipping a block costs a little, so that of two paths pairing equally similar
  // material the one that skips less wins: a text with repeated passages (or documents) is
  // otherwise paired with another copy as readily as with its own counterpart.
  static constexpr double kVectorSkip = 1.0;
  static constexpr double kRatioDrift = 0.1;      // relative drift of the length ratio
  static constexpr double kUnevenPenalty = 1.0;   // 2:1 and 1:2 against 1:1
  static constexpr double kLengthVariance = 6.8;  // Gale & Church

  // `ratio`: target characters per source character in the parts that correspond
  // (EstimateRatio).
  CoarseCost(const Level& level, double ratio) : level_(level), ratio_(ratio) {
    assert(level.source_rows == nullptr && level.target_rows == nullptr);  // coarse levels only
    if (level.dimension > 0) {
      source_norms_ = RunNorms(level.source_vector, level.n);
      target_norms_ = RunNorms(level.target_vector, level.m);
      EstimateRandomSimilarity();
    }
  }

  // Computes the similarity of every pair of single blocks that a step starting in `band` needs
  // (with `threads` threads), so that the steps of two blocks against one add two of them
  // instead of comparing their vectors again: one comparison per cell instead of three.
  void PrepareBand(const internal::Band& band, std::size_t threads) {
    if (level_.dimension == 0 || level_.n == 0 || level_.m == 0) return;
    // Row r holds the blocks [dot_lo_[r], dot_hi_[r]): the steps from row r reach columns
    // lo(r) .. hi(r) + 1, those from row r - 1 (two source blocks) columns lo(r - 1) .. hi(r - 1).
    dot_lo_.assign(level_.n, 0);
    dot_offset_.assign(level_.n + 1, 0);
    std::vector<std::size_t> hi(level_.n, 0);
    for (std::size_t r = 0; r < level_.n; ++r) {
      std::size_t lo = band.lo(r);
      std::size_t top = band.hi(r) + 2;
      if (r > 0) {
        lo = std::min(lo, band.lo(r - 1));
        top = std::max(top, band.hi(r - 1) + 1);
      }
      dot_lo_[r] = std::min(lo, level_.m);
      hi[r] = std::max(dot_lo_[r], std::min(top, level_.m));
      dot_offset_[r + 1] = dot_offset_[r] + (hi[r] - dot_lo_[r]);
    }
    dots_.assign(dot_offset_.back(), 0.0);
    auto rows = [&](std::size_t begin, std::size_t end) {
      for (std::size_t r = begin; r < end; ++r) {
        for (std::size_t c = dot_lo_[r]; c < hi[r]; ++c) {
          dots_[dot_offset_[r] + (c - dot_lo_[r])] = Dot(r, c);
        }
      }
    };
    threads = std::max<std::size_t>(1, std::min(threads, level_.n));
    std::vector<std::thread> workers;
    const std::size_t chunk = (level_.n + threads - 1) / threads;
    for (std::size_t t = 1; t < threads; ++t) {
      const std::size_t begin = std::min(level_.n, t * chunk);
      const std::size_t end = std::min(level_.n, begin + chunk);
      if (begin < end) workers.emplace_back(rows, begin, end);
    }
    rows(0, std::min(level_.n, chunk));
    for (std::thread& worker : workers) worker.join();
  }

  void set_ratio(double ratio) { ratio_ = ratio; }

  // The length ratio of the texts where they correspond. Without vectors, the ratio of the
  // totals (the texts are taken to translate each other as a whole). With vectors, the median
  // ratio of the most similar block pairs, so that a translation of a part of a longer text is
  // measured against that part only.
  double EstimateRatio() const {
    double source_total = 0;
    double target_total = 0;
    for (double x : level_.source_length) source_total += x;
    for (double x : level_.target_length) target_total += x;
    const double overall = source_total > 0 && target_total > 0 ? target_total / source_total : 1.0;
    if (level_.dimension == 0) return overall;
    // The best-matching quarter of the smaller side's blocks, by similarity.
    std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
    pairs.reserve(level_.n * level_.m);
    for (std::size_t i = 0; i < level_.n; ++i) {
      for (std::size_t j = 0; j < level_.m; ++j) pairs.emplace_back(Similarity(i, 1, j, 1), i, j);
    }
    const std::size_t keep = std::max<std::size_t>(3, std::min(level_.n, level_.m) / 4);
    if (pairs.size() < keep) return overall;
    std::partial_sort(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(keep), pairs.end(),
                      [](const auto& x, const auto& y) { return std::get<0>(x) > std::get<0>(y); });
    std::vector<double> ratios;
    for (std::size_t k = 0; k < keep; ++k) {
      const auto [similarity, i, j] = pairs[k];
      if (level_.source_length[i] > 0 && level_.target_length[j] > 0) {
        ratios.push_back(level_.target_length[j] / level_.source_length[i]);
      }
    }
    if (ratios.empty()) return overall;
    std::nth_element(ratios.begin(),
                     ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2), ratios.end());
    return ratios[ratios.size() / 2];
  }

  double operator()(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const {
    if (a == 0 || b == 0) return level_.dimension > 0 ? kVectorSkip : kLengthOnlySkip;
    double source_length = 0;
    double target_length = 0;
    for (std::size_t k = 0; k < a; ++k) source_length += level_.source_length[i + k];
    for (std::size_t k = 0; k < b; ++k) target_length += level_.target_length[j + k];
    const double log_ratio = std::log((target_length + 1.0) / (ratio_ * source_length + 1.0));
    // Gale & Church's deviation for the run's length, the drift of the ratio between parts of a
    // long text (documents, chapters and translators differ by tens of percent), and the slack
    // of block boundaries that cut beads in two: about one sentence at each end of the run.
    const double gale_church = std::sqrt(kLengthVariance / std::max(source_length, 1.0)) / ratio_;
    const double boundaries = 1.0 / static_cast<double>(a * level_.block);
    const double sigma =
        std::sqrt(gale_church * gale_church + kRatioDrift * kRatioDrift) + boundaries;
    const double length_penalty = log_ratio * log_ratio / (2 * sigma * sigma);
    double gain = 0.0;
    if (level_.dimension > 0) {
      gain = (Similarity(i, a, j, b) - mean_) / deviation_ - kThreshold;
    }
    return -gain + length_penalty + (a == b ? 0.0 : kUnevenPenalty);
  }

 private:
  // The vector of a run of `a` rows from row i: element x (rows summed in order).
  static double RunElement(const std::vector<float>& vectors, std::size_t d, std::size_t i,
                           std::size_t a, std::size_t x) {
    double sum = 0;
    for (std::size_t k = 0; k < a; ++k) sum += vectors[(i + k) * d + x];
    return sum;
  }

  // Four partial sums over the elements, so that the additions do not wait for each other.
  template <typename Element>
  static double Sum(std::size_t d, Element element) {
    double partial[4] = {0, 0, 0, 0};
    std::size_t x = 0;
    for (; x + 4 <= d; x += 4) {
      for (std::size_t k = 0; k < 4; ++k) partial[k] += element(x + k);
    }
    for (; x < d; ++x) partial[0] += element(x);
    return (partial[0] + partial[1]) + (partial[2] + partial[3]);
  }

  // The squared norms of the runs of one and of two rows from each row (the coarse shapes).
  std::vector<double> RunNorms(const std::vector<float>& vectors, std::size_t rows) const {
    const std::size_t d = level_.dimension;
    std::vector<double> norms(2 * rows, 0.0);
    for (std::size_t i = 0; i < rows; ++i) {
      for (std::size_t a = 1; a <= 2 && i + a <= rows; ++a) {
        norms[2 * i + a - 1] = Sum(d, [&](std::size_t x) {
          const double v = RunElement(vectors, d, i, a, x);
          return v * v;
        });
      }
    }
    return norms;
  }

  double Similarity(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const {
    const std::size_t d = level_.dimension;
    const std::vector<float>& source = level_.source_vector;
    const std::vector<float>& target = level_.target_vector;
    auto norm = [d](const std::vector<double>& norms, const std::vector<float>& vectors,
                    std::size_t row, std::size_t rows) {
      if (rows <= 2) return norms[2 * row + rows - 1];
      return Sum(d, [&](std::size_t x) {
        const double v = RunElement(vectors, d, row, rows, x);
        return v * v;
      });
    };
    const double source_norm = norm(source_norms_, source, i, a);
    const double target_norm = norm(target_norms_, target, j, b);
    if (source_norm == 0 || target_norm == 0) return 0.0;
    double dot = 0;
    if (a + b <= 3 && Prepared(i, j) && Prepared(i + a - 1, j + b - 1)) {
      dot = PreparedDot(i, j);
      if (a == 2) dot += PreparedDot(i + 1, j);
      if (b == 2) dot += PreparedDot(i, j + 1);
    } else if (a == 1 && b == 1) {  // the most frequent case, without the run sums
      dot = Dot(i, j);
    } else {
      dot = Sum(d, [&](std::size_t x) {
        return RunElement(source, d, i, a, x) * RunElement(target, d, j, b, x);
      });
    }
    return dot / std::sqrt(source_norm * target_norm);
  }

  // The dot product of the vectors of source block i and target block j.
  double Dot(std::size_t i, std::size_t j) const {
    const std::size_t d = level_.dimension;
    const float* s = &level_.source_vector[i * d];
    const float* t = &level_.target_vector[j * d];
    return Sum(d, [s, t](std::size_t x) { return double{s[x]} * double{t[x]}; });
  }
  bool Prepared(std::size_t i, std::size_t j) const {
    return i < dot_lo_.size() && j >= dot_lo_[i] &&
           j - dot_lo_[i] < dot_offset_[i + 1] - dot_offset_[i];
  }
  double PreparedDot(std::size_t i, std::size_t j) const {
    return dots_[dot_offset_[i] + (j - dot_lo_[i])];
  }

  // Mean and deviation of the similarity of blocks paired at random: what "unrelated" looks
  // like at this level, for these texts. A fixed seed keeps the search deterministic.
  void EstimateRandomSimilarity() {
    std::mt19937_64 rng(0x74616e64656dULL);
    std::uniform_int_distribution<std::size_t> pick_i(0, level_.n - 1);
    std::uniform_int_distribution<std::size_t> pick_j(0, level_.m - 1);
    const std::size_t samples = std::min<std::size_t>(2000, level_.n * level_.m);
    double sum = 0;
    double sum_squares = 0;
    for (std::size_t k = 0; k < samples; ++k) {
      const double s = Similarity(pick_i(rng), 1, pick_j(rng), 1);
      sum += s;
      sum_squares += s * s;
    }
    mean_ = sum / static_cast<double>(samples);
    const double variance = sum_squares / static_cast<double>(samples) - mean_ * mean_;
    deviation_ = std::max(std::sqrt(std::max(variance, 0.0)), 1e-3);
  }

  const Level& level_;
  double ratio_;
  std::vector<double> source_norms_;  // RunNorms
  std::vector<double> target_norms_;
  double mean_ = 0.0;
  double deviation_ = 1.0;
  // PrepareBand: per source block r, the dot products with target blocks from dot_lo_[r], at
  // dots_[dot_offset_[r] ...].
  std::vector<std::size_t> dot_lo_;
  std::vector<std::size_t> dot_offset_;
  std::vector<double> dots_;
};

const std::vector<BeadShape>& CoarseShapes() {
  static const std::vector<BeadShape> kShapes = {{1, 0}, {0, 1}, {1, 1}, {2, 1}, {1, 2}};
  return kShapes;
}

// The band at a finer level (`scale` times as many blocks; 1: the same level) around `path`, a
// ladder in blocks of the coarser level: every point of every bead's rectangle, scaled, widened
// by `window`.
internal::Band ProjectBand(const Ladder& path, std::size_t fine_n, std::size_t fine_m,
                           std::size_t window, std::size_t scale = 2) {
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> lo(fine_n + 1, kNone);
  std::vector<std::size_t> hi(fine_n + 1, 0);
  auto mark = [&](std::size_t row, std::size_t col_lo, std::size_t col_hi) {
    row = std::min(row, fine_n);
    lo[row] = std::min(lo[row], std::min(col_lo, fine_m));
    hi[row] = std::max(hi[row], std::min(col_hi, fine_m));
  };
  mark(0, 0, 0);
  for (const Bead& bead : path) {
    const std::size_t row_begin = scale * bead.source_begin;
    const std::size_t row_end = scale * bead.source_end();
    for (std::size_t row = row_begin; row <= row_end && row <= fine_n; ++row) {
      mark(row, scale * bead.target_begin, scale * bead.target_end());
    }
  }
  mark(fine_n, fine_m, fine_m);
  for (std::size_t row = 0; row <= fine_n; ++row) {
    assert(lo[row] != kNone);
    lo[row] = lo[row] > window ? lo[row] - window : 0;
    hi[row] = std::min(fine_m, hi[row] + window);
  }
  // Widen by rows as well: a row's band also covers its neighbours' within `window` rows, so
  // that the fine path may leave the projected one vertically too.
  std::vector<std::size_t> wide_lo = lo;
  std::vector<std::size_t> wide_hi = hi;
  for (std::size_t row = 0; row <= fine_n; ++row) {
    const std::size_t first = row > window ? row - window : 0;
    const std::size_t last = std::min(fine_n, row + window);
    for (std::size_t other = first; other <= last; ++other) {
      wide_lo[row] = std::min(wide_lo[row], lo[other]);
      wide_hi[row] = std::max(wide_hi[row], hi[other]);
    }
  }
  return internal::Band(std::move(wide_lo), std::move(wide_hi));
}

// The beads of `guide` inside source [i0, i1) x target [j0, j1), in the region's coordinates,
// or nothing when they do not make a path through the region. (The guide covers the whole
// texts and a region lies between fixed beads, which the guide holds as they are, so its beads
// inside a region make a path through it.)
std::optional<Ladder> GuideInside(const Ladder& guide, std::size_t i0, std::size_t i1,
                                  std::size_t j0, std::size_t j1) {
  Ladder inside;
  std::size_t i = 0;
  std::size_t j = 0;
  for (const Bead& bead : guide) {
    if (bead.source_begin >= i0 && bead.source_end() <= i1 && bead.target_begin >= j0 &&
        bead.target_end() <= j1) {
      if (bead.source_begin - i0 != i || bead.target_begin - j0 != j) return std::nullopt;
      inside.push_back({i, bead.source_count, j, bead.target_count, bead.confidence});
      i += bead.source_count;
      j += bead.target_count;
    }
  }
  if (i != i1 - i0 || j != j1 - j0) return std::nullopt;
  return inside;
}

// About `cells` cells of the grid of `level` around the path that divides both texts in
// proportion to their lengths: row i (the first i source blocks, a share x of the source's
// characters) centred on the target block where the same share of the target's characters
// ends.
internal::Band LengthDiagonalBand(const Level& level, std::size_t cells) {
  const std::size_t half = std::max<std::size_t>(2, cells / (level.n + 1) / 2);
  double source_total = 0;
  for (double x : level.source_length) source_total += x;
  std::vector<double> target_ends = {0.0};  // characters before target block j
  for (double x : level.target_length) target_ends.push_back(target_ends.back() + x);
  const double target_total = target_ends.back();
  std::vector<std::size_t> lo(level.n + 1);
  std::vector<std::size_t> hi(level.n + 1);
  double source_before = 0;
  for (std::size_t i = 0; i <= level.n; ++i) {
    const double share = source_total > 0 ? source_before / source_total
                                          : static_cast<double>(i) / static_cast<double>(level.n);
    const auto centre = static_cast<std::size_t>(
        std::lower_bound(target_ends.begin(), target_ends.end(), share * target_total) -
        target_ends.begin());
    lo[i] = centre > half ? centre - half : 0;
    hi[i] = std::min(level.m, centre + half);
    if (i < level.n) source_before += level.source_length[i];
  }
  lo[0] = 0;
  hi[level.n] = level.m;
  // Consecutive rows share a column (the centre moves by about m / n blocks a row).
  for (std::size_t i = 1; i <= level.n; ++i) {
    lo[i] = std::min(lo[i], hi[i - 1]);
    hi[i - 1] = std::max(hi[i - 1], lo[i]);
  }
  return internal::Band(std::move(lo), std::move(hi));
}

}  // namespace

CoarseToFineSearch::CoarseToFineSearch(CoarseToFineSearchOptions options)
    : options_(std::move(options)) {}

StatusOr<Ladder> CoarseToFineSearch::Search(const SearchProblem& problem) const {
  assert(problem.scorer != nullptr);
  if ((!problem.source_lengths.empty() && problem.source_lengths.size() != problem.source_size) ||
      (!problem.target_lengths.empty() && problem.target_lengths.size() != problem.target_size)) {
    return InvalidArgumentError("the sentence lengths do not match the sizes of the texts");
  }
  if (problem.vectors != nullptr && (problem.vectors->source.size() != problem.source_size ||
                                     problem.vectors->target.size() != problem.target_size ||
                                     problem.vectors->dimension > 65536)) {
    return InvalidArgumentError("the sentence vectors do not match the sizes of the texts");
  }
  return internal::SolveAroundFixedBeads(
      problem, [&](std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) {
        return SearchRegion(problem, i0, i1, j0, j1);
      });
}

StatusOr<Ladder> CoarseToFineSearch::SearchRegion(const SearchProblem& problem, std::size_t i0,
                                                  std::size_t i1, std::size_t j0,
                                                  std::size_t j1) const {
  const std::size_t n = i1 - i0;
  const std::size_t m = j1 - j0;
  internal::SolveOptions solve;
  solve.threads = SearchThreads(options_.threads);
  // A region is the whole problem when there are no fixed beads.
  if (problem.fixed.empty()) solve.posteriors_for_path = problem.confidences_for;
  const BeadScorer& fine_cost = *problem.scorer;  // asked in the texts' coordinates
  const std::size_t cells = (n + 1) * (m + 1);
  if (problem.guide != nullptr && cells > options_.guided_cells && n > 0 && m > 0) {
    // The band around the earlier pass's path: the blocks would only find that band again.
    if (const std::optional<Ladder> guide = GuideInside(*problem.guide, i0, i1, j0, j1)) {
      const internal::Band band = ProjectBand(*guide, n, m, problem.guide_window, 1);
      return internal::SolveBand(band, options_.shapes, fine_cost, solve, i0, j0);
    }
  }
  if (cells <= options_.max_exhaustive_cells || n == 0 || m == 0) {
    if (!options_.sketch_shapes.empty() && problem.guide_window > 0 &&
        cells > options_.guided_cells && n > 0 && m > 0) {
      // The cheapest path of the sketch's shapes over the whole grid (the path alone), then
      // every shape, and the posteriors, in the band around it.
      internal::SolveOptions path_only = solve;
      path_only.posteriors = false;
      TANDEM_ASSIGN_OR_RETURN(
          const Ladder sketch,
          internal::SolveBand(internal::Band::Full(n, m), options_.sketch_shapes, fine_cost,
                              path_only, i0, j0));
      const std::optional<Ladder> local = GuideInside(sketch, i0, i1, j0, j1);
      if (!local) return InternalError("the sketch of a region is not a path through it");
      const internal::Band band = ProjectBand(*local, n, m, problem.guide_window, 1);
      return internal::SolveBand(band, options_.shapes, fine_cost, solve, i0, j0);
    }
    return internal::SolveBand(internal::Band::Full(n, m), options_.shapes, fine_cost, solve, i0,
                               j0);
  }

  // Build the levels, from single sentences up to blocks coarse enough to search in full (or
  // as coarse as blocks may be).
  std::vector<Level> levels;
  levels.push_back(BaseLevel(problem, i0, i1, j0, j1));
  auto coarse_enough = [this](const Level& level) {
    return (level.n + 1) * (level.m + 1) <= options_.coarse_cells || level.n <= 1 || level.m <= 1;
  };
  while (!coarse_enough(levels.back()) && 2 * levels.back().block <= options_.max_block) {
    levels.push_back(Coarsen(levels.back()));
  }

  if (levels.size() == 1) {
    return internal::SolveBand(internal::Band::Full(n, m), options_.shapes, fine_cost, solve, i0,
                               j0);
  }
  // The length ratio from blocks coarse enough to compare all with all (coarser than the top
  // level when blocks were capped).
  // The coarsest level in full (or around the diagonal of the lengths), then each finer level in
  // the band around the path above.
  Level& top = levels.back();
  FillVectors(top, levels.front());
  CoarseCost top_cost(top, 1.0);
  const internal::Band top_band = (top.n + 1) * (top.m + 1) <= options_.max_top_cells
                                      ? internal::Band::Full(top.n, top.m)
                                      : LengthDiagonalBand(top, options_.max_top_cells);
  top_cost.PrepareBand(top_band, solve.threads);
  double ratio = 1.0;
  if (coarse_enough(top)) {
    ratio = top_cost.EstimateRatio();  // compares the blocks the band has compared already
  } else {
    Level coarser = Coarsen(top);
    while (!coarse_enough(coarser)) coarser = Coarsen(coarser);
    FillVectors(coarser, levels.front());
    ratio = CoarseCost(coarser, 1.0).EstimateRatio();
  }
  top_cost.set_ratio(ratio);
  // Only the path matters at the coarse levels.
  internal::SolveOptions path_only = solve;
  path_only.posteriors = false;
  TANDEM_ASSIGN_OR_RETURN(
      Ladder path, internal::SolveBand(top_band, CoarseShapes(), std::cref(top_cost), path_only));
  ReleaseVectors(top);
  for (std::size_t k = levels.size() - 1; k-- > 0;) {
    Level& level = levels[k];
    const internal::Band band = ProjectBand(path, level.n, level.m, options_.window);
    if (k == 0) {
      return internal::SolveBand(band, options_.shapes, fine_cost, solve, i0, j0);
    }
    FillVectors(level, levels.front());
    CoarseCost cost(level, ratio);
    cost.PrepareBand(band, solve.threads);
    TANDEM_ASSIGN_OR_RETURN(path,
                            internal::SolveBand(band, CoarseShapes(), std::cref(cost), path_only));
    ReleaseVectors(level);
  }
  return InternalError("coarse-to-fine search ended without a sentence-level pass");
}

}  // namespace tandem::align
