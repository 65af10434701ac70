"""Benchmark: the declaration's word diff on 20,000-character texts (issue 10, point 7).

Repetitive texts once took 90 s for 2,000 characters; the diff must answer in well under a second. Prints
the median time and the matching work (see engagement.consultation.diff.MAX_MATCH_WORK) per case.
Run: .venv/bin/python bench/word_diff.py [--runs 5]
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def prose(seed: int, length: int = 20_000) -> str:
    rng = random.Random(seed)
    vocabulary = [f"woord{n}" for n in range(1500)] + ["de", "het", "een", "en", "van", "ouders", "school"] * 30
    words: list[str] = []
    while sum(len(word) + 1 for word in words) < length:
        words.append(rng.choice(vocabulary))
    return " ".join(words) + "."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "betrokken.settings")
    import django

    django.setup()
    from engagement.consultation.diff import TOKEN, match_work, word_diff

    repetitive = "a b " * 5000
    shuffled = repetitive.split()
    random.Random(1).shuffle(shuffled)
    text = prose(3)
    cases = {
        "repetitive vs reordered": (repetitive, " ".join(shuffled)),
        "two different texts": (text, prose(4)),
        "one word inserted": (text, text[:10_000] + " drie " + text[10_000:]),
        "every 50th word changed": (text, " ".join(w if n % 50 else "ander" for n, w in enumerate(text.split()))),
    }
    for name, (old, new) in cases.items():
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            pieces = word_diff(old, new)
            times.append(time.perf_counter() - start)
        work = match_work(TOKEN.findall(old), TOKEN.findall(new))
        print(f"{name:26} {statistics.median(times) * 1000:8.1f} ms  work {work:>12,}  pieces {len(pieces)}")


if __name__ == "__main__":
    main()
