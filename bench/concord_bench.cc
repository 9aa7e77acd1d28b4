// The concordance's speed on a big corpus (bench/concord.sh): reads the corpus once, then times
// the search of each query and prints hits, seconds and hits and sentences per second.
//
//   tandem_bench_concord CORPUS SPEC...
//
// A SPEC is FLAGS:QUERY, FLAGS any of e (regular expression), i (ignore case), a (fold
// accents), p (partial words), t (target side), b (both sides): ":Gletscher", "ia:gletscher",
// "e:Gletscher\w*".
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "tandem/corpora/concordance.h"
#include "tandem/tei/formats.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  using tandem::corpora::ConcordanceSide;
  if (argc < 3) {
    std::fprintf(stderr, "usage: tandem_bench_concord CORPUS FLAGS:QUERY...\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  tandem::tei::ReadRequest request;
  request.path = argv[1];
  tandem::StatusOr<tandem::corpora::Bitext> bitext = tandem::tei::ReadBitext(request);
  if (!bitext.ok()) {
    std::fprintf(stderr, "%s\n", bitext.status().ToString().c_str());
    return 1;
  }
  fmt::print("read {}: {} beads, {} + {} sentences, {:.1f} MB of text in {:.2f} s\n", argv[1],
             bitext->ladder.size(), bitext->source.sentences.size(),
             bitext->target.sentences.size(),
             static_cast<double>(bitext->source.text.size() + bitext->target.text.size()) / 1e6,
             Seconds(start));
  fmt::print("{:<28} {:>9} {:>9} {:>12} {:>14}\n", "query", "hits", "seconds", "hits/s",
             "sentences/s");
  for (int k = 2; k < argc; ++k) {
    const std::string_view spec = argv[k];
    const std::size_t colon = spec.find(':');
    if (colon == std::string_view::npos) {
      std::fprintf(stderr, "not FLAGS:QUERY: %s\n", argv[k]);
      return 2;
    }
    const std::string_view flags = spec.substr(0, colon);
    tandem::corpora::ConcordanceQuery query;
    query.text = std::string(spec.substr(colon + 1));
    query.regex = flags.find('e') != std::string_view::npos;
    query.ignore_case = flags.find('i') != std::string_view::npos;
    query.fold_accents = flags.find('a') != std::string_view::npos;
    query.whole_words = flags.find('p') == std::string_view::npos;
    if (flags.find('t') != std::string_view::npos) query.side = ConcordanceSide::kTarget;
    if (flags.find('b') != std::string_view::npos) query.side = ConcordanceSide::kBoth;
    auto concordancer = tandem::corpora::Concordancer::Create(query);
    if (!concordancer.ok()) {
      std::fprintf(stderr, "%s\n", concordancer.status().ToString().c_str());
      return 2;
    }
    const auto begin = std::chrono::steady_clock::now();
    std::vector<tandem::corpora::ConcordanceRow> rows;
    if (const tandem::Status searched = concordancer->Search(*bitext, request.path, rows);
        !searched.ok()) {
      std::fprintf(stderr, "%s\n", searched.ToString().c_str());
      return 1;
    }
    const double seconds = Seconds(begin);
    std::size_t sentences = 0;
    if (query.side != ConcordanceSide::kTarget) sentences += bitext->source.sentences.size();
    if (query.side != ConcordanceSide::kSource) sentences += bitext->target.sentences.size();
    fmt::print("{:<28} {:>9} {:>9.3f} {:>12.0f} {:>14.0f}\n", spec, rows.size(), seconds,
               static_cast<double>(rows.size()) / seconds,
               static_cast<double>(sentences) / seconds);
  }
  return 0;
}
