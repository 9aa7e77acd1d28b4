// tandem.Aligner and tandem.align: made once for a language pair (it holds the prepared
// dictionaries and the segmenters), it aligns any number of pairs from any number of threads.
#include "tandem/align/aligner.h"

#include <memory>
#include <optional>
#include <pybind11/stl.h>
#include <string>
#include <utility>
#include <vector>

#include "binding.h"
#include "tandem/core/segmenter.h"
#include "tandem/core/text_io.h"
#include "tandem/core/version.h"
#include "tandem/corpora/pipeline.h"
#include "tandem/tei/formats.h"

namespace tandem::python {
namespace {

// One side of an alignment as Python gave it, taken while the GIL is held and turned into a
// Document after it is released.
struct PendingText {
  std::shared_ptr<const Document> document;  // a tandem.Document
  std::optional<std::string> text;           // raw text (str or UTF-8 bytes) to segment
  std::vector<std::string> sentences;        // a list of sentences
};

PendingText TakeText(const py::handle& object, const char* side) {
  PendingText out;
  if (py::isinstance<DocumentHandle>(object)) {
    out.document = object.cast<const DocumentHandle&>().document;
  } else if (py::isinstance<py::str>(object) || py::isinstance<py::bytes>(object)) {
    out.text = object.cast<std::string>();
  } else {
    try {
      for (const py::handle sentence : object) {
        if (!py::isinstance<py::str>(sentence)) throw py::cast_error();
        out.sentences.push_back(sentence.cast<std::string>());
      }
    } catch (const py::error_already_set&) {
      throw py::type_error(std::string("the ") + side +
                           " text must be a str, a tandem.Document or a list of sentences (str)");
    } catch (const py::cast_error&) {
      throw py::type_error(std::string("the ") + side +
                           " text must be a str, a tandem.Document or a list of sentences (str)");
    }
  }
  return out;
}

// A document of the given sentences: one paragraph, the sentences one per line.
StatusOr<Document> DocumentFromSentences(std::vector<std::string> sentences,
                                         const std::string& language, const std::string& name) {
  Document document;
  document.name = name;
  document.language = language;
  document.synthetic = true;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    TANDEM_RETURN_IF_ERROR(CheckUtf8(sentences[i], name));
    if (sentences[i].empty()) {
      return InvalidArgumentError(name + ": sentence " + std::to_string(i) + " is empty");
    }
    if (i > 0) document.text += '\n';
    const std::size_t begin = document.text.size();
    document.text += sentences[i];
    document.sentences.push_back({.span = {begin, document.text.size()}, .paragraph = 0});
  }
  if (!sentences.empty()) {
    document.paragraphs.push_back({.span = {0, document.text.size()},
                                   .first_sentence = 0,
                                   .sentence_count = sentences.size()});
  }
  TANDEM_RETURN_IF_ERROR(ValidateDocument(document));
  return document;
}

class PyAligner {
 public:
  PyAligner(const std::string& source_lang, const std::string& target_lang,
            const py::object& dictionary, std::size_t max_bead, bool learn, std::size_t threads,
            const std::string& paragraphs, const py::object& cache_directory,
            const py::object& freedict_directory) {
    corpora::DictionaryRequest request;
    if (dictionary.is_none()) {
      request.specs = {"none"};
    } else if (py::isinstance<py::str>(dictionary) || py::hasattr(dictionary, "__fspath__")) {
      request.specs = {PathArgument(dictionary)};
    } else {
      request.specs.clear();
      for (const py::handle spec : dictionary) request.specs.push_back(PathArgument(spec));
    }
    if (!cache_directory.is_none()) request.cache_directory = PathArgument(cache_directory);
    if (!freedict_directory.is_none()) {
      request.freedict_directory = PathArgument(freedict_directory);
    }
    const align::AlignOptions options{.max_bead = max_bead, .threads = threads, .learn = learn};
    SegmentOptions source_options{.language = source_lang};
    SegmentOptions target_options{.language = target_lang};
    if (paragraphs == "blank-lines") {
      source_options.paragraphs = target_options.paragraphs = ParagraphMode::kBlankLines;
    } else if (paragraphs == "lines") {
      source_options.paragraphs = target_options.paragraphs = ParagraphMode::kLines;
    } else if (paragraphs != "auto") {
      throw StatusError(InvalidArgumentError("unknown paragraph mode \"" + paragraphs +
                                             "\" (expected auto, blank-lines or lines)"));
    }
    std::vector<std::string> warnings;
    {
      py::gil_scoped_release release;
      // The segmenters first: they refuse a language ICU does not know with a clear message.
      source_segmenter_ = std::make_unique<Segmenter>(Take(Segmenter::Create(source_options)));
      target_segmenter_ = std::make_unique<Segmenter>(Take(Segmenter::Create(target_options)));
      aligner_ = Take(corpora::MakeAligner(
          request, source_lang, target_lang, options,
          [&warnings](const std::string& message) { warnings.push_back(message); }));
    }
    EmitWarnings(warnings);
  }

  std::shared_ptr<BitextHandle> Align(const py::object& source, const py::object& target) const {
    PendingText source_text = TakeText(source, "source");
    PendingText target_text = TakeText(target, "target");
    std::shared_ptr<const corpora::Bitext> bitext;
    {
      py::gil_scoped_release release;
      auto made = std::make_shared<corpora::Bitext>();
      made->source = Prepare(std::move(source_text), *source_segmenter_, "source");
      made->target = Prepare(std::move(target_text), *target_segmenter_, "target");
      Check(corpora::CheckAlignable(made->source, made->target, aligner_->options().max_bead));
      align::AlignInput input = align::InputFromDocuments(made->source, made->target);
      input.source_language.clear();  // the aligner's own
      input.target_language.clear();
      made->ladder = Take(aligner_->Align(input));
      Record(*made);
      bitext = std::move(made);
    }
    return std::make_shared<BitextHandle>(std::move(bitext), "");
  }

  std::shared_ptr<BitextHandle> AlignFiles(const py::object& source_path,
                                           const py::object& target_path,
                                           const std::string& source_encoding,
                                           const std::string& target_encoding,
                                           bool presegmented) const {
    corpora::AlignFilesRequest request;
    request.source_path = PathArgument(source_path);
    request.target_path = PathArgument(target_path);
    request.source_language = aligner_->source_language();
    request.target_language = aligner_->target_language();
    request.presegmented = presegmented;
    request.paragraphs = source_segmenter_->options().paragraphs;
    request.source_decode = {.encoding = source_encoding, .encoding_option = "source_encoding="};
    request.target_decode = {.encoding = target_encoding, .encoding_option = "target_encoding="};
    request.aligner = aligner_;
    std::vector<std::string> warnings;
    request.warn = [&warnings](const std::string& message) { warnings.push_back(message); };
    request.load_input = tei::AlignInputLoader(request.warn);
    std::shared_ptr<const corpora::Bitext> bitext;
    {
      py::gil_scoped_release release;
      bitext = std::make_shared<const corpora::Bitext>(Take(corpora::AlignFiles(request)));
    }
    EmitWarnings(warnings);
    return std::make_shared<BitextHandle>(std::move(bitext), "");
  }

  const align::Aligner& aligner() const { return *aligner_; }

 private:
  static Document Prepare(PendingText pending, const Segmenter& segmenter, const char* name) {
    if (pending.document) return *pending.document;
    if (pending.text) {
      return Take(segmenter.Segment(Take(DecodeText(std::move(*pending.text), name)), name));
    }
    return Take(
        DocumentFromSentences(std::move(pending.sentences), segmenter.options().language, name));
  }

  // What the alignment records of itself, as the file pipeline records it.
  void Record(corpora::Bitext& bitext) const {
    bitext.alignment.version = kVersion;
    bitext.alignment.parameters = align::DescribeOptions(aligner_->options());
    std::string names;
    for (const auto& lexicon : aligner_->lexicons()) {
      bitext.alignment.dictionaries.push_back(lexicon->name());
      names += (names.empty() ? "" : ", ") + lexicon->name();
    }
    bitext.alignment.parameters.emplace_back("dictionaries", names.empty() ? "none" : names);
  }

  std::unique_ptr<Segmenter> source_segmenter_;
  std::unique_ptr<Segmenter> target_segmenter_;
  std::shared_ptr<const align::Aligner> aligner_;
};

constexpr const char* kAlignerDoc =
    R"(An aligner for one language pair, made once, for any number of pairs of texts.

source_lang, target_lang: BCP 47 languages ("en", "hu"); one ICU does not know raises
  tandem.InvalidArgumentError (a ValueError).
dictionary: "auto" (Debian's FreeDict dictionaries of the pair, prepared once and kept in the
  cache), None (no dictionary), or the path of a dictionary (tab-separated or hunalign .dic), or a
  list of such specs.
max_bead: the most sentences on one side of a bead (1-8).
learn: run the second pass (re-estimates the model and learns a lexicon from the texts).
threads: threads of one alignment's search; 0 is one per core. Several Python threads may call
  align() on one Aligner at once (the GIL is released while it works): then 1 is best.
paragraphs: how raw text is split into paragraphs: "auto", "blank-lines" or "lines".
cache_directory: where prepared dictionaries are kept (None: the user's cache, "none": nowhere).
freedict_directory: where FreeDict's files are (None: /usr/share/dictd).)";

}  // namespace

void BindAligner(py::module_& m) {
  py::class_<PyAligner, std::shared_ptr<PyAligner>>(m, "Aligner", kAlignerDoc)
      .def(py::init<const std::string&, const std::string&, const py::object&, std::size_t, bool,
                    std::size_t, const std::string&, const py::object&, const py::object&>(),
           py::arg("source_lang"), py::arg("target_lang"), py::arg("dictionary") = "auto",
           py::arg("max_bead") = 4, py::arg("learn") = true, py::arg("threads") = 0,
           py::arg("paragraphs") = "auto", py::arg("cache_directory") = py::none(),
           py::arg("freedict_directory") = py::none())
      .def("align", &PyAligner::Align, py::arg("source"), py::arg("target"),
           R"(Aligns two texts and returns a Bitext.

Each text is a str (segmented into sentences with the aligner's language), UTF-8 bytes, a
tandem.Document (from tandem.segment), or a list of sentences (str), kept as they are.)")
      .def("align_files", &PyAligner::AlignFiles, py::arg("source_path"), py::arg("target_path"),
           py::arg("source_encoding") = "", py::arg("target_encoding") = "",
           py::arg("presegmented") = false,
           R"(Reads, segments and aligns two files, as `tandem align` does (plain text in any
encoding, or TEI with its own sentences). A missing file raises tandem.NotFoundError, invalid
UTF-8 tandem.InvalidDataError naming the file, line and column.)")
      .def_property_readonly("source_lang",
                             [](const PyAligner& a) { return a.aligner().source_language(); })
      .def_property_readonly("target_lang",
                             [](const PyAligner& a) { return a.aligner().target_language(); })
      .def_property_readonly(
          "dictionaries",
          [](const PyAligner& a) {
            std::vector<std::string> names;
            for (const auto& lexicon : a.aligner().lexicons()) names.push_back(lexicon->name());
            return names;
          },
          "the names of the dictionaries it holds")
      .def_property_readonly("max_bead",
                             [](const PyAligner& a) { return a.aligner().options().max_bead; })
      .def("__repr__", [](const PyAligner& a) {
        return py::str("<tandem.Aligner {}-{}, dictionaries {}>")
            .format(a.aligner().source_language(), a.aligner().target_language(),
                    py::cast(a.aligner().lexicons().size()));
      });

  m.def(
      "align",
      [](const py::object& source, const py::object& target, const std::string& source_lang,
         const std::string& target_lang, const py::object& dictionary, std::size_t max_bead,
         bool learn, std::size_t threads) {
        const PyAligner aligner(source_lang, target_lang, dictionary, max_bead, learn, threads,
                                "auto", py::none(), py::none());
        return aligner.Align(source, target);
      },
      py::arg("source"), py::arg("target"), py::arg("source_lang"), py::arg("target_lang"),
      py::arg("dictionary") = "auto", py::arg("max_bead") = 4, py::arg("learn") = true,
      py::arg("threads") = 0,
      R"(Aligns two texts once: tandem.Aligner(source_lang, target_lang, ...).align(source, target).
Make an Aligner to align many pairs: it prepares the dictionaries once.)");
}

}  // namespace tandem::python
