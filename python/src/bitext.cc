// The Bitext class and what reads, writes and scores bitexts: tandem.read, Bitext.write,
// tandem.evaluate.
#include <algorithm>
#include <map>
#include <memory>
#include <pybind11/stl.h>
#include <string>
#include <utility>
#include <vector>

#include "binding.h"
#include "tandem/align/eval.h"
#include "tandem/corpora/vecalign.h"
#include "tandem/corpora/view_data.h"
#include "tandem/tei/formats.h"

namespace tandem::python {
namespace {

struct PyBead {
  std::size_t index = 0;
  std::vector<std::size_t> source;  // sentence indices
  std::vector<std::size_t> target;
  std::string source_text;  // the sentences joined with a space
  std::string target_text;
  double confidence = 0;
  std::string status;
  std::string type;
};

struct PyUnalignedSentence {
  std::string side;  // "source" (an omission) or "target" (an addition)
  std::size_t sentence = 0;
  std::string text;
  std::size_t bead = 0;
};

struct Unaligned {
  std::vector<PyUnalignedSentence> rows;
};

std::string JoinSentences(const Document& document, std::size_t begin, std::size_t count) {
  std::string out;
  for (std::size_t i = begin; i < begin + count; ++i) {
    if (!out.empty()) out += ' ';
    out += document.SentenceText(i);
  }
  return out;
}

PyBead BeadAt(const corpora::Bitext& bitext, std::size_t k) {
  const align::Bead& bead = bitext.ladder[k];
  PyBead out{.index = k,
             .source_text = JoinSentences(bitext.source, bead.source_begin, bead.source_count),
             .target_text = JoinSentences(bitext.target, bead.target_begin, bead.target_count),
             .confidence = bead.confidence,
             .status = std::string(corpora::ReviewStatusName(corpora::ReviewOf(bitext, k).status)),
             .type = align::BeadTypeName(bead)};
  for (std::size_t i = bead.source_begin; i < bead.source_end(); ++i) out.source.push_back(i);
  for (std::size_t j = bead.target_begin; j < bead.target_end(); ++j) out.target.push_back(j);
  return out;
}

py::dict BeadRecord(const PyBead& b) {
  py::dict record;
  record["bead"] = b.index;
  record["type"] = b.type;
  record["source"] = py::cast(b.source);
  record["target"] = py::cast(b.target);
  record["source_text"] = Str(b.source_text);
  record["target_text"] = Str(b.target_text);
  record["confidence"] = b.confidence;
  record["status"] = b.status;
  return record;
}

const std::vector<std::string> kBeadColumns = {
    "bead", "type", "source", "target", "source_text", "target_text", "confidence", "status"};

py::list BeadRecords(const BitextHandle& h) {
  py::list records;
  for (std::size_t k = 0; k < h.bitext->ladder.size(); ++k) {
    records.append(BeadRecord(BeadAt(*h.bitext, k)));
  }
  return records;
}

py::dict UnalignedRecord(const PyUnalignedSentence& u) {
  py::dict record;
  record["side"] = u.side;
  record["sentence"] = u.sentence;
  record["text"] = Str(u.text);
  record["bead"] = u.bead;
  return record;
}

py::list UnalignedRecords(const Unaligned& u) {
  py::list records;
  for (const PyUnalignedSentence& row : u.rows) records.append(UnalignedRecord(row));
  return records;
}

Unaligned UnalignedOf(const corpora::Bitext& bitext) {
  Unaligned out;
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    const align::Bead& bead = bitext.ladder[k];
    if (bead.two_sided()) continue;
    for (std::size_t i = bead.source_begin; i < bead.source_end(); ++i) {
      out.rows.push_back({"source", i, std::string(bitext.source.SentenceText(i)), k});
    }
    for (std::size_t j = bead.target_begin; j < bead.target_end(); ++j) {
      out.rows.push_back({"target", j, std::string(bitext.target.SentenceText(j)), k});
    }
  }
  return out;
}

std::size_t Index(std::ptrdiff_t i, std::size_t size) {
  const auto n = static_cast<std::ptrdiff_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw py::index_error("index out of range");
  return static_cast<std::size_t>(i);
}

// The format a file name asks for: the longest extension of a format it ends with.
tei::Format FormatOf(const std::string& path, const py::object& format) {
  if (!format.is_none()) {
    const std::string name = format.cast<std::string>();
    std::optional<tei::Format> found = tei::FormatFromName(name);
    if (!found) {
      std::string names;
      for (tei::Format f : tei::AllFormats()) {
        if (!names.empty()) names += ", ";
        names += tei::FormatName(f);
      }
      throw StatusError(
          InvalidArgumentError("unknown format \"" + name + "\" (formats: " + names + ")"));
    }
    return *found;
  }
  std::optional<tei::Format> best;
  std::size_t best_length = 0;
  for (tei::Format f : tei::AllFormats()) {
    const std::string_view extension = tei::DescribeFormat(f).extension;
    if (!extension.empty() && extension.size() > best_length && path.size() > extension.size() &&
        path.compare(path.size() - extension.size(), extension.size(), extension) == 0) {
      best = f;
      best_length = extension.size();
    }
  }
  if (!best) {
    throw StatusError(InvalidArgumentError(
        path + ": cannot tell the format from the file name; give format=\"tei\", \"tmx\", ..."));
  }
  return *best;
}

py::list Write(const BitextHandle& h, const py::object& path_object, const py::object& format,
               double min_confidence, bool reviewed_only, const std::string& layout,
               bool keep_unaligned) {
  tei::WriteRequest request;
  request.path = PathArgument(path_object);
  request.format = FormatOf(request.path, format);
  request.filter = {.min_confidence = min_confidence, .reviewed_only = reviewed_only};
  if (layout == "split") {
    request.layout = tei::TeiLayout::kSplit;
  } else if (layout != "single") {
    throw StatusError(
        InvalidArgumentError("unknown TEI layout \"" + layout + "\" (expected single or split)"));
  }
  request.keep_unaligned = keep_unaligned;
  std::vector<std::string> warnings;
  request.warn = [&warnings](const std::string& message) { warnings.push_back(message); };
  std::vector<std::string> paths;
  {
    py::gil_scoped_release release;
    Check(tei::WriteBitext(*h.bitext, request));
    paths = tei::OutputPaths(*h.bitext, request);
  }
  EmitWarnings(warnings);
  return py::cast(paths);
}

std::shared_ptr<BitextHandle> Read(const py::object& path_object, const py::object& format,
                                   const std::string& source_lang, const std::string& target_lang,
                                   const py::object& source_text, const py::object& target_text,
                                   bool load_sources) {
  tei::ReadRequest request;
  request.path = PathArgument(path_object);
  if (!format.is_none()) request.format = FormatOf(request.path, format);
  request.source_language = source_lang;
  request.target_language = target_lang;
  if (!source_text.is_none()) request.source_text = PathArgument(source_text);
  if (!target_text.is_none()) request.target_text = PathArgument(target_text);
  request.load_sources = load_sources;
  std::vector<std::string> warnings;
  request.warn = [&warnings](const std::string& message) { warnings.push_back(message); };
  std::shared_ptr<const corpora::Bitext> bitext;
  {
    py::gil_scoped_release release;
    bitext = std::make_shared<const corpora::Bitext>(Take(tei::ReadBitext(request)));
  }
  EmitWarnings(warnings);
  return std::make_shared<BitextHandle>(std::move(bitext), request.path);
}

// --- evaluate ----------------------------------------------------------------------------------

std::vector<std::size_t> Indices(const py::handle& sequence) {
  std::vector<std::size_t> out;
  for (const py::handle item : sequence) out.push_back(item.cast<std::size_t>());
  return out;
}

bool IsPath(const py::handle& object) {
  return py::isinstance<py::str>(object) || py::hasattr(object, "__fspath__");
}

// The links of one document: a Bitext's beads, a vecalign file, or a sequence of links, each a
// pair of sequences of sentence indices.
std::vector<align::Link> LinksOf(const py::handle& object) {
  if (py::isinstance<BitextHandle>(object)) {
    return align::LinksFromLadder(object.cast<const BitextHandle&>().bitext->ladder);
  }
  if (IsPath(object)) {
    const std::string path = PathArgument(object);
    py::gil_scoped_release release;
    return Take(corpora::ReadVecalignFile(path));
  }
  std::vector<align::Link> links;
  for (const py::handle link : object) {
    const py::sequence pair = py::reinterpret_borrow<py::sequence>(link);
    if (pair.size() != 2) {
      throw StatusError(
          InvalidArgumentError("a link is a pair of sentence index lists, (source, target); got " +
                               std::string(py::repr(link))));
    }
    links.push_back({Indices(pair[0]), Indices(pair[1])});
  }
  return links;
}

// One document or several (a list of Bitexts or paths).
std::vector<std::vector<align::Link>> Documents(const py::handle& object) {
  if (py::isinstance<py::list>(object) || py::isinstance<py::tuple>(object)) {
    const py::sequence items = py::reinterpret_borrow<py::sequence>(object);
    if (items.size() > 0 && (py::isinstance<BitextHandle>(items[0]) || IsPath(items[0]))) {
      std::vector<std::vector<align::Link>> documents;
      for (const py::handle item : items) documents.push_back(LinksOf(item));
      return documents;
    }
  }
  return {LinksOf(object)};
}

struct Evaluation {
  align::EvalScores scores;
  align::EvalCounts counts;
  std::size_t documents = 0;
};

Evaluation Evaluate(const py::object& gold, const py::object& hypothesis) {
  const auto gold_documents = Documents(gold);
  const auto hypothesis_documents = Documents(hypothesis);
  if (gold_documents.size() != hypothesis_documents.size()) {
    throw StatusError(InvalidArgumentError("got " + std::to_string(gold_documents.size()) +
                                           " gold documents but " +
                                           std::to_string(hypothesis_documents.size()) +
                                           " hypothesis documents; they are paired by position"));
  }
  Evaluation out;
  for (std::size_t k = 0; k < gold_documents.size(); ++k) {
    out.counts += align::CountLinks(gold_documents[k], hypothesis_documents[k]);
  }
  out.scores = align::ScoresFromCounts(out.counts);
  out.documents = gold_documents.size();
  return out;
}

py::dict EvaluationDict(const Evaluation& e) {
  const align::EvalScores& s = e.scores;
  const align::EvalCounts& c = e.counts;
  py::dict out;
  out["precision_strict"] = s.precision_strict;
  out["recall_strict"] = s.recall_strict;
  out["f1_strict"] = s.f1_strict;
  out["precision_lax"] = s.precision_lax;
  out["recall_lax"] = s.recall_lax;
  out["f1_lax"] = s.f1_lax;
  out["precision_unaligned"] = s.precision_unaligned;
  out["recall_unaligned"] = s.recall_unaligned;
  out["f1_unaligned"] = s.f1_unaligned;
  py::dict counts;
  counts["precision_strict"] = c.precision_strict;
  counts["precision_lax"] = c.precision_lax;
  counts["precision_total"] = c.precision_total;
  counts["recall_strict"] = c.recall_strict;
  counts["recall_lax"] = c.recall_lax;
  counts["recall_total"] = c.recall_total;
  counts["unaligned_hits"] = c.unaligned_hits;
  counts["unaligned_hypothesis"] = c.unaligned_hypothesis;
  counts["unaligned_gold"] = c.unaligned_gold;
  out["counts"] = counts;
  out["gold_shapes"] = py::cast(c.gold_shapes);
  out["hypothesis_shapes"] = py::cast(c.hypothesis_shapes);
  out["documents"] = e.documents;
  return out;
}

}  // namespace

BitextHandle::BitextHandle(std::shared_ptr<const corpora::Bitext> b, std::string n)
    : bitext(std::move(b)),
      name(std::move(n)),
      source(std::make_shared<DocumentHandle>(
          std::shared_ptr<const Document>(bitext, &bitext->source))),
      target(std::make_shared<DocumentHandle>(
          std::shared_ptr<const Document>(bitext, &bitext->target))) {}

void BindBitext(py::module_& m) {
  py::class_<PyBead>(m, "Bead",
                     "One correspondence of the alignment: source and target sentence indices "
                     "(either may be empty: a sentence without counterpart), their texts, the "
                     "aligner's confidence and the review status.")
      .def_readonly("index", &PyBead::index, "index of the bead in the bitext")
      .def_property_readonly("source",
                             [](const PyBead& b) { return py::tuple(py::cast(b.source)); })
      .def_property_readonly("target",
                             [](const PyBead& b) { return py::tuple(py::cast(b.target)); })
      .def_property_readonly("source_text", [](const PyBead& b) { return Str(b.source_text); })
      .def_property_readonly("target_text", [](const PyBead& b) { return Str(b.target_text); })
      .def_readonly("confidence", &PyBead::confidence, "probability that the bead is right")
      .def_readonly("status", &PyBead::status, "'automatic', 'confirmed' or 'edited'")
      .def_readonly("type", &PyBead::type, "'1:1', '2:1', '1:0', ...")
      .def_property_readonly(
          "two_sided", [](const PyBead& b) { return !b.source.empty() && !b.target.empty(); },
          "True for a translation pair, False for an omission or an addition")
      .def("__repr__", [](const PyBead& b) {
        return py::str("Bead({}, {}, source={}, target={}, confidence={:.3f})")
            .format(b.index, b.type, py::tuple(py::cast(b.source)), py::tuple(py::cast(b.target)),
                    b.confidence);
      });

  py::class_<PyUnalignedSentence>(m, "UnalignedSentence",
                                  "A sentence without counterpart: an omission (side 'source') "
                                  "or an addition (side 'target').")
      .def_readonly("side", &PyUnalignedSentence::side)
      .def_readonly("sentence", &PyUnalignedSentence::sentence, "its index in its document")
      .def_property_readonly("text", [](const PyUnalignedSentence& u) { return Str(u.text); })
      .def_readonly("bead", &PyUnalignedSentence::bead, "the index of its one-sided bead")
      .def("__repr__", [](const PyUnalignedSentence& u) {
        return py::str("UnalignedSentence({}, {}, {!r})").format(u.side, u.sentence, Str(u.text));
      });

  py::class_<Unaligned>(m, "Unaligned",
                        "The sentences without counterpart, in text order: a sequence of "
                        "UnalignedSentence, with omissions and additions apart.")
      .def("__len__", [](const Unaligned& u) { return u.rows.size(); })
      .def("__getitem__",
           [](const Unaligned& u, std::ptrdiff_t i) { return u.rows[Index(i, u.rows.size())]; })
      .def("__iter__", [](const Unaligned& u) { return py::iter(py::cast(u.rows)); })
      .def_property_readonly(
          "omissions",
          [](const Unaligned& u) {
            std::vector<PyUnalignedSentence> out;
            std::copy_if(u.rows.begin(), u.rows.end(), std::back_inserter(out),
                         [](const auto& r) { return r.side == "source"; });
            return out;
          },
          "the source sentences without counterpart")
      .def_property_readonly(
          "additions",
          [](const Unaligned& u) {
            std::vector<PyUnalignedSentence> out;
            std::copy_if(u.rows.begin(), u.rows.end(), std::back_inserter(out),
                         [](const auto& r) { return r.side == "target"; });
            return out;
          },
          "the target sentences without counterpart")
      .def("to_records", &UnalignedRecords, "one dict per sentence: side, sentence, text, bead")
      .def(
          "to_pandas",
          [](const Unaligned& u) {
            return ToPandas(UnalignedRecords(u), {"side", "sentence", "text", "bead"});
          },
          "the sentences as a pandas DataFrame")
      .def("__repr__", [](const Unaligned& u) {
        return py::str("<tandem.Unaligned: {} sentences>").format(u.rows.size());
      });

  py::class_<BitextHandle, std::shared_ptr<BitextHandle>>(
      m, "Bitext",
      "Two documents and the beads that align them. A sequence of Bead: len(bitext), "
      "bitext[k], for bead in bitext. Immutable; safe to share between threads.")
      .def_property_readonly("source", [](const BitextHandle& h) { return h.source; })
      .def_property_readonly("target", [](const BitextHandle& h) { return h.target; })
      .def_readonly("name", &BitextHandle::name, "the path it was read from, or ''")
      .def_property_readonly("title",
                             [](const BitextHandle& h) { return corpora::ViewTitle(*h.bitext); })
      .def_property_readonly(
          "dictionaries", [](const BitextHandle& h) { return h.bitext->alignment.dictionaries; },
          "the dictionaries the alignment used, as recorded")
      .def_property_readonly(
          "parameters",
          [](const BitextHandle& h) {
            py::dict out;
            for (const auto& [key, value] : h.bitext->alignment.parameters)
              out[py::str(key)] = value;
            return out;
          },
          "the alignment's recorded parameters")
      .def_property_readonly(
          "beads",
          [](const BitextHandle& h) {
            std::vector<PyBead> out;
            for (std::size_t k = 0; k < h.bitext->ladder.size(); ++k) {
              out.push_back(BeadAt(*h.bitext, k));
            }
            return out;
          },
          "every Bead, in text order")
      .def("__len__", [](const BitextHandle& h) { return h.bitext->ladder.size(); })
      .def("__getitem__",
           [](const BitextHandle& h, std::ptrdiff_t k) {
             return BeadAt(*h.bitext, Index(k, h.bitext->ladder.size()));
           })
      .def("__iter__", [](const py::object& self) { return py::iter(self.attr("beads")); })
      .def(
          "pairs",
          [](const BitextHandle& h) {
            py::list out;
            for (std::size_t k = 0; k < h.bitext->ladder.size(); ++k) {
              const align::Bead& bead = h.bitext->ladder[k];
              if (!bead.two_sided()) continue;
              out.append(py::make_tuple(
                  Str(JoinSentences(h.bitext->source, bead.source_begin, bead.source_count)),
                  Str(JoinSentences(h.bitext->target, bead.target_begin, bead.target_count))));
            }
            return py::iter(out);
          },
          "an iterator over the aligned pairs, (source text, target text), one per two-sided "
          "bead")
      .def_property_readonly(
          "unaligned", [](const BitextHandle& h) { return UnalignedOf(*h.bitext); },
          "the sentences without counterpart (omissions and additions)")
      .def("to_records", &BeadRecords,
           "one dict per bead: bead, type, source, target, source_text, target_text, "
           "confidence, status")
      .def(
          "to_pandas", [](const BitextHandle& h) { return ToPandas(BeadRecords(h), kBeadColumns); },
          "the beads as a pandas DataFrame (the columns of to_records())")
      .def("write", &Write, py::arg("path"), py::arg("format") = py::none(),
           py::arg("min_confidence") = 0.0, py::arg("reviewed_only") = false,
           py::arg("layout") = "single", py::arg("keep_unaligned") = false,
           R"(Writes the bitext in a format tandem writes (docs/formats.md), atomically.

format: "tei", "tmx", "xces", "intertext", "jsonl", "moses", "tsv", "hunalign",
  "hunalign-text", "vecalign", "lfaligner"; None: from the file name's extension (.tei.xml,
  .tmx, .jsonl, ...).
min_confidence, reviewed_only: keep only those beads (not for tei, intertext, hunalign).
layout: "single" or "split" (TEI). keep_unaligned: moses and tsv keep one-sided beads.

Returns the paths written.)")
      .def(
          "_repr_html_", [](const BitextHandle& h) { return BitextHtml(*h.bitext, 200); },
          "the first 200 beads side by side, coloured by confidence (for notebooks)")
      .def("__repr__", [](const BitextHandle& h) {
        return py::str("<tandem.Bitext {!r} {}-{}: {} beads>")
            .format(corpora::ViewTitle(*h.bitext), h.bitext->source.language,
                    h.bitext->target.language, h.bitext->ladder.size());
      });

  m.def("read", &Read, py::arg("path"), py::arg("format") = py::none(), py::arg("source_lang") = "",
        py::arg("target_lang") = "", py::arg("source_text") = py::none(),
        py::arg("target_text") = py::none(), py::arg("load_sources") = false,
        R"(Reads a bitext file in any format tandem reads (detected from the content, or format=).

source_lang, target_lang: for formats that do not say (and to choose the pair of a TMX).
source_text, target_text: the two texts, one sentence per line, for the formats that hold only
  the alignment (hunalign ladders, vecalign).
A missing file raises tandem.NotFoundError (a FileNotFoundError); a file that cannot be read as
the format, tandem.InvalidDataError or tandem.InvalidArgumentError (ValueErrors), with the
file, line and column.)");

  py::class_<Evaluation>(m, "Evaluation",
                         "Strict and lax precision, recall and F1 of an alignment against a "
                         "gold alignment, and the same for the sentences without counterpart.")
      .def_property_readonly("precision_strict",
                             [](const Evaluation& e) { return e.scores.precision_strict; })
      .def_property_readonly("recall_strict",
                             [](const Evaluation& e) { return e.scores.recall_strict; })
      .def_property_readonly("f1_strict", [](const Evaluation& e) { return e.scores.f1_strict; })
      .def_property_readonly("precision_lax",
                             [](const Evaluation& e) { return e.scores.precision_lax; })
      .def_property_readonly("recall_lax", [](const Evaluation& e) { return e.scores.recall_lax; })
      .def_property_readonly("f1_lax", [](const Evaluation& e) { return e.scores.f1_lax; })
      .def_property_readonly("precision_unaligned",
                             [](const Evaluation& e) { return e.scores.precision_unaligned; })
      .def_property_readonly("recall_unaligned",
                             [](const Evaluation& e) { return e.scores.recall_unaligned; })
      .def_property_readonly("f1_unaligned",
                             [](const Evaluation& e) { return e.scores.f1_unaligned; })
      .def_property_readonly(
          "counts",
          [](const Evaluation& e) {
            const py::dict all = EvaluationDict(e);
            return py::object(all["counts"]);
          },
          "the link and sentence counts behind the ratios")
      .def_property_readonly("gold_shapes",
                             [](const Evaluation& e) { return e.counts.gold_shapes; })
      .def_property_readonly("hypothesis_shapes",
                             [](const Evaluation& e) { return e.counts.hypothesis_shapes; })
      .def_readonly("documents", &Evaluation::documents)
      .def("to_dict", &EvaluationDict, "every figure, as a dict")
      .def("__repr__", [](const Evaluation& e) {
        const align::EvalScores& s = e.scores;
        return py::
            str("Evaluation(strict P/R/F1 {:.3f}/{:.3f}/{:.3f}, lax P/R/F1 {:.3f}/{:.3f}/{:.3f}, "
                "unaligned P/R/F1 {:.3f}/{:.3f}/{:.3f})")
                .format(s.precision_strict, s.recall_strict, s.f1_strict, s.precision_lax,
                        s.recall_lax, s.f1_lax, s.precision_unaligned, s.recall_unaligned,
                        s.f1_unaligned);
      });

  m.def("evaluate", &Evaluate, py::arg("gold"), py::arg("hypothesis"),
        R"(Scores an alignment against a gold alignment, as `tandem eval` does.

Each of gold and hypothesis is a Bitext, the path of a vecalign file, or a list of links, each
a pair of lists of sentence indices ([([0], [0]), ([1, 2], [1])]); or a list of Bitexts or paths
for several documents (micro-averaged), paired by position.)");
}

}  // namespace tandem::python
