// tandem.concord: the parallel concordance (corpora/concordance.h), the same rows as
// `tandem concord`, with the hit's place in its sentence as str indices.
#include <pybind11/stl.h>
#include <string>
#include <utility>
#include <vector>

#include "binding.h"
#include "tandem/corpora/concordance.h"
#include "tandem/corpora/view_data.h"
#include "tandem/tei/formats.h"

namespace tandem::python {
namespace {

struct PyRow {
  corpora::ConcordanceRow row;
  std::size_t start = 0;  // the hit in `row.text`, code points
  std::size_t end = 0;
};

struct Concordance {
  std::vector<PyRow> rows;
};

std::string_view Left(const PyRow& r) {
  return std::string_view(r.row.text).substr(0, r.row.hit.begin);
}
std::string_view Match(const PyRow& r) {
  return std::string_view(r.row.text).substr(r.row.hit.begin, r.row.hit.size());
}
std::string_view Right(const PyRow& r) {
  return std::string_view(r.row.text).substr(r.row.hit.end);
}

const std::vector<std::string> kColumns = {
    "corpus",    "bead",       "side",  "sentence", "start",           "end",
    "left",      "match",      "right", "text",     "other_sentences", "other_texts",
    "bead_type", "confidence", "review"};

py::dict Record(const PyRow& r) {
  py::dict d;
  d["corpus"] = Str(r.row.corpus);
  d["bead"] = r.row.bead;
  d["side"] = std::string(corpora::ConcordanceSideName(r.row.side));
  d["sentence"] = r.row.sentence;
  d["start"] = r.start;
  d["end"] = r.end;
  d["left"] = Str(Left(r));
  d["match"] = Str(Match(r));
  d["right"] = Str(Right(r));
  d["text"] = Str(r.row.text);
  d["other_sentences"] = py::cast(r.row.other_sentences);
  py::list others;
  for (const std::string& text : r.row.other_texts) others.append(Str(text));
  d["other_texts"] = others;
  d["bead_type"] = r.row.bead_type;
  d["confidence"] = r.row.confidence;
  d["review"] = std::string(corpora::ReviewStatusName(r.row.review));
  return d;
}

py::list Records(const Concordance& c) {
  py::list out;
  for (const PyRow& r : c.rows) out.append(Record(r));
  return out;
}

corpora::ConcordanceSide SideFromName(const std::string& name) {
  if (name == "source") return corpora::ConcordanceSide::kSource;
  if (name == "target") return corpora::ConcordanceSide::kTarget;
  if (name == "both") return corpora::ConcordanceSide::kBoth;
  throw StatusError(
      InvalidArgumentError("unknown side \"" + name + "\" (expected source, target or both)"));
}

Concordance Concord(const py::object& corpora_object, const std::string& query_text, bool regex,
                    bool ignore_case, bool fold_accents, bool whole_words,
                    const std::string& side) {
  const corpora::ConcordanceQuery query{.text = query_text,
                                        .regex = regex,
                                        .ignore_case = ignore_case,
                                        .fold_accents = fold_accents,
                                        .whole_words = whole_words,
                                        .side = SideFromName(side)};
  // The corpora: one Bitext or path, or a list of them.
  std::vector<py::object> items;
  if (py::isinstance<py::list>(corpora_object) || py::isinstance<py::tuple>(corpora_object)) {
    for (const py::handle item : corpora_object)
      items.push_back(py::reinterpret_borrow<py::object>(item));
  } else {
    items.push_back(corpora_object);
  }
  bool all_paths = true;
  std::vector<std::string> paths;
  for (const py::object& item : items) {
    if (py::isinstance<BitextHandle>(item)) {
      all_paths = false;
    } else {
      paths.push_back(PathArgument(item));
    }
  }
  std::vector<corpora::ConcordanceRow> rows;
  std::vector<std::string> warnings;
  const corpora::BitextReader read = [&warnings](const std::string& path) {
    tei::ReadRequest request;
    request.path = path;
    request.warn = [&warnings](const std::string& message) { warnings.push_back(message); };
    return tei::ReadBitext(request);
  };
  if (all_paths) {
    py::gil_scoped_release release;
    rows = Take(corpora::Concord(paths, query, read));
  } else {
    const corpora::Concordancer concordancer = Take(corpora::Concordancer::Create(query));
    for (const py::object& item : items) {
      if (py::isinstance<BitextHandle>(item)) {
        const auto& handle = item.cast<const BitextHandle&>();
        const std::string name =
            handle.name.empty() ? corpora::ViewTitle(*handle.bitext) : handle.name;
        py::gil_scoped_release release;
        Check(concordancer.Search(*handle.bitext, name, rows));
      } else {
        const std::string path = PathArgument(item);
        py::gil_scoped_release release;
        const corpora::Bitext bitext = Take(read(path));
        Check(concordancer.Search(bitext, path, rows));
      }
    }
  }
  EmitWarnings(warnings);
  Concordance out;
  out.rows.reserve(rows.size());
  for (corpora::ConcordanceRow& row : rows) {
    CodePointCursor cursor(row.text);
    const std::size_t start = cursor(row.hit.begin);
    const std::size_t end = cursor(row.hit.end);
    out.rows.push_back({std::move(row), start, end});
  }
  return out;
}

std::size_t Index(std::ptrdiff_t i, std::size_t size) {
  const auto n = static_cast<std::ptrdiff_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw py::index_error("row index out of range");
  return static_cast<std::size_t>(i);
}

}  // namespace

void BindConcordance(py::module_& m) {
  py::class_<PyRow>(m, "ConcordanceRow",
                    "One hit in its sentence (text[start:end] == match), with the bead around "
                    "it and the aligned sentences of the other side (none: the sentence has no "
                    "counterpart).")
      .def_property_readonly("corpus", [](const PyRow& r) { return Str(r.row.corpus); })
      .def_property_readonly("bead", [](const PyRow& r) { return r.row.bead; })
      .def_property_readonly(
          "side", [](const PyRow& r) { return corpora::ConcordanceSideName(r.row.side); })
      .def_property_readonly("sentence", [](const PyRow& r) { return r.row.sentence; })
      .def_readonly("start", &PyRow::start)
      .def_readonly("end", &PyRow::end)
      .def_property_readonly("left", [](const PyRow& r) { return Str(Left(r)); })
      .def_property_readonly("match", [](const PyRow& r) { return Str(Match(r)); })
      .def_property_readonly("right", [](const PyRow& r) { return Str(Right(r)); })
      .def_property_readonly("text", [](const PyRow& r) { return Str(r.row.text); })
      .def_property_readonly("other_sentences",
                             [](const PyRow& r) { return r.row.other_sentences; })
      .def_property_readonly("other_texts",
                             [](const PyRow& r) {
                               py::list out;
                               for (const std::string& t : r.row.other_texts) out.append(Str(t));
                               return out;
                             })
      .def_property_readonly(
          "other_text",
          [](const PyRow& r) {
            std::string joined;
            for (const std::string& t : r.row.other_texts) {
              joined += (joined.empty() ? "" : " ") + t;
            }
            return Str(joined);
          },
          "the other side's sentences joined with a space")
      .def_property_readonly(
          "aligned", [](const PyRow& r) { return !r.row.other_sentences.empty(); },
          "False when the hit's sentence has no counterpart")
      .def_property_readonly("bead_type", [](const PyRow& r) { return r.row.bead_type; })
      .def_property_readonly("confidence", [](const PyRow& r) { return r.row.confidence; })
      .def_property_readonly("review",
                             [](const PyRow& r) { return corpora::ReviewStatusName(r.row.review); })
      .def("to_dict", &Record)
      .def("__repr__", [](const PyRow& r) {
        return py::str("ConcordanceRow({!r}, bead {}, {} {}, {!r})")
            .format(Str(r.row.corpus), r.row.bead, corpora::ConcordanceSideName(r.row.side),
                    r.row.sentence, Str(Match(r)));
      });

  py::class_<Concordance>(m, "Concordance",
                          "The hits of a query, in corpus, bead, side, sentence and hit order: "
                          "a sequence of ConcordanceRow.")
      .def("__len__", [](const Concordance& c) { return c.rows.size(); })
      .def("__getitem__",
           [](const Concordance& c, std::ptrdiff_t i) { return c.rows[Index(i, c.rows.size())]; })
      .def("__iter__", [](const Concordance& c) { return py::iter(py::cast(c.rows)); })
      .def("to_records", &Records,
           "one dict per hit: corpus, bead, side, sentence, start, end, left, match, right, text, "
           "other_sentences, other_texts, bead_type, confidence, review")
      .def(
          "to_pandas", [](const Concordance& c) { return ToPandas(Records(c), kColumns); },
          "the hits as a pandas DataFrame (the columns of to_records())")
      .def("__repr__", [](const Concordance& c) {
        return py::str("<tandem.Concordance: {} hits>").format(c.rows.size());
      });

  m.def("concord", &Concord, py::arg("corpora"), py::arg("query"), py::arg("regex") = false,
        py::arg("ignore_case") = false, py::arg("fold_accents") = false,
        py::arg("whole_words") = true, py::arg("side") = "source",
        R"(The parallel concordance: every hit of a word, a phrase or a regular expression, with
the aligned sentences of the other side (the rows of `tandem concord`).

corpora: a Bitext or the path of a bitext file (any format tandem reads), or a list of them.
query: a word or phrase (spaces match any white space), or with regex=True an ICU regular
  expression.
ignore_case, fold_accents: "sztalin" finds "Sztálin" with both.
whole_words: a word or phrase matches only at word boundaries.
side: where to look for hits: "source", "target" or "both".)");
}

}  // namespace tandem::python
