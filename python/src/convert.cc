// Conversions at the boundary between the library and Python (binding.h).
#include <Python.h>
#include <pybind11/stl.h>
#include <string>
#include <string_view>
#include <vector>

#include "binding.h"

namespace tandem::python {

std::size_t CodePointCursor::operator()(std::size_t byte) {
  if (byte < byte_) {
    byte_ = 0;
    code_points_ = 0;
  }
  for (; byte_ < byte && byte_ < text_.size(); ++byte_) {
    // Every byte that is not a continuation byte (10xxxxxx) starts a code point.
    if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++code_points_;
  }
  return code_points_;
}

py::str Str(std::string_view utf8) {
  PyObject* object =
      PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), "replace");
  if (object == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(object);
}

std::string PathArgument(const py::handle& path) {
  py::object fspath = py::module_::import("os").attr("fspath")(path);
  if (!py::isinstance<py::str>(fspath)) {
    throw py::type_error("a path must be a str or an os.PathLike giving a str");
  }
  return fspath.cast<std::string>();
}

void EmitWarnings(const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings) {
    if (PyErr_WarnEx(PyExc_UserWarning, warning.c_str(), 1) != 0) throw py::error_already_set();
  }
}

py::object ToPandas(const py::list& records, const std::vector<std::string>& columns) {
  py::module_ pandas;
  try {
    pandas = py::module_::import("pandas");
  } catch (py::error_already_set& error) {
    if (!error.matches(PyExc_ImportError)) throw;
    throw py::import_error(
        "to_pandas() needs pandas, which is not installed (Debian: apt install python3-pandas; "
        "elsewhere: pip install pandas); to_records() gives the same rows as dicts");
  }
  return pandas.attr("DataFrame").attr("from_records")(records, py::arg("columns") = columns);
}

}  // namespace tandem::python
