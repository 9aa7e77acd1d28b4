// tandem eval: strict and lax precision, recall and F1 of alignments against gold alignments.
#include "tandem/align/eval.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common.h"
#include "tandem/corpora/vecalign.h"

namespace tandem::cli {
namespace {

struct EvalArgs {
  std::vector<std::string> gold;
  std::vector<std::string> hypothesis;
  bool json = false;
  bool per_document = false;
};

nlohmann::json ScoresJson(const align::EvalScores& s) {
  return {{"precision_strict", s.precision_strict},
          {"recall_strict", s.recall_strict},
          {"f1_strict", s.f1_strict},
          {"precision_lax", s.precision_lax},
          {"recall_lax", s.recall_lax},
          {"f1_lax", s.f1_lax},
          {"precision_unaligned", s.precision_unaligned},
          {"recall_unaligned", s.recall_unaligned},
          {"f1_unaligned", s.f1_unaligned}};
}

// The unaligned-sentence counts and the shapes, apart from "counts", which has exactly the
// fields of the reference scorer's JSON.
void AddUnalignedJson(const align::EvalCounts& c, nlohmann::json& out) {
  out["unaligned"] = {{"hits", c.unaligned_hits},
                      {"hypothesis", c.unaligned_hypothesis},
                      {"gold", c.unaligned_gold}};
  out["shapes"] = {{"gold", c.gold_shapes}, {"hypothesis", c.hypothesis_shapes}};
}

std::string ShapeList(const std::map<std::string, std::size_t>& shapes) {
  // 1:1 first, then by count, as people read a ladder's make-up.
  std::vector<std::pair<std::string, std::size_t>> sorted(shapes.begin(), shapes.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    if ((a.first == "1:1") != (b.first == "1:1")) return a.first == "1:1";
    return a.second > b.second;
  });
  std::string out;
  for (const auto& [shape, n] : sorted) {
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", shape, n);
  }
  return out.empty() ? "none" : out;
}

nlohmann::json CountsJson(const align::EvalCounts& c) {
  return {{"p_strict", c.precision_strict}, {"p_lax", c.precision_lax},
          {"p_total", c.precision_total},   {"r_strict", c.recall_strict},
          {"r_lax", c.recall_lax},          {"r_total", c.recall_total}};
}

int Run(const EvalArgs& args) {
  if (args.gold.size() != args.hypothesis.size()) {
    return ReportError(InvalidArgumentError(
        fmt::format("got {} gold files but {} hypothesis files; they are paired by position",
                    args.gold.size(), args.hypothesis.size())));
  }
  align::EvalCounts total;
  std::vector<align::EvalCounts> per_document;
  for (std::size_t k = 0; k < args.gold.size(); ++k) {
    StatusOr<std::vector<align::Link>> gold = corpora::ReadVecalignFile(args.gold[k]);
    if (!gold.ok()) return ReportError(gold.status());
    StatusOr<std::vector<align::Link>> hypothesis = corpora::ReadVecalignFile(args.hypothesis[k]);
    if (!hypothesis.ok()) return ReportError(hypothesis.status());
    per_document.push_back(align::CountLinks(*gold, *hypothesis));
    total += per_document.back();
  }
  const align::EvalScores scores = align::ScoresFromCounts(total);

  if (args.json) {
    nlohmann::json out = {{"scores", ScoresJson(scores)}, {"counts", CountsJson(total)}};
    AddUnalignedJson(total, out);
    if (args.per_document) {
      nlohmann::json documents = nlohmann::json::array();
      for (std::size_t k = 0; k < per_document.size(); ++k) {
        nlohmann::json document = {
            {"gold", args.gold[k]},
            {"hyp", args.hypothesis[k]},
            {"counts", CountsJson(per_document[k])},
            {"scores", ScoresJson(align::ScoresFromCounts(per_document[k]))}};
        AddUnalignedJson(per_document[k], document);
        documents.push_back(std::move(document));
      }
      out["documents"] = documents;
    }
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  if (args.per_document) {
    for (std::size_t k = 0; k < per_document.size(); ++k) {
      const align::EvalScores s = align::ScoresFromCounts(per_document[k]);
      std::cout << fmt::format(
          "{} vs {}: strict P/R/F1 {:.3f}/{:.3f}/{:.3f}  lax P/R/F1 {:.3f}/{:.3f}/{:.3f}  "
          "unaligned P/R/F1 {:.3f}/{:.3f}/{:.3f}\n",
          args.hypothesis[k], args.gold[k], s.precision_strict, s.recall_strict, s.f1_strict,
          s.precision_lax, s.recall_lax, s.f1_lax, s.precision_unaligned, s.recall_unaligned,
          s.f1_unaligned);
    }
  }
  std::cout << "              Strict     Lax\n"
            << fmt::format("Precision     {:.3f}    {:.3f}\n", scores.precision_strict,
                           scores.precision_lax)
            << fmt::format("Recall        {:.3f}    {:.3f}\n", scores.recall_strict,
                           scores.recall_lax)
            << fmt::format("F1            {:.3f}    {:.3f}\n", scores.f1_strict, scores.f1_lax)
            << fmt::format(
                   "links: hypothesis {} (strict hits {}, lax hits {}); two-sided gold {} (strict "
                   "hits {}, lax hits {}); documents {}\n",
                   total.precision_total, total.precision_strict, total.precision_lax,
                   total.recall_total, total.recall_strict, total.recall_lax, per_document.size())
            << fmt::format(
                   "unaligned sentences: P/R/F1 {:.3f}/{:.3f}/{:.3f} (hypothesis {}, gold {}, "
                   "both {})\n",
                   scores.precision_unaligned, scores.recall_unaligned, scores.f1_unaligned,
                   total.unaligned_hypothesis, total.unaligned_gold, total.unaligned_hits)
            << "shapes: gold " << ShapeList(total.gold_shapes) << "; hypothesis "
            << ShapeList(total.hypothesis_shapes) << '\n';
  return kExitOk;
}

}  // namespace

void AddEvalCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Score alignments against gold alignments (strict and lax precision, recall, F1, and "
      "the same for sentences without counterpart; micro-averaged over documents)");
  cmd->add_option("-g,--gold", args->gold, "gold alignment files (vecalign format)")
      ->required()
      ->expected(1, -1);
  cmd->add_option("--hyp,--test", args->hypothesis,
                  "hypothesis alignment files, paired with --gold by position")
      ->required()
      ->expected(1, -1);
  cmd->add_flag("--json", args->json, "print JSON instead of a table");
  cmd->add_flag("--per-doc", args->per_document, "also give the scores of each document");
  cmd->callback([args, &context] { context.exit_code = Run(*args); });
}

}  // namespace tandem::cli
