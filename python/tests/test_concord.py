"""tandem.concord: the rows of `tandem concord`, with str offsets."""

import json
import subprocess

import pytest

import tandem


@pytest.fixture(scope="module")
def letter_file(letter, tmp_path_factory):
    path = tmp_path_factory.mktemp("concord") / "letter.tei.xml"
    letter.write(path)
    return path


def test_gpu_and_its_hungarian_renderings(letter):
    rows = tandem.concord(letter, "G.P.U.")
    assert len(rows) >= 3
    for row in rows:
        assert row.match == "G.P.U." and row.side == "source"
        assert row.text[row.start:row.end] == "G.P.U."
        assert row.left + row.match + row.right == row.text
    renderings = tandem.concord(letter, "GPU", side="target", ignore_case=True)
    assert len(renderings) >= 1 and all(r.match.lower() == "gpu" for r in renderings)
    assert any(r.aligned and r.other_texts for r in renderings)


def test_same_rows_as_the_command_line(letter_file, tandem_binary):
    for arguments, options in ((["G.P.U."], {}),
                               (["sztálin", "-i", "--side", "target"],
                                {"ignore_case": True, "side": "target"}),
                               (["szt.lin", "-e", "-i", "--side", "both"],
                                {"regex": True, "ignore_case": True, "side": "both"})):
        command = [tandem_binary, "concord", str(letter_file), *arguments, "-f", "json", "-q"]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        expected = [json.loads(line) for line in output.splitlines()]
        rows = tandem.concord(letter_file, arguments[0], **options)
        assert len(expected) > 0, arguments
        assert len(rows) == len(expected), arguments
        for row, line in zip(rows, expected):
            assert (row.corpus, row.bead, row.side, row.sentence, row.match, row.text,
                    row.other_sentences, row.other_texts, row.bead_type, row.review) == (
                line["corpus"], line["bead"], line["side"], line["sentence"], line["match"],
                line["text"], line["other_sentences"], line["other_texts"], line["bead_type"],
                line["review"])
            assert row.confidence == pytest.approx(line["confidence"])
            # The command line gives UTF-8 byte offsets; Python gets code points.
            text = line["text"].encode()
            assert row.start == len(text[:line["hit"]["begin"]].decode())
            assert row.end == len(text[:line["hit"]["end"]].decode())


def test_offsets_in_code_points_with_accents_and_emoji():
    aligner = tandem.Aligner("en", "hu", dictionary=None, threads=1)
    bitext = aligner.align(["Őrült 😀 Sztálin spoke.", "Nobody listened."],
                           ["Őrült 😀 Sztálin beszélt.", "Senki sem figyelt."])
    rows = tandem.concord(bitext, "sztalin", side="target", ignore_case=True, fold_accents=True)
    assert [(r.sentence, r.start, r.end, r.match) for r in rows] == [(0, 8, 15, "Sztálin")]
    assert rows[0].other_texts == ["Őrült 😀 Sztálin spoke."]
    assert tandem.concord(bitext, "sztalin", side="target") .__len__() == 0
    assert len(tandem.concord([bitext, bitext], "Őrült", side="both")) == 4


def test_hits_in_unaligned_sentences(letter):
    unaligned = letter.unaligned
    assert len(unaligned) > 0, "the letter has sentences without counterpart"
    first = unaligned[0]
    word = first.text.split()[0]
    rows = tandem.concord(letter, word, side=first.side, whole_words=False)
    hit = [r for r in rows if r.sentence == first.sentence]
    assert hit and not hit[0].aligned and hit[0].other_texts == []
    assert hit[0].bead_type in ("1:0", "0:1")


def test_records_and_pandas(letter):
    rows = tandem.concord(letter, "G.P.U.")
    records = rows.to_records()
    assert records[0]["match"] == "G.P.U." and records[0]["side"] == "source"
    assert list(records[0]) == ["corpus", "bead", "side", "sentence", "start", "end", "left",
                                "match", "right", "text", "other_sentences", "other_texts",
                                "bead_type", "confidence", "review"]
    pandas = pytest.importorskip("pandas", reason="tandem-skip: pandas is not installed")
    frame = rows.to_pandas()
    assert isinstance(frame, pandas.DataFrame) and len(frame) == len(rows)
    assert set(frame["match"]) == {"G.P.U."}


def test_errors(letter, tmp_path):
    with pytest.raises(tandem.InvalidArgumentError, match="invalid regular expression"):
        tandem.concord(letter, "(GPU", regex=True)
    with pytest.raises(ValueError, match="empty"):
        tandem.concord(letter, "")
    with pytest.raises(FileNotFoundError):
        tandem.concord(tmp_path / "missing.tei.xml", "G.P.U.")
    with pytest.raises(tandem.InvalidArgumentError, match="unknown side"):
        tandem.concord(letter, "x", side="left")
