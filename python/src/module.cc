// The extension module tandem._tandem; the package tandem (python/tandem/__init__.py) re-exports
// it with the exception classes (tandem/_errors.py). docs/python.md is the user's guide.
#include <Python.h>
#include <pybind11/stl.h>
#include <string>
#include <vector>

#include "binding.h"
#include "tandem/core/language.h"
#include "tandem/core/segmenter.h"
#include "tandem/core/version.h"
#include "tandem/tei/formats.h"

namespace tandem::python {
namespace {

// Raises the subclass of tandem.Error for the status's code, with the library's message.
void RaiseStatus(const Status& status) {
  const std::string code(StatusCodeName(status.code()));
  try {
    const py::object errors = py::module_::import("tandem._errors");
    const py::object type = errors.attr("error_class")(code);
    const py::object error = type(status.message());
    error.attr("code") = code;
    PyErr_SetObject(type.ptr(), error.ptr());
  } catch (py::error_already_set& failure) {
    failure.restore();
  }
}

}  // namespace
}  // namespace tandem::python

PYBIND11_MODULE(_tandem, m) {
  namespace py = pybind11;
  using namespace tandem::python;  // NOLINT(google-build-using-namespace)
  m.doc() = "tandem's C++ library for Python: segment, align, read, write, evaluate, concord";
  m.attr("__version__") = tandem::kVersion;
  py::register_exception_translator([](std::exception_ptr exception) {
    try {
      if (exception) std::rethrow_exception(exception);
    } catch (const StatusError& error) {
      RaiseStatus(error.status());
    }
  });
  BindDocument(m);
  BindBitext(m);
  BindAligner(m);
  BindConcordance(m);
  m.def(
      "formats",
      [] {
        std::vector<std::string> names;
        for (tandem::tei::Format f : tandem::tei::AllFormats()) {
          names.emplace_back(tandem::tei::FormatName(f));
        }
        return names;
      },
      "the names of the formats read() and Bitext.write() take");
  m.def("segmentation_languages", &tandem::SegmentationRuleLanguages,
        "the languages with segmentation rules of their own (every other language ICU knows is "
        "segmented with the default rules)");
  m.def("is_known_language", &tandem::IsKnownLanguage, py::arg("lang"),
        "True when ICU knows the language of the BCP 47 tag");
}
