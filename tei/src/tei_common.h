// Private: the conventions the TEI writer and reader share (ids, category names, pointers).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "tandem/core/document.h"
#include "tandem/corpora/bitext.h"

namespace tandem::tei::internal {

inline constexpr std::string_view kTeiNamespace = "http://www.tei-c.org/ns/1.0";
inline constexpr std::string_view kAlignerId = "aligner";
inline constexpr std::string_view kBeadPrefix = "bead.";
inline constexpr std::string_view kNotePrefix = "note.";
inline constexpr std::string_view kBookmarkPrefix = "bookmark.";
inline constexpr std::string_view kReviewerPrefix = "reviewer.";
inline constexpr std::string_view kChangePrefix = "change.";
inline constexpr std::string_view kStatusTaxonomy = "review.status";
inline constexpr std::string_view kStatusPrefix = "review.";  // review.automatic, ...
inline constexpr std::string_view kUnknownVersion = "0";

// The xml:id of each text: its language when that is a plain language tag and differs between
// the two texts, else "src" and "tgt".
std::pair<std::string, std::string> TextIds(const corpora::Bitext& bitext);

// The ids tandem derives: "<text>.p<k>" and "<text>.p<k>.s<j>" (1-based).
std::string DerivedParagraphId(std::string_view text_id, std::size_t paragraph);
std::string DerivedSentenceId(std::string_view text_id, std::size_t paragraph,
                              std::size_t sentence_in_paragraph);

// True when `id` has the form of tandem's paragraph ids, "....p<k>" (tandem-tei.rng gives no
// sentence that form, so that a link can be seen to point at sentences).
bool HasParagraphIdForm(std::string_view id);

// The title written when a bitext has none.
std::string DefaultTitle(const corpora::Bitext& bitext);
// The title of a text's header when its TextInfo has none: the file name.
std::string DefaultTextTitle(const Document& doc);

// "FILE#byte=BEGIN,END".
std::string SpanPointer(std::string_view file_uri, const Span& span);
// Splits a pointer written by SpanPointer; nullopt when it is not of that form.
struct ParsedSpanPointer {
  std::string file;  // the URI part, still escaped
  Span span;
};
std::optional<ParsedSpanPointer> ParseSpanPointer(std::string_view pointer);

// Paths in a bitext file. A relative path written into a bitext file (the @source and ptr
// pointers and the idno path of a TEI file, TMX's x-tandem-*-name) is relative to the directory
// of that file, wherever tandem runs. In memory, a Document's name is a path as this process opens
// it: relative to the working directory, or absolute. Every writer converts with PathInBitextFile,
// every reader with PathFromBitextFile, so a bitext read in one directory and written to another
// still names the same files. Names that are not paths ("", "-", "<stdin>") pass unchanged.
//
// `name` as written into the bitext file `bitext_path` ("" or "-": standard output, taken to be
// in the working directory). Directories are compared with symbolic links resolved, so that the
// path leads to the file from where the bitext file really lies; the file name itself is kept (a
// link such as git-annex's stays the link).
std::string PathInBitextFile(const std::string& name, const std::string& bitext_path);
// A path read from the bitext file `bitext_path`, as this process opens it. Absolute paths come
// back unchanged.
std::string PathFromBitextFile(const std::string& stored, const std::string& bitext_path);
// True when `name` names no file ("", "-", "<stdin>").
bool IsPathlessName(std::string_view name);
// True when a pointer has a URI scheme ("http://...", "urn:..."): not a path in the file system.
bool HasUriScheme(std::string_view pointer);

}  // namespace tandem::tei::internal
