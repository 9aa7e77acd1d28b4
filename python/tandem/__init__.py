"""tandem: sentence alignment of a text and its translation, for Python.

    import tandem
    aligner = tandem.Aligner("en", "hu")                  # made once: holds the dictionaries
    bitext = aligner.align(english_text, hungarian_text)  # str, a list of sentences, or a Document
    for source, target in bitext.pairs():
        ...
    bitext.to_pandas()                                    # one row per bead
    bitext.write("pair.tmx")                              # any format tandem writes
    tandem.concord(bitext, "G.P.U.").to_pandas()          # the parallel concordance

A C++ library under it does the work (docs/python.md is the guide); it releases the
GIL while it segments, aligns, reads and writes, and its objects may be shared between threads.
Sentence and hit offsets are str indices (code points), not bytes.
"""

from ._errors import (
    Error,
    FileError,
    InvalidArgumentError,
    InvalidDataError,
    NotFoundError,
    ResourceExhaustedError,
    UnsupportedError,
)
from ._tandem import (
    Aligner,
    Bead,
    Bitext,
    Concordance,
    ConcordanceRow,
    Document,
    Evaluation,
    Paragraph,
    Sentence,
    Unaligned,
    UnalignedSentence,
    __version__,
    align,
    concord,
    evaluate,
    formats,
    is_known_language,
    read,
    segment,
    segmentation_languages,
)

__all__ = [
    "Aligner",
    "Bead",
    "Bitext",
    "Concordance",
    "ConcordanceRow",
    "Document",
    "Error",
    "Evaluation",
    "FileError",
    "InvalidArgumentError",
    "InvalidDataError",
    "NotFoundError",
    "Paragraph",
    "ResourceExhaustedError",
    "Sentence",
    "Unaligned",
    "UnalignedSentence",
    "UnsupportedError",
    "__version__",
    "align",
    "concord",
    "evaluate",
    "formats",
    "is_known_language",
    "read",
    "segment",
    "segmentation_languages",
]
