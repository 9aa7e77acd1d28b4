"""tandem.evaluate: the figures of `tandem eval`, from links, Bitexts and vecalign files."""

import pytest

import tandem


def test_literal_links():
    gold = [([0], [0]), ([1], [1, 2]), ([2], []), ([3], [3])]
    hypothesis = [([0], [0]), ([1], [1]), ([], [2]), ([2], []), ([3], [3])]
    e = tandem.evaluate(gold, hypothesis)
    # hypothesis: 5 links; strict hits [0]:[0], [2]:[], [3]:[3]; lax adds [1]:[1].
    assert (e.counts["precision_strict"], e.counts["precision_lax"],
            e.counts["precision_total"]) == (3, 4, 5)
    # two-sided gold: 3 links; strict 2 ([0]:[0], [3]:[3]), lax 3.
    assert (e.counts["recall_strict"], e.counts["recall_lax"], e.counts["recall_total"]) == (2, 3, 3)
    assert e.precision_strict == pytest.approx(0.6) and e.recall_strict == pytest.approx(2 / 3)
    assert e.f1_strict == pytest.approx(2 * 0.6 * (2 / 3) / (0.6 + 2 / 3))
    assert e.precision_lax == pytest.approx(0.8) and e.recall_lax == pytest.approx(1.0)
    # unaligned: gold leaves source 2 alone; the hypothesis source 2 and target 2.
    assert (e.counts["unaligned_hits"], e.counts["unaligned_hypothesis"],
            e.counts["unaligned_gold"]) == (1, 2, 1)
    assert e.recall_unaligned == 1.0 and e.precision_unaligned == 0.5
    assert e.gold_shapes == {"1:1": 2, "1:2": 1, "1:0": 1}
    assert e.hypothesis_shapes == {"1:1": 3, "0:1": 1, "1:0": 1}
    assert e.to_dict()["documents"] == 1 and "strict P/R/F1 0.600/0.667" in repr(e)


def test_gold_file_against_itself_and_a_bitext(test_data, letter):
    gold = test_data / "reply-to-stalin" / "gold.vecalign"
    perfect = tandem.evaluate(gold, gold)
    assert (perfect.f1_strict, perfect.f1_lax) == (1.0, 1.0)


def test_an_alignment_of_the_presegmented_letter(test_data, tmp_path):
    pair = test_data / "reply-to-stalin"
    aligner = tandem.Aligner("en", "hu", dictionary=None, threads=1)
    bitext = aligner.align_files(pair / "en.presegmented.txt", pair / "hu.presegmented.txt",
                                 presegmented=True)
    e = tandem.evaluate(pair / "gold.vecalign", bitext)
    assert 0.7 < e.f1_strict <= 1.0 and e.f1_lax >= e.f1_strict
    # The same through a file, and as two documents (micro-average of twice the same).
    bitext.write(tmp_path / "hyp.vecalign")
    assert tandem.evaluate(pair / "gold.vecalign", tmp_path / "hyp.vecalign").to_dict() \
        == e.to_dict()
    twice = tandem.evaluate([pair / "gold.vecalign"] * 2, [bitext, bitext])
    assert twice.f1_strict == pytest.approx(e.f1_strict) and twice.documents == 2


def test_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        tandem.evaluate(tmp_path / "missing.vecalign", [])
    bad = tmp_path / "bad.vecalign"
    bad.write_text("[0]:[0]\nnonsense\n", encoding="utf-8")
    with pytest.raises(tandem.InvalidDataError, match=rf"^{bad}:2"):
        tandem.evaluate(bad, [])
    with pytest.raises(ValueError, match="pair of sentence index lists"):
        tandem.evaluate([([0], [0], [1])], [])
    for name in ("a.vecalign", "b.vecalign"):
        (tmp_path / name).write_text("[0]:[0]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="paired by position"):
        tandem.evaluate([tmp_path / "a.vecalign", tmp_path / "b.vecalign"], [([0], [0])])
