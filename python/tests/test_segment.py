"""tandem.segment: sentences and paragraphs with str offsets, and its errors."""

import pytest

import tandem


def test_sentences_and_their_offsets():
    text = "Hello there. How are you?\n\nFine, thanks."
    doc = tandem.segment(text, "en")
    assert [s.text for s in doc] == ["Hello there.", "How are you?", "Fine, thanks."]
    assert [(s.start, s.end) for s in doc.sentences] == [(0, 12), (13, 25), (27, 40)]
    assert [s.paragraph for s in doc] == [0, 0, 1]
    assert len(doc) == 3 and doc[-1].text == "Fine, thanks." and doc[1].index == 1
    assert [(p.start, p.end, p.kind, list(p.sentences)) for p in doc.paragraphs] == [
        (0, 25, "text", [0, 1]), (27, 40, "text", [2])]
    assert doc.language == "en" and doc.text == text
    with pytest.raises(IndexError):
        doc[3]


def test_offsets_are_code_points_not_bytes():
    # "Ő" is two bytes in UTF-8 and the emoji four: byte offsets would be off by 1, 4 and 5.
    text = "Ő a király. 😀 Nevetett. Vége."
    doc = tandem.segment(text, "hu")
    assert [s.text for s in doc] == ["Ő a király.", "😀 Nevetett.", "Vége."]
    assert [(s.start, s.end) for s in doc] == [(0, 11), (12, 23), (24, 29)]
    for s in doc:
        assert text[s.start:s.end] == s.text
    assert doc.paragraphs[0].end == len(text)


def test_abbreviations_of_the_language_rules():
    doc = tandem.segment("The Council of the G.P.U. decided. Then it acted.", "en")
    assert [s.text for s in doc] == ["The Council of the G.P.U. decided.", "Then it acted."]


def test_presegmented_and_paragraph_modes():
    doc = tandem.segment("One. Two.\nThree\n\nFour", "en", presegmented=True)
    assert [s.text for s in doc] == ["One. Two.", "Three", "Four"]
    assert [s.paragraph for s in doc] == [0, 0, 1]
    doc = tandem.segment("First line\nSecond line\n", "en", paragraphs="lines")
    assert [p.text for p in doc.paragraphs] == ["First line", "Second line"]
    with pytest.raises(tandem.InvalidArgumentError, match="paragraph mode"):
        tandem.segment("x", "en", paragraphs="pages")


def test_bytes_are_decoded_as_utf8():
    doc = tandem.segment("Szép idő van. Menjünk!".encode(), "hu")
    assert [s.text for s in doc] == ["Szép idő van.", "Menjünk!"]
    assert (doc[1].start, doc[1].end) == (14, 22)


def test_invalid_utf8_names_line_and_column():
    with pytest.raises(tandem.InvalidDataError) as error:
        tandem.segment(b"Fine.\nBad \xc3 byte.", "en", name="bad.txt")
    assert isinstance(error.value, ValueError)
    assert str(error.value).startswith("bad.txt:2:5: invalid UTF-8 (byte 0xC3)")
    assert error.value.code == "invalid data"


def test_nul_is_refused():
    with pytest.raises(tandem.InvalidDataError, match="NUL"):
        tandem.segment("a\0b", "en")


def test_unknown_language():
    with pytest.raises(ValueError) as error:
        tandem.segment("Text.", "xx")
    assert isinstance(error.value, tandem.InvalidArgumentError)
    assert "xx" in str(error.value)
    assert not tandem.is_known_language("xx") and tandem.is_known_language("hu")


def test_wrong_type():
    with pytest.raises(TypeError):
        tandem.segment(42, "en")


def test_records_and_pandas():
    doc = tandem.segment("One two. Three four.", "en")
    assert doc.to_records() == [
        {"sentence": 0, "paragraph": 0, "start": 0, "end": 8, "text": "One two."},
        {"sentence": 1, "paragraph": 0, "start": 9, "end": 20, "text": "Three four."}]
    pandas = pytest.importorskip("pandas", reason="tandem-skip: pandas is not installed")
    frame = doc.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["text"]) == ["One two.", "Three four."]
    assert list(frame["start"]) == [0, 9]


def test_segmentation_languages():
    languages = tandem.segmentation_languages()
    assert "en" in languages and "hu" in languages
