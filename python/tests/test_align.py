"""tandem.Aligner and tandem.align: inputs, the Bitext they return, errors, threads and the GIL."""

import html
import os
import sys
import threading
import time

import pytest

import tandem

EN = ["The house is big.", "The garden is green.", "We have a dog.", "It is old and tired."]
HU = ["A ház nagy.", "A kert zöld.", "Van egy kutyánk.", "Öreg és fáradt."]


@pytest.fixture(scope="module")
def aligner():
    return tandem.Aligner("en", "hu", dictionary=None, threads=1)


def test_lists_of_sentences_align_one_to_one(aligner):
    bitext = aligner.align(EN, HU)
    assert isinstance(bitext, tandem.Bitext)
    assert [(b.source, b.target, b.type) for b in bitext] == [
        ((0,), (0,), "1:1"), ((1,), (1,), "1:1"), ((2,), (2,), "1:1"), ((3,), (3,), "1:1")]
    assert list(bitext.pairs()) == list(zip(EN, HU))
    bead = bitext[0]
    assert bead.source_text == EN[0] and bead.target_text == HU[0]
    assert 0.0 <= bead.confidence <= 1.0 and bead.status == "automatic" and bead.two_sided
    assert len(bitext) == 4 and bitext[-1].index == 3
    assert bitext.source.language == "en" and bitext.target.language == "hu"
    assert [s.text for s in bitext.target] == HU


def test_raw_text_and_documents(aligner):
    source = " ".join(EN)
    target = tandem.segment(" ".join(HU), "hu")
    bitext = aligner.align(source, target)
    assert [b.type for b in bitext] == ["1:1"] * 4
    assert bitext.source.text == source
    first = bitext.source[1]
    assert source[first.start:first.end] == EN[1]


def test_a_merged_translation_is_a_two_to_one_bead(aligner):
    hu = ["A ház nagy, a kert zöld.", "Van egy kutyánk.", "Öreg és fáradt."]
    bitext = aligner.align(EN, hu)
    assert [(b.source, b.target) for b in bitext] == [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,))]
    assert bitext[0].type == "2:1"
    assert bitext[0].source_text == "The house is big. The garden is green."


def test_omissions_and_additions_are_their_own_view(test_data):
    bitext = tandem.read(test_data / "formats" / "small.jsonl")
    assert [(b.type, b.source, b.target) for b in bitext] == [
        ("1:1", (0,), (0,)), ("1:2", (1,), (1, 2)), ("1:1", (2,), (3,)), ("0:1", (), (4,))]
    unaligned = bitext.unaligned
    assert [(u.side, u.sentence, u.text, u.bead) for u in unaligned] == [("target", 4, "Öt.", 3)]
    assert [u.sentence for u in unaligned.additions] == [4] and unaligned.omissions == []
    assert not bitext[3].two_sided and bitext[3].source_text == ""
    assert unaligned.to_records() == [{"side": "target", "sentence": 4, "text": "Öt.", "bead": 3}]
    assert len(list(bitext.pairs())) == 3


def test_records(aligner):
    records = aligner.align(EN[:2], HU[:2]).to_records()
    assert [(r["bead"], r["type"], r["source"], r["target"], r["source_text"], r["target_text"],
             r["status"]) for r in records] == [
        (0, "1:1", [0], [0], EN[0], HU[0], "automatic"),
        (1, "1:1", [1], [1], EN[1], HU[1], "automatic")]
    assert all(isinstance(r["confidence"], float) for r in records)


def test_to_pandas(aligner):
    pandas = pytest.importorskip("pandas", reason="tandem-skip: pandas is not installed")
    frame = aligner.align(EN, HU).to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["bead", "type", "source", "target", "source_text",
                                   "target_text", "confidence", "status"]
    assert list(frame["target_text"]) == HU and list(frame["type"]) == ["1:1"] * 4


def test_to_pandas_without_pandas_says_what_to_install(aligner, monkeypatch):
    bitext = aligner.align(EN, HU)
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match="python3-pandas"):
        bitext.to_pandas()
    with pytest.raises(ImportError, match="to_records"):
        bitext.unaligned.to_pandas()


def test_one_off_align_and_the_dictionary(samples):
    bitext = tandem.align(EN, HU, "en", "hu", dictionary=None)
    assert [b.type for b in bitext] == ["1:1"] * 4
    assert bitext.dictionaries == [] and bitext.parameters["dictionaries"] == "none"
    with_dictionary = tandem.Aligner("en", "hu")  # FreeDict, prepared once in the cache
    assert with_dictionary.dictionaries == ["freedict-eng-hun", "freedict-hun-eng"]
    assert with_dictionary.align(EN, HU).dictionaries == ["freedict-eng-hun", "freedict-hun-eng"]


def test_bad_input(aligner, tmp_path):
    with pytest.raises(tandem.InvalidArgumentError, match="sentence 1 is empty"):
        aligner.align(["One.", ""], ["Egy."])
    with pytest.raises(TypeError):
        aligner.align(42, HU)
    with pytest.raises(TypeError):
        aligner.align(["One.", 2], HU)
    with pytest.raises(tandem.InvalidDataError, match=r"^source:1:3: invalid UTF-8"):
        aligner.align(b"ab\xff", "Egy.")


@pytest.mark.parametrize("max_bead", [0, 9])
def test_a_bad_max_bead_is_refused_when_the_aligner_is_made(max_bead):
    with pytest.raises(tandem.InvalidArgumentError,
                       match=f"^max-bead must be between 1 and 8, not {max_bead}$"):
        tandem.Aligner("en", "hu", dictionary=None, max_bead=max_bead)
    with pytest.raises(ValueError, match="max-bead must be between 1 and 8"):
        tandem.align(EN, HU, "en", "hu", dictionary=None, max_bead=max_bead)
    assert tandem.Aligner("en", "hu", dictionary=None, max_bead=8).max_bead == 8


def test_unknown_language():
    with pytest.raises(tandem.InvalidArgumentError, match="unknown language 'xx'"):
        tandem.Aligner("en", "xx", dictionary=None)
    with pytest.raises(ValueError):
        tandem.align(EN, HU, "qq", "hu", dictionary=None)


def test_missing_dictionary_file(tmp_path):
    with pytest.raises(FileNotFoundError) as error:
        tandem.Aligner("en", "hu", dictionary=tmp_path / "nothing.dic")
    assert isinstance(error.value, tandem.NotFoundError)
    assert "nothing.dic" in str(error.value)


def test_align_files(letter, samples):
    assert len(letter.source) > 40 and len(letter.target) > 40
    assert letter.source.name.endswith("en.txt")
    assert letter.source.text == (samples / "en.txt").read_text(encoding="utf-8")
    assert sum(b.two_sided for b in letter) > 40


def test_align_files_errors(tmp_path, samples):
    aligner = tandem.Aligner("en", "hu", dictionary=None)
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError) as error:
        aligner.align_files(missing, samples / "hu.txt")
    assert isinstance(error.value, tandem.NotFoundError) and isinstance(error.value, OSError)
    assert str(missing) in str(error.value)
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Elso sor.\nMásodik \xf5 sor.\n".encode("latin-1"))
    with pytest.raises(tandem.InvalidDataError) as error:
        aligner.align_files(samples / "en.txt", bad)
    assert f"{bad}:2:2: invalid UTF-8 (byte 0xE1)" in str(error.value) and "invalid UTF-8" in str(error.value)
    assert "target_encoding=" in str(error.value)


def test_repr_html_shows_the_beads_in_bands(test_data):
    html = tandem.read(test_data / "formats" / "small.jsonl")._repr_html_()
    assert html.startswith("<iframe") and "srcdoc=" in html
    assert "band-high" in html and "band-low" in html  # confidences 1.0 ... 0.5 and 0
    assert "unaligned" in html and "no counterpart" in html and "Öt." in html
    assert "--low: #d7301f" in html  # the report's own style sheet
    assert "<div" not in html  # the page is inside srcdoc, escaped


def test_shared_aligner_across_threads(aligner):
    """One Aligner used by eight threads at once gives every thread the same result as alone."""
    inputs = [(EN[:k], HU[:k]) for k in range(1, 5)] * 4
    expected = [[(b.source, b.target) for b in aligner.align(s, t)] for s, t in inputs]
    results = [None] * len(inputs)
    errors = []

    def work(i):
        try:
            s, t = inputs[i]
            results[i] = [(b.source, b.target) for b in aligner.align(s, t)]
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(inputs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and results == expected


def _long_pair(n):
    en, hu = [], []
    for i in range(n):
        en.append(f"In the year {1900 + i} the committee met {i % 7 + 2} times in the old town.")
        hu.append(f"{1900 + i}-ban a bizottság {i % 7 + 2} alkalommal ülésezett a régi városban.")
    return en, hu


def test_two_threads_are_inside_align_at_the_same_time():
    """The GIL is released while aligning: two threads' align() calls overlap in time.

    Each thread records when its call starts and ends. Were the GIL held during the alignment,
    the calls would run one after the other. A long switch interval keeps Python from handing the
    GIL over between a call's return and the recording of its end (which would make the first
    interval contain the second): the only way the other thread gets the GIL during a call is the
    call releasing it. Load on the machine slows both calls but does not separate them."""
    aligner = tandem.Aligner("en", "hu", dictionary=None, threads=1)
    en, hu = _long_pair(200)
    aligner.align(en, hu)  # warm up
    barrier = threading.Barrier(2)
    intervals = [None, None]
    errors = []

    def work(i):
        try:
            barrier.wait()
            start = time.perf_counter()
            aligner.align(en, hu)
            intervals[i] = (start, time.perf_counter())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(30.0)
    try:
        threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch_interval)
    assert errors == []
    (start_a, end_a), (start_b, end_b) = intervals
    overlap = min(end_a, end_b) - max(start_a, start_b)
    shorter = min(end_a - start_a, end_b - start_b)
    assert overlap > 0.5 * shorter, (
        f"the calls overlapped {max(overlap, 0):.3f} s of {shorter:.3f} s: the GIL was held")


def test_python_runs_while_another_thread_aligns():
    """While one thread aligns, the main thread keeps running Python code (the GIL is free).

    The other thread aligns a pair again and again for 0.2 s (however fast one alignment is):
    with the GIL free the main thread wakes up about every millisecond; were it held during
    the alignments, the main thread would run only between them (a dozen times or so).
    """
    aligner = tandem.Aligner("en", "hu", dictionary=None, threads=1)
    en, hu = _long_pair(300)
    done = threading.Event()
    alignments = 0

    def work():
        nonlocal alignments
        deadline = time.perf_counter() + 0.2
        while time.perf_counter() < deadline:
            aligner.align(en, hu)
            alignments += 1
        done.set()

    thread = threading.Thread(target=work)
    ticks = 0
    thread.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    thread.join()
    assert ticks > max(50, 4 * alignments), (
        f"the main thread ran {ticks} times while the other aligned {alignments} times")


def test_two_threads_align_in_less_than_twice_the_time_of_one():
    """Two threads aligning take less than twice the time of one alignment (the speed-up the
    overlap above gives; a timing, so only on a machine with a core to spare)."""
    cores = os.cpu_count() or 1
    if cores < 2:
        pytest.skip("tandem-skip: one core cannot run two alignments at once")
    load = os.getloadavg()[0]
    if load > cores - 1:
        pytest.skip(f"tandem-skip: the machine is busy (load {load:.1f} on {cores} cores)")
    aligner = tandem.Aligner("en", "hu", dictionary=None, threads=1)
    # A pair long enough to take a measurable time (0.05 s or more), however fast the aligner.
    size = 400
    while True:
        en, hu = _long_pair(size)

        def one():
            aligner.align(en, hu)

        one()  # warm up
        single = min(_timed(one) for _ in range(2))
        if single > 0.05 or size >= 6400:
            break
        size *= 2

    def two():
        threads = [threading.Thread(target=one) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    both = min(_timed(two) for _ in range(2))
    assert single > 0.05, f"the pair aligns too fast ({single:.3f} s) to measure"
    assert both < 1.8 * single, f"two threads took {both:.3f} s, one {single:.3f} s"


def _timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def test_repr_html_folds_long_runs_without_counterpart(letter):
    """As in `tandem report`: the collection's front matter before the letter is one row."""
    page = html.unescape(letter._repr_html_().split('srcdoc="', 1)[1])
    assert page.count('class="bead fold fold-before"') == 1
    assert "en sentences (1&ndash;" in page
    assert "without counterpart, before the aligned region" in page
    assert page.count('class="bead fold') < 5
    # Every two-sided bead is still a row of its own.
    assert page.count('class="bead band-') >= sum(1 for b in letter if b.two_sided)
