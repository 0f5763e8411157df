#!/usr/bin/env bash
# View options on the shipped corpus: --min-weight, --relations, --types,
# --focus/--depth, --top and --roll-up, each checked against the full graph,
# in every format (the DOT, GraphML and JSON of a view agree).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
PYTHON=${PYTHON:-/usr/bin/python3}
seeds=$RELGRAPH_SRC/seeds

view() { # NAME OPTIONS...
  local name=$1; shift
  "$RELGRAPH" build -q --keep-isolated -T json,graphml,dot,tsv -o "$tmp/$name" "$@" "$seeds" || fail "$name: build exit $?"
}
view full
view weight --min-weight 2
view rels --relations visit,meet
view states --types state
view focus --focus "North Korea" --depth 1
view top --top 5
view rollup --roll-up
view combined --roll-up --relations visit --min-weight 2

"$PYTHON" - "$tmp" <<'PY' || fail "views do not select what they promise"
import json, subprocess, sys, networkx as nx
tmp = sys.argv[1]
def load(name):
    with open(f"{tmp}/{name}/relgraph.json", encoding="utf-8") as f:
        d = json.load(f)
    g = nx.read_graphml(f"{tmp}/{name}/relgraph.graphml", force_multigraph=True)
    out = subprocess.run(["gc", "-n", "-e", f"{tmp}/{name}/relgraph.dot"], capture_output=True, text=True).stdout.split()
    counts = (len(d["nodes"]), len(d["links"]))
    assert counts == (g.number_of_nodes(), g.number_of_edges()) == (int(out[0]), int(out[1])), \
        f"{name}: JSON {counts}, GraphML {(g.number_of_nodes(), g.number_of_edges())}, DOT {out[:2]}"
    return d
def edges(d): return {(l["source"], l["relation"], l["target"]): l["weight"] for l in d["links"]}
def types(d): return {n["id"]: n["type"] for n in d["nodes"]}
full = load("full"); E = edges(full); T = types(full)

w = load("weight")
assert edges(w) == {k: v for k, v in E.items() if v >= 2}, "--min-weight 2"
assert all(any(n["id"] in (s, t) for (s, _, t) in edges(w)) for n in w["nodes"]), "--min-weight leaves no orphan"

r = load("rels")
assert edges(r) == {k: v for k, v in E.items() if k[1] in ("visit", "meet")}, "--relations visit,meet"

s = load("states")
assert set(types(s).values()) == {"state"} and len(s["nodes"]) == list(T.values()).count("state"), "--types state"
assert edges(s) == {k: v for k, v in E.items() if T[k[0]] == T[k[2]] == "state"}, "--types keeps edges between states"

f = load("focus")
hood = {"North Korea"} | {t for (s_, _, t) in E if s_ == "North Korea"} | {s_ for (s_, _, t) in E if t == "North Korea"}
assert {n["id"] for n in f["nodes"]} == hood, "--focus: North Korea and its neighbours"
assert edges(f) == {k: v for k, v in E.items() if k[0] in hood and k[2] in hood}, "--focus: edges among them"

t = load("top")
deg = {}
for (s_, _, t_), v in E.items():
    deg[s_] = deg.get(s_, 0) + v; deg[t_] = deg.get(t_, 0) + v
best = sorted(T, key=lambda n: (-deg.get(n, 0), n))[:5]
assert sorted(n["id"] for n in t["nodes"]) == sorted(best), f"--top 5: {best}"

u = load("rollup")
A = {n["id"]: n.get("affiliation") for n in full["nodes"]}
left = [n for n, ty in types(u).items() if ty != "state"]
assert all(T.get(A.get(n)) != "state" for n in left), f"--roll-up leaves only states and stateless actors: {left}"
assert not any(T[n] == "official" and T.get(A.get(n)) == "state" for n in types(u)), "officials are folded"
assert "Kim Jong Un" not in types(u) and "Chinese Foreign Ministry" not in types(u)
assert all(s_ != t_ for (s_, _, t_) in edges(u)), "--roll-up drops self-loops"
ue = edges(u)
assert ue[("China", "meet", "North Korea")] > E.get(("China", "meet", "North Korea"), 0), \
    "--roll-up adds the meetings of Chinese and North Korean officials to the states' edge"
assert sum(ue.values()) <= sum(E.values())

c = load("combined")
assert all(k[1] == "visit" and v >= 2 for k, v in edges(c).items()) and edges(c), "--roll-up --relations --min-weight"
assert "Xi Jinping" not in types(c)
print(f"views: full {len(full['nodes'])}/{len(E)}, min-weight {len(edges(w))}, relations {len(edges(r))}, "
      f"states {len(s['nodes'])}, focus {len(f['nodes'])}, top 5, roll-up {len(u['nodes'])}/{len(ue)}")
PY

# --focus takes any name of the actor, in any case: the same view as its
# canonical name. --depth 0 is the actor alone, 1 the default.
for name in "north korea" DPRK Pyongyang "North Korean"; do
  "$RELGRAPH" build -q -T json -o "$tmp/alias.json" --focus "$name" "$seeds" || fail "--focus '$name': exit $?"
  cmp -s "$tmp/alias.json" "$tmp/focus/relgraph.json" || fail "--focus '$name' is not the view of North Korea"
done
"$RELGRAPH" build -q -T json -o "$tmp/kim1.json" --focus "Kim Jong-un" "$seeds" || fail "--focus 'Kim Jong-un'"
"$RELGRAPH" build -q -T json -o "$tmp/kim2.json" --focus "Kim Jong Un" "$seeds" || fail "--focus 'Kim Jong Un'"
cmp -s "$tmp/kim1.json" "$tmp/kim2.json" || fail "'Kim Jong-un' and 'Kim Jong Un' give different views"
"$RELGRAPH" build -q -T json -o "$tmp/d1.json" --focus "North Korea" "$seeds" || fail "--focus without --depth"
cmp -s "$tmp/d1.json" "$tmp/focus/relgraph.json" || fail "--depth 1 is not the default"
"$RELGRAPH" build -T json,tsv -o "$tmp/d0" --focus DPRK --depth 0 "$seeds" 2> "$tmp/err" || fail "--depth 0: exit $?"
grep -q '(view: 1 actor, 0 edges)' "$tmp/err" || fail "--depth 0 is not the actor alone: $(cat "$tmp/err")"
grep -q '"id" : "North Korea"' "$tmp/d0/relgraph.json" || fail "--depth 0 lost the actor"
"$RELGRAPH" build -q -T json -o "$tmp/d2.json" --focus "North Korea" --depth 2 "$seeds" || fail "--depth 2"
[ "$(grep -c '"label"' "$tmp/d2.json")" -gt "$(grep -c '"label"' "$tmp/d1.json")" ] || fail "--depth 2 is no wider than 1"
"$RELGRAPH" build -q --focus "North Korea" --depth -1 -o "$tmp/bad" "$seeds" 2> /dev/null; [ $? -eq 2 ] || fail "--depth -1"
"$RELGRAPH" build -q --focus "North Korea" --depth two -o "$tmp/bad" "$seeds" 2> /dev/null; [ $? -eq 2 ] || fail "--depth two"

# Bad view options: exit 2 with a message, nothing written.
"$RELGRAPH" build -q --relations vist -o "$tmp/bad" "$seeds" 2> "$tmp/err"; [ $? -eq 2 ] || fail "unknown relation exit"
grep -q 'unknown relation "vist"' "$tmp/err" || fail "unknown relation message"
"$RELGRAPH" build -q --types country -o "$tmp/bad" "$seeds" 2> "$tmp/err"; [ $? -eq 2 ] || fail "unknown type exit"
"$RELGRAPH" build -q --focus Atlantis -o "$tmp/bad" "$seeds" 2> "$tmp/err"; [ $? -eq 2 ] || fail "unknown focus exit"
grep -q -- '--focus: no actor "Atlantis" in the rules' "$tmp/err" || fail "unknown focus message: $(cat "$tmp/err")"
"$RELGRAPH" build -q --focus "Nroth Korea" -o "$tmp/bad" "$seeds" 2> "$tmp/err"; [ $? -eq 2 ] || fail "misspelt focus exit"
grep -q 'nearest: "North Korea", "South Korea"' "$tmp/err" || fail "misspelt focus suggestions: $(cat "$tmp/err")"
"$RELGRAPH" build -q --depth 2 -o "$tmp/bad" "$seeds" 2> /dev/null; [ $? -eq 2 ] || fail "--depth without --focus"
[ -e "$tmp/bad" ] && fail "a rejected view wrote output"
echo "views: ok"
