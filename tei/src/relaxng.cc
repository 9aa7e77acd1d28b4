// RELAX NG validation with libxml2 (tandem validate --schema): the schema is compiled once per
// call, the document is read as a stream by libxml2's xmlTextReader, which validates each element
// as it passes (and builds a subtree only where a content model needs one), so memory does not
// grow with the size of the corpus.
#include <cstddef>
#include <filesystem>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "tandem/tei/validate.h"
#include "tei_schemas.h"

namespace tandem::tei {
namespace {

// Collects libxml2's messages as problems of the report, up to the limit.
struct ErrorSink {
  ValidationReport* report = nullptr;
  std::string file;  // the name problems carry when libxml2 names none (the schema in memory)
  std::size_t limit = 0;
};

std::string Trimmed(const char* message) {
  std::string text = message == nullptr ? std::string() : std::string(message);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// libxml2 calls this for every parser, schema and validity error. The report keeps the file,
// line and message; warnings (an external DTD that cannot be loaded is one) are not problems of
// the document's validity and are dropped.
void OnError(void* data, xmlErrorPtr error) {
  auto* sink = static_cast<ErrorSink*>(data);
  if (error == nullptr || error->level == XML_ERR_WARNING) return;
  std::string message = Trimmed(error->message);
  ValidationReport& report = *sink->report;
  if (report.problems.size() >= sink->limit) {
    ++report.omitted;
    return;
  }
  ValidationProblem problem;
  problem.file = error->file != nullptr ? std::string(error->file) : sink->file;
  problem.line = error->line > 0 ? static_cast<std::size_t>(error->line) : 0;
  problem.column = error->int2 > 0 ? static_cast<std::size_t>(error->int2) : 0;
  // "element link: Relax-NG validity error : Element link failed to validate attributes":
  // libxml2 names the element in the message already.
  problem.message = std::move(message);
  report.problems.push_back(std::move(problem));
}

struct SchemaDeleter {
  void operator()(xmlRelaxNGPtr p) const { xmlRelaxNGFree(p); }
};
struct ParserDeleter {
  void operator()(xmlRelaxNGParserCtxtPtr p) const { xmlRelaxNGFreeParserCtxt(p); }
};
struct ReaderDeleter {
  void operator()(xmlTextReaderPtr p) const { xmlFreeTextReader(p); }
};

// The document's own problems are the report; a schema that cannot be compiled is a Status.
StatusOr<std::unique_ptr<xmlRelaxNG, SchemaDeleter>> CompileSchema(
    const SchemaValidateOptions& options) {
  ValidationReport schema_problems;
  ErrorSink sink{&schema_problems,
                 options.schema_path.empty() ? std::string("tandem-tei.rng") : options.schema_path,
                 20};
  std::unique_ptr<xmlRelaxNGParserCtxt, ParserDeleter> parser;
  if (options.schema_path.empty()) {
    const std::string_view text = internal::TandemTeiRng();
    parser.reset(xmlRelaxNGNewMemParserCtxt(text.data(), static_cast<int>(text.size())));
  } else {
    std::error_code error;
    if (!std::filesystem::is_regular_file(options.schema_path, error)) {
      return NotFoundError(fmt::format("{}: no such schema file", options.schema_path));
    }
    parser.reset(xmlRelaxNGNewParserCtxt(options.schema_path.c_str()));
  }
  if (parser == nullptr) return InternalError("libxml2 cannot create a RELAX NG parser");
  xmlRelaxNGSetParserStructuredErrors(parser.get(), OnError, &sink);
  std::unique_ptr<xmlRelaxNG, SchemaDeleter> schema(xmlRelaxNGParse(parser.get()));
  if (schema == nullptr) {
    std::string detail = schema_problems.Format();
    while (!detail.empty() && detail.back() == '\n') detail.pop_back();
    return InvalidDataError(
        fmt::format("{}: not a RELAX NG schema libxml2 can use (XML syntax){}{}", sink.file,
                    detail.empty() ? "" : ":\n", detail));
  }
  return schema;
}

}  // namespace

std::string_view TandemTeiSchema() { return internal::TandemTeiRng(); }

StatusOr<ValidationReport> ValidateAgainstSchema(const std::string& path,
                                                 const SchemaValidateOptions& options) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return NotFoundError(fmt::format("{}: no such file", path));
  }
  if (std::filesystem::is_directory(path, error)) {
    return InvalidArgumentError(fmt::format("{}: is a directory", path));
  }
  xmlInitParser();
  TANDEM_ASSIGN_OR_RETURN(auto schema, CompileSchema(options));

  ValidationReport report;
  ErrorSink sink{&report, path, options.max_problems};
  // No network, no entity expansion, no DTD loading: a DOCTYPE's SYSTEM identifier (TMX files
  // name "tmx14.dtd") is not fetched. XML_PARSE_HUGE lifts libxml2's limits on text nodes, which
  // a long paragraph can exceed.
  std::unique_ptr<xmlTextReader, ReaderDeleter> reader(
      xmlReaderForFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_HUGE));
  if (reader == nullptr) return NotFoundError(fmt::format("{}: cannot open", path));
  xmlTextReaderSetStructuredErrorHandler(reader.get(), OnError, &sink);
  if (xmlTextReaderRelaxNGSetSchema(reader.get(), schema.get()) != 0) {
    return InternalError(fmt::format("{}: libxml2 cannot attach the schema", path));
  }
  int read = 0;
  while ((read = xmlTextReaderRead(reader.get())) == 1) {
  }
  const bool valid = xmlTextReaderIsValid(reader.get()) == 1;
  // libxml2 says "Element link failed to validate attributes", then which attribute: the first
  // line adds nothing when the second follows at the same place.
  std::vector<ValidationProblem>& problems = report.problems;
  for (std::size_t k = 0; k + 1 < problems.size();) {
    if (problems[k].message.ends_with("failed to validate attributes") &&
        problems[k + 1].line == problems[k].line && problems[k + 1].file == problems[k].file &&
        problems[k + 1].message.starts_with("Invalid attribute")) {
      problems.erase(problems.begin() + static_cast<std::ptrdiff_t>(k));
    } else {
      ++k;
    }
  }
  if ((read != 0 || !valid) && report.problems.empty() && report.omitted == 0) {
    // libxml2 said no without saying why (it does so for some content models).
    report.problems.push_back({ValidationProblem::Severity::kError, path, 0, 0,
                               read != 0 ? "not well-formed XML"
                                         : "does not match the schema (libxml2 gives no detail)"});
  }
  return report;
}

}  // namespace tandem::tei
