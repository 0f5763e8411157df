#!/usr/bin/python3
"""Writes a deterministic news-like corpus for the benchmark.

Usage: gen_corpus.py SEEDS_DIR RULES_DIR OUT_DIR --mb N [--seed S]

Sentences are the seed articles' own sentences with every actor name they
contain replaced by a name drawn from the dictionaries in RULES_DIR (use
the scaled rules of gen_rules.py for a larger cast), so their shape, length
and relation wording are those of real articles; one sentence in two is a
filler sentence that names no actor. Documents of 2 to 8 KB are written
under OUT_DIR/NN/ as .txt files, until N megabytes are written. The same
arguments give the same bytes.
"""

import argparse
import os
import random
import re

FILLER = ("the officials said on Tuesday that talks over the proposal would continue next week as markets "
          "reacted calmly to the news while analysts expected little change in the policy of the ministry "
          "according to a statement released late in the evening after a long meeting in the capital "
          "where reporters gathered outside the building to wait for comments on the economy and prices").split()


def actor_names(rules_dir):
    names, states = [], []
    for root, _, files in sorted(os.walk(rules_dir)):
        for f in sorted(files):
            if f.endswith(".actors"):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    for line in fh:
                        m = re.match(r"actor (.+?)\s+(state|official|institution)\s*$", line)
                        if m:
                            names.append(m.group(1))
                            if m.group(2) == "state":
                                states.append(m.group(1))
    return names, states


def seed_sentences(seeds_dir, known):
    text = ""
    for f in sorted(os.listdir(seeds_dir)):
        if f.endswith((".txt", ".md")):
            with open(os.path.join(seeds_dir, f), encoding="utf-8") as fh:
                text += re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", fh.read()) + "\n"
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text) if len(s.strip()) > 30]
    # Longest names first so that "North Korea" is replaced before "Korea".
    pattern = re.compile("|".join(re.escape(n) for n in sorted(known, key=len, reverse=True)))
    return [(s, pattern) for s in sentences]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("seeds")
    ap.add_argument("rules")
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, required=True)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    names, states = actor_names(args.rules)
    real, _ = actor_names(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules"))
    templates = seed_sentences(args.seeds, real)
    target = int(args.mb * 1024 * 1024)
    written, doc = 0, 0
    os.makedirs(args.out, exist_ok=True)
    while written < target:
        size = rng.randint(2048, 8192)
        parts = []
        n = 0
        while n < size:
            if rng.random() < 0.5:
                s, pat = rng.choice(templates)
                s = pat.sub(lambda m: rng.choice(states if rng.random() < 0.5 else names), s)
            else:
                words = [rng.choice(FILLER) for _ in range(rng.randint(12, 30))]
                s = " ".join(words).capitalize() + "."
            parts.append(s)
            n += len(s.encode("utf-8")) + 1
        body = " ".join(parts) + "\n"
        sub = os.path.join(args.out, f"{doc // 1000:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"doc{doc:06d}.txt"), "w", encoding="utf-8") as fh:
            fh.write(body)
        written += len(body.encode("utf-8"))
        doc += 1
    print(f"gen_corpus: {doc} documents, {written / 1048576:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
