#!/usr/bin/env python3
"""Peak memory of `tandem align` over a grid of input shapes, beside the estimate that
--memory-limit checks (corpora::EstimateAlignmentMemory; docs/robustness.md).

    python3 bench/memory_grid.py [--tandem PATH] [--sizes MB ...] [--dictionaries none auto]

Each shape is built at each size (megabytes of text, both sides together) from the words and
sentences of the bundled pair (corpora/samples/reply-to-stalin), aligned with and without
dictionaries under /usr/bin/time, and its peak resident memory printed beside tandem's estimate
(read from the refusal message of a run with --memory-limit 1) and their ratio. The shapes:

  balanced        the letter and its Hungarian collection, repeated (paragraphs as they are)
  presegmented    the gold sentences of the pair, one per line, repeated (--presegmented)
  source-heavy    short English sentences, ten to a line, against four Hungarian sentences
                  (refused as hopeless from 160,000 sentences on: see CheckAlignable)
  source-40       the same against forty Hungarian sentences (allowed up to 1.6 million)
  target-heavy    four English sentences against short Hungarian sentences, ten to a line
  one-paragraph   short English sentences all on one line against four sentences
  one-sentence    words without a sentence end on one line against four sentences
  many-tiny       one-word sentences, each a paragraph, on both sides
  inside-longer   the English letter once against the Hungarian collection repeated
  parallel        a real parallel text: bench/make_synthetic.py's German-French pairs from the
                  Text+Berg gold documents (--presegmented; only when ../shared is there)

The sizes are kept small by default (a few megabytes) so that the grid runs in minutes on a
shared 2-core machine; memory grows linearly with the input (docs/architecture.md), so larger
inputs are extrapolated from the fit this prints: the largest ratio of peak to estimate per
shape, and the bytes-per-byte and bytes-per-sentence slopes of the peak between the two
largest sizes.
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "corpora", "samples", "reply-to-stalin")
GOLD = os.path.join(ROOT, "tests", "data", "reply-to-stalin")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def repeat_to(text, size):
    """`text` repeated (a blank line between copies) until it is about `size` bytes."""
    copies = max(1, round(size / max(1, len(text.encode()))))
    return "\n\n".join([text] * copies) + "\n"


class Words:
    def __init__(self, text, seed):
        self.words = re.findall(r"[^\W\d_]+", text)
        self.random = random.Random(seed)

    def sentence(self, low=4, high=8, end="."):
        words = [self.random.choice(self.words) for _ in range(self.random.randint(low, high))]
        return " ".join(words).capitalize() + end

    def sentences(self, size, per_line):
        """About `size` bytes of short sentences, `per_line` to a line (0: all on one line)."""
        lines, line, total = [], [], 0
        while total < size:
            s = self.sentence()
            line.append(s)
            total += len(s.encode()) + 1
            if per_line and len(line) == per_line:
                lines.append(" ".join(line))
                line = []
        if line:
            lines.append(" ".join(line))
        return "\n".join(lines) + "\n"


FOUR_EN = "One sentence here. A second one. And a third. The fourth and last.\n"
FOUR_HU = "Egy mondat itt. Egy m\u00e1sodik. \u00c9s egy harmadik. A negyedik, az utols\u00f3.\n"


def shapes(size):
    en, hu = read(os.path.join(SAMPLES, "en.txt")), read(os.path.join(SAMPLES, "hu.txt"))
    en_words, hu_words = Words(en, 1), Words(hu, 2)
    half = size // 2
    yield "balanced", repeat_to(en, half), repeat_to(hu, half), []
    yield ("presegmented", repeat_to(read(os.path.join(GOLD, "en.presegmented.txt")), half),
           repeat_to(read(os.path.join(GOLD, "hu.presegmented.txt")), half), ["--presegmented"])
    yield "source-heavy", en_words.sentences(size, 10), FOUR_HU, []
    yield "source-40", en_words.sentences(size, 10), hu_words.sentences(2000, 10), []
    yield "target-heavy", FOUR_EN, hu_words.sentences(size, 10), []
    yield "one-paragraph", en_words.sentences(size, 0), FOUR_HU, []
    one = " ".join(en_words.random.choice(en_words.words) for _ in range(size // 7))
    yield "one-sentence", one + "\n", FOUR_HU, []
    tiny_en = "\n\n".join(w.capitalize() + "." for w in
                          (en_words.random.choice(en_words.words) for _ in range(half // 9)))
    tiny_hu = "\n\n".join(w.capitalize() + "." for w in
                          (hu_words.random.choice(hu_words.words) for _ in range(half // 9)))
    yield "many-tiny", tiny_en + "\n", tiny_hu + "\n", []
    yield "inside-longer", en, repeat_to(hu, size), []
    shared = os.environ.get("TANDEM_SHARED", os.path.join(ROOT, "..", "shared"))
    if os.path.isdir(os.path.join(shared, "data")):
        with tempfile.TemporaryDirectory() as work:
            # About 120 bytes per sentence and side: a pair per 240 bytes.
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_synthetic.py"),
                            shared, str(max(100, size // 240)), os.path.join(work, "syn")],
                           check=True, capture_output=True)
            yield ("parallel", read(os.path.join(work, "syn.de")),
                   read(os.path.join(work, "syn.fr")), ["--presegmented", "--languages", "de", "fr"])


def run(tandem, source, target, extra, dictionary):
    languages = ["en", "hu"]
    if "--languages" in extra:
        at = extra.index("--languages")
        languages = extra[at + 1:at + 3]
        extra = extra[:at] + extra[at + 3:]
    command = [tandem, "align", "-q", "-s", languages[0], "-t", languages[1], "--dictionary",
               dictionary, "--memory-limit", "0", *extra, source, target, "-f", "vecalign", "-o",
               os.devnull]
    timed = subprocess.run(["/usr/bin/time", "-f", "%M %e", *command], capture_output=True,
                           text=True)
    if timed.returncode != 0:
        sys.exit("tandem failed: " + timed.stderr)
    peak_kb, seconds = timed.stderr.strip().splitlines()[-1].split()
    # The estimate, from the refusal of a limit of one byte (it is made before aligning).
    refused = subprocess.run([*command[:command.index("--memory-limit") + 1], "1",
                              *command[command.index("--memory-limit") + 2:]],
                             capture_output=True, text=True)
    m = re.search(r"aligning (\d+) and (\d+) sentences .* needs about ([\d.]+) (MB|GB)",
                  refused.stderr)
    if not m:
        sys.exit("no estimate in: " + refused.stderr)
    estimate = float(m.group(3)) * (1e9 if m.group(4) == "GB" else 1e6)
    return {"peak": int(peak_kb) * 1024, "seconds": float(seconds), "estimate": estimate,
            "source_sentences": int(m.group(1)), "target_sentences": int(m.group(2))}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tandem", default=os.path.join(ROOT, "build", "release", "cli", "tandem"))
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4],
                        help="megabytes of text, both sides together (default: 1 2 4)")
    parser.add_argument("--dictionaries", nargs="+", default=["none", "auto"])
    parser.add_argument("--shapes", nargs="*", help="only these shapes")
    args = parser.parse_args()

    print(f"{'shape':<14} {'dict':<5} {'MB':>5} {'src sent':>9} {'tgt sent':>9} {'peak MB':>8} "
          f"{'est. MB':>8} {'peak/est':>8} {'s':>6}")
    results = []
    with tempfile.TemporaryDirectory() as work:
        for size_mb in args.sizes:
            for name, source, target, extra in shapes(int(size_mb * 1e6)):
                if args.shapes and name not in args.shapes:
                    continue
                src, tgt = os.path.join(work, "source.txt"), os.path.join(work, "target.txt")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(source)
                with open(tgt, "w", encoding="utf-8") as f:
                    f.write(target)
                text_bytes = len(source.encode()) + len(target.encode())
                for dictionary in args.dictionaries:
                    r = run(args.tandem, src, tgt, extra, dictionary)
                    r.update(shape=name, dictionary=dictionary, bytes=text_bytes)
                    results.append(r)
                    print(f"{name:<14} {dictionary:<5} {text_bytes / 1e6:>5.1f} "
                          f"{r['source_sentences']:>9} {r['target_sentences']:>9} "
                          f"{r['peak'] / 1e6:>8.0f} {r['estimate'] / 1e6:>8.0f} "
                          f"{r['peak'] / r['estimate']:>8.2f} {r['seconds']:>6.1f}", flush=True)

    # Per shape and dictionary: the worst ratio, and the slope of the peak between the two
    # largest sizes, per byte of text and per sentence (what a linear model has to cover).
    print("\nworst peak/estimate per shape, and the growth of the peak between the two largest "
          "sizes:")
    groups = {}
    for r in results:
        groups.setdefault((r["shape"], r["dictionary"]), []).append(r)
    worst = max(r["peak"] / r["estimate"] for r in results)
    for (shape, dictionary), rows in groups.items():
        rows.sort(key=lambda r: r["bytes"])
        line = (f"{shape:<14} {dictionary:<5} worst {max(r['peak'] / r['estimate'] for r in rows):.2f}")
        if len(rows) >= 2:
            a, b = rows[-2], rows[-1]
            sentences = (b["source_sentences"] + b["target_sentences"]
                         - a["source_sentences"] - a["target_sentences"])
            per_byte = (b["peak"] - a["peak"]) / max(1, b["bytes"] - a["bytes"])
            line += f"; {per_byte:.1f} bytes of memory per byte of text"
            if sentences > 0:
                line += f" ({(b['peak'] - a['peak']) / sentences:.0f} per sentence)"
        print(line)
    print(f"\nworst peak/estimate over the grid: {worst:.2f} (the estimate must stay above 1)")


if __name__ == "__main__":
    main()
