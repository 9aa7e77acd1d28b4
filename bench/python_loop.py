#!/usr/bin/env python3
"""A Python loop aligning many small pairs with one tandem.Aligner: pairs per second.

    PYTHONPATH=build/release/python /usr/bin/python3 bench/python_loop.py [PAIRS] [--dictionary auto|none]

The pairs are runs of 5-20 consecutive sentences of the bundled letter (presegmented test texts)
taken at the same places on both sides, so they are real en-hu text.
"""

import argparse
import pathlib
import random
import time

import tandem

ROOT = pathlib.Path(__file__).resolve().parents[1]
PAIR = ROOT / "tests" / "data" / "reply-to-stalin"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs", type=int, nargs="?", default=1000)
    parser.add_argument("--dictionary", default="auto", choices=["auto", "none"])
    args = parser.parse_args()
    en = [l for l in (PAIR / "en.presegmented.txt").read_text(encoding="utf-8").splitlines() if l]
    hu = [l for l in (PAIR / "hu.presegmented.txt").read_text(encoding="utf-8").splitlines() if l]
    rng = random.Random(19)
    pairs = []
    for _ in range(args.pairs):
        n = rng.randint(5, 20)
        i = rng.randint(0, len(en) - n)
        j = min(int(i * len(hu) / len(en)), len(hu) - n)
        pairs.append((en[i:i + n], hu[j:j + n]))
    start = time.perf_counter()
    aligner = tandem.Aligner("en", "hu", dictionary=None if args.dictionary == "none" else "auto",
                             threads=1)
    made = time.perf_counter() - start
    start = time.perf_counter()
    beads = 0
    for source, target in pairs:
        beads += len(aligner.align(source, target))
    seconds = time.perf_counter() - start
    print(f"dictionary {args.dictionary}: Aligner made in {made:.2f} s; {args.pairs} pairs "
          f"({beads} beads) in {seconds:.2f} s = {args.pairs / seconds:.0f} pairs/s")


if __name__ == "__main__":
    main()
