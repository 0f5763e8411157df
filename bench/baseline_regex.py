#!/usr/bin/python3
"""The straightforward alternative to relgraph: every relation pattern as a
regular expression, tried on every sentence (what a user writes instead).

Usage: baseline_regex.py RULES_DIR FILE... > matches

Each pattern of RULES_DIR/**/*.rules becomes one Python `re` pattern:
slots become an alternation of every actor alias (longest first), words
match as words, `word*` as a word prefix, ( | ) and [ ] as groups, ..N as
up to N words, @macro by its alternatives. Text is split into sentences at
. ! ? followed by a space, and every compiled pattern is searched in every
sentence, case-insensitively. Prints the number of matches; the benchmark
times it.
"""

import os
import re
import sys


def read_rules(rules_dir):
    aliases, macros, patterns = [], {}, []
    for root, _, files in sorted(os.walk(rules_dir)):
        for f in sorted(files):
            path = os.path.join(root, f)
            with open(path, encoding="utf-8") as fh:
                lines = [line.split("#", 1)[0].rstrip() for line in fh]
            if f.endswith(".actors"):
                for line in lines:
                    m = re.match(r"actor (.+?)\s+(state|official|institution)\s*$", line)
                    if m:
                        aliases.append(m.group(1))
                    m = re.match(r"\s+(alias|metonym|demonym|short)\s+(.*)$", line)
                    if m:
                        aliases += [a.strip() for a in m.group(2).split("|") if a.strip()]
            elif f.endswith(".rules"):
                for line in lines:
                    m = re.match(r"define @(\w+)\s*=\s*(.*)$", line)
                    if m:
                        macros[m.group(1)] = m.group(2)
                    elif line[:1] in (" ", "\t") and line.strip():
                        patterns.append(line.strip())
    return aliases, macros, patterns


def to_regex(pattern, actor, macros):
    out, i = [], 0
    tokens = re.findall(r"\{[^}]*\}|\.\.\d+|@\w+|[()\[\]|]|!\S+|[^\s()\[\]|{}]+", pattern)
    for t in tokens:
        if t.startswith("{"):
            out.append(actor if not t.startswith("{!") else "")
        elif t.startswith(".."):
            out.append(r"(?:\S+\s+){0,%d}" % int(t[2:]))
        elif t.startswith("@"):
            body = macros.get(t[1:], "")
            out.append("(?:" + to_regex(body, actor, macros) + ")")
        elif t == "(":
            out.append("(?:")
        elif t == "[":
            out.append("(?:")
        elif t == ")":
            out.append(")")
        elif t == "]":
            out.append(")?")
        elif t == "|":
            out.append("|")
        elif t.startswith("!"):
            continue
        elif t.endswith("*"):
            out.append(r"\b" + re.escape(t[:-1]) + r"\w*")
        else:
            out.append(r"\b" + re.escape(t) + r"\b")
    return r"\s*".join(x for x in out if x) if out else ""


def main():
    aliases, macros, patterns = read_rules(sys.argv[1])
    actor = "(?:" + "|".join(re.escape(a) for a in sorted(set(aliases), key=len, reverse=True)) + ")"
    compiled = []
    for p in patterns:
        try:
            compiled.append(re.compile(to_regex(p, actor, macros), re.IGNORECASE))
        except re.error:
            pass
    matches = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            for rx in compiled:
                if rx.search(sentence):
                    matches += 1
    print(matches)


if __name__ == "__main__":
    main()
