from os import PathLike
from typing import Any, Iterator, Sequence, Union

_Path = Union[str, PathLike[str]]
_Text = Union[str, bytes, "Document", Sequence[str]]
_Links = Sequence[tuple[Sequence[int], Sequence[int]]]

__version__: str

class Error(Exception):
    code: str
class NotFoundError(Error, FileNotFoundError): ...
class FileError(Error, OSError): ...
class InvalidArgumentError(Error, ValueError): ...
class InvalidDataError(Error, ValueError): ...
class UnsupportedError(Error, ValueError): ...
class ResourceExhaustedError(Error, RuntimeError): ...

class Sentence:
    index: int
    text: str
    start: int
    end: int
    paragraph: int
    id: str

class Paragraph:
    index: int
    text: str
    start: int
    end: int
    kind: str
    sentences: range

class Document(Sequence[Sentence]):
    text: str
    language: str
    name: str
    sentences: list[Sentence]
    paragraphs: list[Paragraph]
    def __len__(self) -> int: ...
    def __getitem__(self, i: int) -> Sentence: ...  # type: ignore[override]
    def __iter__(self) -> Iterator[Sentence]: ...
    def to_records(self) -> list[dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...

class Bead:
    index: int
    source: tuple[int, ...]
    target: tuple[int, ...]
    source_text: str
    target_text: str
    confidence: float
    status: str
    type: str
    two_sided: bool

class UnalignedSentence:
    side: str
    sentence: int
    text: str
    bead: int

class Unaligned(Sequence[UnalignedSentence]):
    omissions: list[UnalignedSentence]
    additions: list[UnalignedSentence]
    def __len__(self) -> int: ...
    def __getitem__(self, i: int) -> UnalignedSentence: ...  # type: ignore[override]
    def to_records(self) -> list[dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...

class Bitext(Sequence[Bead]):
    source: Document
    target: Document
    name: str
    title: str
    dictionaries: list[str]
    parameters: dict[str, str]
    beads: list[Bead]
    unaligned: Unaligned
    def __len__(self) -> int: ...
    def __getitem__(self, k: int) -> Bead: ...  # type: ignore[override]
    def __iter__(self) -> Iterator[Bead]: ...
    def pairs(self) -> Iterator[tuple[str, str]]: ...
    def to_records(self) -> list[dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...
    def write(self, path: _Path, format: str | None = ..., min_confidence: float = ...,
              reviewed_only: bool = ..., layout: str = ..., keep_unaligned: bool = ...) -> list[str]: ...
    def _repr_html_(self) -> str: ...

class Aligner:
    source_lang: str
    target_lang: str
    dictionaries: list[str]
    max_bead: int
    def __init__(self, source_lang: str, target_lang: str,
                 dictionary: Union[str, _Path, Sequence[_Path], None] = "auto", max_bead: int = 4,
                 learn: bool = True, threads: int = 0, paragraphs: str = "auto",
                 cache_directory: _Path | None = None,
                 freedict_directory: _Path | None = None) -> None: ...
    def align(self, source: _Text, target: _Text) -> Bitext: ...
    def align_files(self, source_path: _Path, target_path: _Path, source_encoding: str = "",
                    target_encoding: str = "", presegmented: bool = False) -> Bitext: ...

class Evaluation:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float
    precision_unaligned: float
    recall_unaligned: float
    f1_unaligned: float
    counts: dict[str, int]
    gold_shapes: dict[str, int]
    hypothesis_shapes: dict[str, int]
    documents: int
    def to_dict(self) -> dict[str, Any]: ...

class ConcordanceRow:
    corpus: str
    bead: int
    side: str
    sentence: int
    start: int
    end: int
    left: str
    match: str
    right: str
    text: str
    other_sentences: list[int]
    other_texts: list[str]
    other_text: str
    aligned: bool
    bead_type: str
    confidence: float
    review: str
    def to_dict(self) -> dict[str, Any]: ...

class Concordance(Sequence[ConcordanceRow]):
    def __len__(self) -> int: ...
    def __getitem__(self, i: int) -> ConcordanceRow: ...  # type: ignore[override]
    def to_records(self) -> list[dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...

def segment(text: Union[str, bytes], lang: str, paragraphs: str = "auto",
            presegmented: bool = False, name: str = "text") -> Document: ...
def align(source: _Text, target: _Text, source_lang: str, target_lang: str,
          dictionary: Union[str, _Path, Sequence[_Path], None] = "auto", max_bead: int = 4,
          learn: bool = True, threads: int = 0) -> Bitext: ...
def read(path: _Path, format: str | None = None, source_lang: str = "", target_lang: str = "",
         source_text: _Path | None = None, target_text: _Path | None = None,
         load_sources: bool = False) -> Bitext: ...
def evaluate(gold: Union[Bitext, _Path, _Links, Sequence[Union[Bitext, _Path]]],
             hypothesis: Union[Bitext, _Path, _Links, Sequence[Union[Bitext, _Path]]]) -> Evaluation: ...
def concord(corpora: Union[Bitext, _Path, Sequence[Union[Bitext, _Path]]], query: str,
            regex: bool = False, ignore_case: bool = False, fold_accents: bool = False,
            whole_words: bool = True, side: str = "source") -> Concordance: ...
def formats() -> list[str]: ...
def segmentation_languages() -> list[str]: ...
def is_known_language(lang: str) -> bool: ...
