// JSON Lines: one bead per line, each side's sentences with their text, byte span, position,
// paragraph and id, and the bead's review record when it has one.
//
//   {"bead":0,"confidence":0.981,"review":{"reviewer":"ann","status":"confirmed"},
//    "source":[{"begin":0,"end":12,"index":0,"paragraph":0,"text":"L.D. Trotsky"}],
//    "target":[{"begin":310,"end":402,"id":"hu.s7","index":4,"paragraph":2,"text":"..."}],
//    "type":"1:1"}
//
// (one line in the file; wrapped here). Keys are in alphabetical order. Spans are [begin, end)
// UTF-8 byte offsets into the input text (after conversion to UTF-8, when the input was in
// another encoding); "id" appears when the sentence carries one of its own; "review" only for
// beads someone reviewed (its keys: status, reviewer, time, note, bookmark, each only when set).
//
// ReadJsonl reads what WriteJsonl writes back into a Bitext: ladder, confidences, review
// records, sentence texts, spans, ids and paragraphs. JSON Lines carries no languages, file
// names or metadata (give the languages in the options); a file written with a filter (some
// beads left out) reads back as the beads that are in it.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "format_options.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

Status WriteJsonl(const Bitext& bitext, std::ostream& out, const ExportFilter& filter = {});

// `name` is used in messages ("pairs.jsonl:12: ...").
StatusOr<Bitext> ParseJsonl(std::string_view text, std::string_view name,
                            const FormatReadOptions& options = {});
StatusOr<Bitext> ReadJsonlFile(const std::string& path, const FormatReadOptions& options = {});

}  // namespace tandem::corpora
