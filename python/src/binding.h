// The Python module's shared parts (python/src): how a failed Status becomes a Python exception,
// how UTF-8 byte spans become code point indices, and the handles the Python classes wrap.
//
// The library's spans are UTF-8 byte offsets (CONTRIBUTING.md); Python indexes strings by code
// point, so every span crosses the boundary as code points, converted once per text with
// CodePointCursor. Objects handed to Python are immutable after they are made, so they can be
// shared between threads; every call that segments, aligns, reads or writes releases the GIL
// while the library works.
#pragma once

#include <cstddef>
#include <exception>
#include <memory>
#include <pybind11/pybind11.h>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tandem/core/document.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::python {

namespace py = pybind11;

// A failed Status on its way to Python: module.cc translates it into the subclass of
// tandem.Error for its code (tandem/_errors.py), carrying the message as it is.
class StatusError : public std::exception {
 public:
  explicit StatusError(Status status) : status_(std::move(status)) {}
  const char* what() const noexcept override { return status_.message().c_str(); }
  const Status& status() const { return status_; }

 private:
  Status status_;
};

inline void Check(Status status) {
  if (!status.ok()) throw StatusError(std::move(status));
}

template <typename T>
T Take(StatusOr<T> result) {
  if (!result.ok()) throw StatusError(std::move(result).status());
  return std::move(result).value();
}

// Turns increasing UTF-8 byte offsets of one text into code point offsets, walking the text once
// (each call continues from the previous offset; a smaller offset starts again from the front).
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  std::size_t operator()(std::size_t byte);

 private:
  std::string_view text_;
  std::size_t byte_ = 0;
  std::size_t code_points_ = 0;
};

// A Python str from UTF-8 that the library produced (valid by its invariants).
py::str Str(std::string_view utf8);

// A path from a str or an os.PathLike, as the library takes it.
std::string PathArgument(const py::handle& path);

// Warnings the library reported while the GIL was released, given to Python's warnings module
// once it is held again (a warning filter set to "error" raises here).
void EmitWarnings(const std::vector<std::string>& warnings);

// A pandas DataFrame of `records` (dicts) with `columns`, or ImportError saying what to install.
py::object ToPandas(const py::list& records, const std::vector<std::string>& columns);

// A document as Python sees it: the library's Document and the code point offsets of its spans.
struct DocumentHandle {
  explicit DocumentHandle(std::shared_ptr<const Document> d);
  std::shared_ptr<const Document> document;
  std::vector<std::size_t> sentence_begin, sentence_end;    // code points
  std::vector<std::size_t> paragraph_begin, paragraph_end;  // code points
};

// A bitext as Python sees it. `name` is the path it was read from, or empty.
struct BitextHandle {
  BitextHandle(std::shared_ptr<const corpora::Bitext> b, std::string n);
  std::shared_ptr<const corpora::Bitext> bitext;
  std::string name;
  std::shared_ptr<DocumentHandle> source;
  std::shared_ptr<DocumentHandle> target;
};

// The compact side-by-side view of a bitext for notebooks (Bitext._repr_html_): the first
// `max_beads` beads as the report draws them, in an iframe so that its style stays inside.
std::string BitextHtml(const corpora::Bitext& bitext, std::size_t max_beads);

void BindDocument(py::module_& m);
void BindBitext(py::module_& m);
void BindAligner(py::module_& m);
void BindConcordance(py::module_& m);

}  // namespace tandem::python
