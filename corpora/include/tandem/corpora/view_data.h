// The data the web view of a bitext reads (corpora/web/bitext_view.js): what `tandem report`
// embeds in its page and what `tandem review` sends to its editor, as JSON text.
//
//   std::string json = tandem::corpora::ViewDataJson(bitext);
//
// The layout (one object; sentence and bead indices 0-based):
//   {"title": "...",
//    "source": {"name": "en.txt", "language": "en", "sentences": ["One.", ...],
//               "paragraphs": [0, 2, ...]},            first sentence of each paragraph
//    "target": {...},
//    "beads": [[source_begin, source_count, target_begin, target_count, confidence], ...],
//    "review": [null | {"s": "confirmed", "r": "reviewer", "t": "2026-...", "n": "note",
//                       "b": true}, ...]}             one per bead; null for the default record
// A patch (ViewPatchJson) replaces beads [first, first + remove) with its beads and records:
//   {"first": 4, "remove": 2, "beads": [[...]], "review": [...]}
#pragma once

#include <string>

#include "tandem/corpora/bitext.h"
#include "tandem/corpora/review.h"

namespace tandem::corpora {

// Characters that could end a <script> element or start markup ('<', '>', '&') are written as
// \u escapes, so the text can be embedded in HTML as it is. Invalid UTF-8 (which a valid
// Document cannot hold) would be replaced by U+FFFD.
std::string ViewDataJson(const Bitext& bitext);

// A patch as the page applies it to its copy of the view data (the same escaping).
std::string ViewPatchJson(const LadderPatch& patch);

// The title shown for a bitext: its own, or "<source title> / <target title>", a text's title
// being its TextInfo title or else its file name.
std::string ViewTitle(const Bitext& bitext);

}  // namespace tandem::corpora
