"""tandem.read and Bitext.write: every format tandem writes reads back, and the errors."""

import pytest

import tandem

EN = ["The house is big.", "The garden is green.", "We have a dog.", "It is old and tired."]
HU = ["A ház nagy, a kert zöld.", "Van egy kutyánk.", "Öreg és fáradt.", "Egy új mondat."]


@pytest.fixture(scope="module")
def bitext():
    return tandem.Aligner("en", "hu", dictionary=None, threads=1).align(EN, HU)


def shape(b):
    return [(bead.source, bead.target) for bead in b]


# The formats whose file alone holds the bitext; hunalign and vecalign need the two texts.
@pytest.mark.parametrize("format,name", [
    ("tei", "pair.tei.xml"), ("tmx", "pair.tmx"), ("xces", "pair.xces.xml"),
    ("intertext", "pair.intertext.xml"), ("jsonl", "pair.jsonl"),
    ("hunalign-text", "pair.hunalign.txt"), ("lfaligner", "pair.lfaligner.txt")])
def test_write_and_read_every_format(bitext, tmp_path, format, name):
    path = tmp_path / name
    written = bitext.write(path)  # the format from the file name
    assert str(path) in written
    # hunalign-text and lfaligner files cannot be told from their content: format= says it.
    given = format if format in ("hunalign-text", "lfaligner") else None
    back = tandem.read(path, format=given, source_lang="en", target_lang="hu")
    assert back.name == str(path)
    # Formats that keep the sentences keep the beads; the others keep the shapes of the
    # two-sided beads and the texts.
    pairs = list(back.pairs())
    assert pairs == list(bitext.pairs())
    if format in ("tei", "xces", "intertext", "jsonl"):
        assert shape(back) == shape(bitext)
    assert tandem.read(path, format=format, source_lang="en", target_lang="hu").to_records() \
        == back.to_records()


def test_tei_round_trip_keeps_everything(bitext, tmp_path):
    path = tmp_path / "pair.tei.xml"
    bitext.write(path)
    back = tandem.read(path)
    assert back.to_records() == bitext.to_records()
    assert back.source.text == bitext.source.text
    assert [s.text for s in back.target] == HU


def test_formats_that_need_the_texts(bitext, tmp_path):
    source_text, target_text = tmp_path / "en.txt", tmp_path / "hu.txt"
    source_text.write_text("\n".join(EN) + "\n", encoding="utf-8")
    target_text.write_text("\n".join(HU) + "\n", encoding="utf-8")
    for format, name in (("hunalign", "pair.ladder"), ("vecalign", "pair.vecalign")):
        path = tmp_path / name
        bitext.write(path, format=format)
        back = tandem.read(path, format=format, source_lang="en", target_lang="hu",
                           source_text=source_text, target_text=target_text)
        assert shape(back) == shape(bitext), format


def test_moses_and_tsv(bitext, tmp_path):
    written = bitext.write(tmp_path / "pair", format="moses")
    assert sorted(written) == [str(tmp_path / "pair.en"), str(tmp_path / "pair.hu")]
    assert (tmp_path / "pair.hu").read_text(encoding="utf-8").splitlines()[0] == HU[0]
    bitext.write(tmp_path / "pair.tsv", min_confidence=0.0)
    lines = (tmp_path / "pair.tsv").read_text(encoding="utf-8").splitlines()
    assert lines == ["\t".join(pair) for pair in bitext.pairs()]


def test_filters(bitext, tmp_path):
    bitext.write(tmp_path / "all.tmx")
    bitext.write(tmp_path / "none.tmx", min_confidence=1.01)
    assert len(tandem.read(tmp_path / "all.tmx")) >= 3
    assert "<tu" not in (tmp_path / "none.tmx").read_text(encoding="utf-8")
    with pytest.raises(tandem.InvalidArgumentError):
        bitext.write(tmp_path / "x.tei.xml", min_confidence=0.5)  # TEI holds everything


def test_write_errors(bitext, tmp_path):
    with pytest.raises(tandem.InvalidArgumentError, match="cannot tell the format"):
        bitext.write(tmp_path / "pair.unknown")
    with pytest.raises(ValueError, match='unknown format "docx"'):
        bitext.write(tmp_path / "pair.tmx", format="docx")
    with pytest.raises(tandem.Error) as error:
        bitext.write(tmp_path / "no" / "such" / "dir.tmx")
    assert isinstance(error.value, OSError)


def test_read_missing_file(tmp_path):
    missing = tmp_path / "missing.tei.xml"
    with pytest.raises(FileNotFoundError) as error:
        tandem.read(missing)
    assert isinstance(error.value, tandem.NotFoundError) and str(missing) in str(error.value)


def test_read_a_file_of_no_format(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        tandem.read(path)
    assert isinstance(error.value, tandem.Error) and str(path) in str(error.value)


def test_read_malformed_xml_names_the_place(tmp_path):
    path = tmp_path / "broken.tmx"
    path.write_text('<?xml version="1.0"?>\n<tmx version="1.4">\n<body><tu>\n</tmx>\n',
                    encoding="utf-8")
    with pytest.raises(tandem.InvalidDataError, match=rf"^{path}:\d+:\d+: "):
        tandem.read(path, source_lang="en", target_lang="hu")


def test_read_invalid_utf8(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"source": "\xff"}\n')
    with pytest.raises(tandem.InvalidDataError, match="UTF-8"):
        tandem.read(path)


def test_formats_list():
    assert tandem.formats() == ["tei", "tmx", "xces", "intertext", "jsonl", "moses", "tsv",
                                "hunalign", "hunalign-text", "vecalign", "lfaligner"]
