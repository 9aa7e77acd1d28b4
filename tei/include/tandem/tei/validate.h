// Checks of a TEI parallel corpus: against tandem's RELAX NG schema of the TEI it writes
// (`tandem validate --schema FILE`; ValidateAgainstSchema below), and the checks no schema can
// express (`tandem validate FILE`; ValidateTeiFile). RELAX NG checks elements, attributes and the
// forms of their values; it does not check that ids are unique, that pointers lead somewhere, or
// what an alignment means. ValidateTeiFile does:
//
// - ids: every xml:id is unique (in each file);
// - pointers: every "#id" in @target, @ana, @resp, @change, @who, @domains, @corresp, @ref, ...
//   resolves in the file (or, for "FILE#id", in that file beside it); @source byte spans
//   (FILE#byte=B,E) are well formed, lie inside their paragraph and follow each other;
// - sentences: no <s> inside an <s>; no empty sentence (tandem cannot read one);
// - the alignment (the linkGrp of type alignment): every link points to sentences only, each
//   in one of the two texts @domains names, at least one on each side (a <ptr> of type
//   unaligned: one side only); the sentences of each side of a link are consecutive; each
//   sentence is in at most one link; links follow the order of both texts; @cert is in [0, 1];
//   sentences in no link are reported as warnings;
// - the review information: each link has exactly one status category of the review.status
//   taxonomy (when the file declares it), @resp names a respStmt or the application, @change a
//   change with a date, a reviewed (confirmed or edited) link is not attributed to the aligner,
//   and every annotation points to a link of the alignment.
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::tei::ValidationReport report,
//                           tandem::tei::ValidateTeiFile("pair.tei.xml"));
//   std::cout << report.Format();          // "pair.tei.xml:12:7: error: ..."
//   return report.errors() == 0;
//
// The file is read in batches, as by the reader, so any size can be checked.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/status.h"

namespace tandem::tei {

struct ValidationProblem {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  std::string file;
  std::size_t line = 0;  // 1-based; 0 when the problem has no place in the file
  std::size_t column = 0;
  std::string message;
};

struct ValidationReport {
  std::vector<ValidationProblem> problems;  // in file order within each kind of check
  std::size_t omitted = 0;                  // problems not listed beyond the limit
  std::size_t sentences = 0;
  std::size_t links = 0;

  std::size_t errors() const;
  std::size_t warnings() const;
  // One line per problem, "file:line:column: error: message", then a summary line.
  std::string Format() const;
};

struct ValidateOptions {
  // At most this many problems are listed (the rest are counted).
  std::size_t max_problems = 200;
};

// Fails only when the file cannot be read; a malformed file is a report with one error.
StatusOr<ValidationReport> ValidateTeiFile(const std::string& path,
                                           const ValidateOptions& options = {});

// tandem's RELAX NG schema (XML syntax) of the TEI it writes, tei/schema/tandem-tei.rng, built
// into the library and installed as share/tandem/schema/tandem-tei.rng: a restriction of TEI P5's
// tei_all to the elements and attributes tandem writes, with the forms of its ids, @cert in
// [0, 1], @ana from the review taxonomy and links that point at sentences (the file explains).
std::string_view TandemTeiSchema();

struct SchemaValidateOptions {
  // The schema: empty for TandemTeiSchema(), else the path of a RELAX NG schema in XML syntax
  // (tmx14.rng beside tandem-tei.rng, for tandem's TMX files).
  std::string schema_path;
  // At most this many problems are listed (the rest are counted).
  std::size_t max_problems = 200;
};

// Validates the file against a RELAX NG schema with libxml2, reading it as a stream, so any size
// can be checked. Each problem is an error with the file, line and libxml2's message; a file
// that is not well-formed XML is a report with its parse error. Fails when the file cannot be
// read or the schema cannot be compiled.
StatusOr<ValidationReport> ValidateAgainstSchema(const std::string& path,
                                                 const SchemaValidateOptions& options = {});

}  // namespace tandem::tei
