// tandem.segment and the Document, Sentence and Paragraph classes.
#include <map>
#include <memory>
#include <mutex>
#include <pybind11/stl.h>
#include <string>
#include <utility>
#include <vector>

#include "binding.h"
#include "tandem/core/segmenter.h"
#include "tandem/core/text_io.h"

namespace tandem::python {
namespace {

struct PySentence {
  std::size_t index = 0;
  std::string text;
  std::size_t start = 0;  // code points into the document's text
  std::size_t end = 0;
  std::size_t paragraph = 0;
  std::string id;
};

struct PyParagraph {
  std::size_t index = 0;
  std::string text;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string kind;
  std::size_t first_sentence = 0;
  std::size_t sentence_count = 0;
};

PySentence SentenceAt(const DocumentHandle& handle, std::size_t i) {
  const Document& d = *handle.document;
  return {.index = i,
          .text = std::string(d.SentenceText(i)),
          .start = handle.sentence_begin[i],
          .end = handle.sentence_end[i],
          .paragraph = d.sentences[i].paragraph,
          .id = d.sentences[i].id};
}

PyParagraph ParagraphAt(const DocumentHandle& handle, std::size_t i) {
  const Document& d = *handle.document;
  const Paragraph& p = d.paragraphs[i];
  return {.index = i,
          .text = std::string(d.ParagraphText(i)),
          .start = handle.paragraph_begin[i],
          .end = handle.paragraph_end[i],
          .kind = std::string(ParagraphKindName(p.kind)),
          .first_sentence = p.first_sentence,
          .sentence_count = p.sentence_count};
}

std::size_t Index(std::ptrdiff_t i, std::size_t size) {
  const auto n = static_cast<std::ptrdiff_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw py::index_error("sentence index out of range");
  return static_cast<std::size_t>(i);
}

ParagraphMode ParagraphModeFromName(const std::string& name) {
  if (name == "auto") return ParagraphMode::kAuto;
  if (name == "blank-lines") return ParagraphMode::kBlankLines;
  if (name == "lines") return ParagraphMode::kLines;
  throw StatusError(InvalidArgumentError("unknown paragraph mode \"" + name +
                                         "\" (expected auto, blank-lines or lines)"));
}

// Segmenters compile ICU's rules when made: tandem.segment keeps one per language and mode.
const Segmenter& CachedSegmenter(const SegmentOptions& options) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Segmenter>> cache;
  const std::string key = options.language + '\n' +
                          std::to_string(static_cast<int>(options.paragraphs)) +
                          (options.presegmented ? "p" : "");
  std::lock_guard lock(mutex);
  auto found = cache.find(key);
  if (found != cache.end()) return *found->second;
  auto segmenter = std::make_unique<Segmenter>(Take(Segmenter::Create(options)));
  return *cache.emplace(key, std::move(segmenter)).first->second;
}

std::shared_ptr<DocumentHandle> Segment(const py::object& text, const std::string& language,
                                        const std::string& paragraphs, bool presegmented,
                                        const std::string& name) {
  SegmentOptions options{.language = language,
                         .paragraphs = ParagraphModeFromName(paragraphs),
                         .presegmented = presegmented};
  if (!py::isinstance<py::bytes>(text) && !py::isinstance<py::str>(text)) {
    throw py::type_error("segment() takes the text as str (or UTF-8 bytes)");
  }
  std::string utf8 = text.cast<std::string>();
  std::shared_ptr<const Document> document;
  {
    py::gil_scoped_release release;
    // A str is valid UTF-8 already; DecodeText still refuses what no text holds (NUL).
    DecodedText decoded = Take(DecodeText(std::move(utf8), name));
    document = std::make_shared<const Document>(
        Take(CachedSegmenter(options).Segment(std::move(decoded), name)));
  }
  return std::make_shared<DocumentHandle>(std::move(document));
}

py::dict SentenceRecord(const PySentence& s) {
  py::dict record;
  record["sentence"] = s.index;
  record["paragraph"] = s.paragraph;
  record["start"] = s.start;
  record["end"] = s.end;
  record["text"] = Str(s.text);
  return record;
}

py::list SentenceRecords(const DocumentHandle& handle) {
  py::list records;
  for (std::size_t i = 0; i < handle.document->sentences.size(); ++i) {
    records.append(SentenceRecord(SentenceAt(handle, i)));
  }
  return records;
}

}  // namespace

DocumentHandle::DocumentHandle(std::shared_ptr<const Document> d) : document(std::move(d)) {
  CodePointCursor sentences(document->text);
  for (const Sentence& s : document->sentences) {
    sentence_begin.push_back(sentences(s.span.begin));
    sentence_end.push_back(sentences(s.span.end));
  }
  CodePointCursor paragraphs(document->text);
  for (const Paragraph& p : document->paragraphs) {
    paragraph_begin.push_back(paragraphs(p.span.begin));
    paragraph_end.push_back(paragraphs(p.span.end));
  }
}

void BindDocument(py::module_& m) {
  py::class_<PySentence>(m, "Sentence",
                         "A sentence: its text and where it is in its document's text "
                         "(start and end are str indices: text == document.text[start:end]).")
      .def_readonly("index", &PySentence::index, "index of the sentence in its document")
      .def_property_readonly("text", [](const PySentence& s) { return Str(s.text); })
      .def_readonly("start", &PySentence::start, "index of its first character in the text")
      .def_readonly("end", &PySentence::end, "index just past its last character")
      .def_readonly("paragraph", &PySentence::paragraph, "index of its paragraph")
      .def_readonly("id", &PySentence::id, "its id in the file it was read from, or ''")
      .def("__str__", [](const PySentence& s) { return Str(s.text); })
      .def("__repr__", [](const PySentence& s) {
        return py::str("Sentence({}, {}:{}, {!r})").format(s.index, s.start, s.end, Str(s.text));
      });

  py::class_<PyParagraph>(m, "Paragraph",
                          "A paragraph: its text, its place in the document's text (str "
                          "indices) and the range of its sentences.")
      .def_readonly("index", &PyParagraph::index)
      .def_property_readonly("text", [](const PyParagraph& p) { return Str(p.text); })
      .def_readonly("start", &PyParagraph::start)
      .def_readonly("end", &PyParagraph::end)
      .def_readonly("kind", &PyParagraph::kind, "'text', 'heading' or 'list-item'")
      .def_property_readonly(
          "sentences",
          [](const PyParagraph& p) {
            return py::module_::import("builtins")
                .attr("range")(p.first_sentence, p.first_sentence + p.sentence_count);
          },
          "the indices of its sentences, a range")
      .def("__repr__", [](const PyParagraph& p) {
        return py::str("Paragraph({}, {}:{}, {}, sentences {}-{})")
            .format(p.index, p.start, p.end, p.kind, p.first_sentence,
                    p.first_sentence + p.sentence_count);
      });

  py::class_<DocumentHandle, std::shared_ptr<DocumentHandle>>(
      m, "Document",
      "A segmented text: the text as it was given and its sentences and paragraphs. A sequence "
      "of Sentence: len(doc), doc[i], for sentence in doc.")
      .def_property_readonly("text", [](const DocumentHandle& h) { return Str(h.document->text); })
      .def_property_readonly("language",
                             [](const DocumentHandle& h) { return h.document->language; })
      .def_property_readonly("name", [](const DocumentHandle& h) { return h.document->name; })
      .def_property_readonly(
          "sentences",
          [](const DocumentHandle& h) {
            std::vector<PySentence> out;
            for (std::size_t i = 0; i < h.document->sentences.size(); ++i) {
              out.push_back(SentenceAt(h, i));
            }
            return out;
          },
          "every Sentence, in order")
      .def_property_readonly(
          "paragraphs",
          [](const DocumentHandle& h) {
            std::vector<PyParagraph> out;
            for (std::size_t i = 0; i < h.document->paragraphs.size(); ++i) {
              out.push_back(ParagraphAt(h, i));
            }
            return out;
          },
          "every Paragraph, in order")
      .def("__len__", [](const DocumentHandle& h) { return h.document->sentences.size(); })
      .def("__getitem__",
           [](const DocumentHandle& h, std::ptrdiff_t i) {
             return SentenceAt(h, Index(i, h.document->sentences.size()));
           })
      .def("__iter__", [](const py::object& self) { return py::iter(self.attr("sentences")); })
      .def("to_records", &SentenceRecords,
           "one dict per sentence: sentence, paragraph, start, end, text")
      .def(
          "to_pandas",
          [](const DocumentHandle& h) {
            return ToPandas(SentenceRecords(h), {"sentence", "paragraph", "start", "end", "text"});
          },
          "the sentences as a pandas DataFrame (the columns of to_records())")
      .def("__repr__", [](const DocumentHandle& h) {
        return py::str("<tandem.Document {!r} ({}): {} sentences, {} paragraphs>")
            .format(h.document->name, h.document->language, h.document->sentences.size(),
                    h.document->paragraphs.size());
      });

  m.def("segment", &Segment, py::arg("text"), py::arg("lang"), py::arg("paragraphs") = "auto",
        py::arg("presegmented") = false, py::arg("name") = "text",
        R"(Splits a text into paragraphs and sentences.

text: a str, or bytes in UTF-8 (invalid UTF-8 raises tandem.InvalidDataError naming the line and
  column).
lang: the BCP 47 language of the text ("en", "hu", ...); one ICU does not know raises
  tandem.InvalidArgumentError (a ValueError).
paragraphs: "auto" (blank lines, and hard-wrapped lines joined), "blank-lines" or "lines".
presegmented: every non-blank line is one sentence, a blank line ends a paragraph.
name: names the text in messages.

Returns a Document; each sentence's start and end are str indices into text.)");
}

}  // namespace tandem::python
