// Small hand-made bitexts for the corpora and TEI tests.
#pragma once

#include "tandem/corpora/bitext.h"

namespace tandem::testing {

// source (en):  "One. Two three.\n\nFour."
// target (hu):  "Egy. Kettő. Három.\n\nNégy. Öt."
// ladder:       [0]:[0] 1:1, [1]:[1, 2] 1:2, [2]:[3] 1:1, []:[4] 0:1
inline corpora::Bitext SmallBitext() {
  corpora::Bitext bitext;
  Document& source = bitext.source;
  source.name = "/data/en.txt";
  source.language = "en";
  source.text = "One. Two three.\n\nFour.";
  source.paragraphs = {{{0, 15}, 0, 2, ParagraphKind::kText, {}},
                       {{17, 22}, 2, 1, ParagraphKind::kText, {}}};
  source.sentences = {{{0, 4}, 0, {}}, {{5, 15}, 0, {}}, {{17, 22}, 1, {}}};

  Document& target = bitext.target;
  target.name = "/data/hu.txt";
  target.language = "hu";
  target.text = "Egy. Kett\xC5\x91. H\xC3\xA1rom.\n\nN\xC3\xA9gy. \xC3\x96t.";
  target.paragraphs = {{{0, 20}, 0, 3, ParagraphKind::kText, {}},
                       {{22, 33}, 3, 2, ParagraphKind::kText, {}}};
  target.sentences = {
      {{0, 4}, 0, {}}, {{5, 12}, 0, {}}, {{13, 20}, 0, {}}, {{22, 28}, 1, {}}, {{29, 33}, 1, {}}};

  bitext.ladder = {{0, 1, 0, 1, 0.9876}, {1, 1, 1, 2, 0.75}, {2, 1, 3, 1, 1.0}, {3, 0, 4, 1, 0.5}};
  bitext.alignment.version = "0.1.0";
  bitext.alignment.timestamp = "2026-01-02T03:04:05Z";
  bitext.alignment.parameters = {{"max-bead", "2"}};
  return bitext;
}

// SmallBitext with review records of every kind:
//   bead 1 confirmed by "Anna Kovács" with a note, bead 2 edited by her and bookmarked,
//   bead 3 automatic, bead 4 (0:1) confirmed by "ben" at another time, bookmarked.
inline corpora::Bitext ReviewedBitext() {
  corpora::Bitext bitext = SmallBitext();
  bitext.review.resize(bitext.ladder.size());
  bitext.review[0] = {corpora::ReviewStatus::kConfirmed,
                      "Anna Kov\xC3\xA1"
                      "cs",
                      "2026-01-05T10:00:00Z", "names: Volinsky & <Volynsky>", false};
  bitext.review[1] = {corpora::ReviewStatus::kEdited,
                      "Anna Kov\xC3\xA1"
                      "cs",
                      "2026-01-05T10:00:00Z", "", true};
  bitext.review[3] = {corpora::ReviewStatus::kConfirmed, "ben", "2026-01-06T09:30:00Z", "", true};
  return bitext;
}

}  // namespace tandem::testing
