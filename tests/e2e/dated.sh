#!/usr/bin/env bash
# Dated corpora: JSONL documents and markdown front matter carry dates into
# first/last seen of nodes and edges: GraphML values, GEXF time spells that
# NetworkX reads, JSON members. Bad lines are reported as file:line:col and
# the other lines still count.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
PYTHON=${PYTHON:-python3}
mkdir "$tmp/c"
cat > "$tmp/c/feed.jsonl" <<'JSONL'
{"id": "a1", "date": "2024-06-19", "source": "Yonhap", "title": "Putin in Pyongyang", "text": "Russian President Vladimir Putin visited North Korea on Wednesday."}

{"id": "a2", "date": "2024-06-21T09:30:00Z", "text": "Vladimir Putin visited North Korea again, state media said."}
{"id": "broken", "text": "no closing brace"
{"id": "a3", "text": "Chinese Foreign Minister Wang Yi visited Japan."}
JSONL
printf -- '---\ndate: 2023-11-02\nsource: KCNA\n---\nChinese Foreign Minister Wang Yi visited Japan.\n' > "$tmp/c/note.md"

"$RELGRAPH" build --no-cache -T graphml,gexf,json -o "$tmp/out" "$tmp/c" 2> "$tmp/err"
[ $? -eq 2 ] || fail "a broken line should give exit 2"
grep "feed.jsonl:4:[0-9]*: " "$tmp/err" >/dev/null || fail "file:line:col for the broken line: $(cat "$tmp/err")"
grep "4 documents" "$tmp/err" >/dev/null || fail "the other lines still count: $(cat "$tmp/err")"

"$PYTHON" - "$tmp/out" <<'PY' || fail "consumers"
import json, sys
import networkx as nx
out = sys.argv[1]
g = nx.read_graphml(out + "/relgraph.graphml", force_multigraph=True)
names = {n: d["label"] for n, d in g.nodes(data=True)}
visits = [(names[u], names[v], d) for u, v, d in g.edges(data=True) if d["relation"] == "visit"]
putin = [d for u, v, d in visits if u == "Vladimir Putin" and v == "North Korea"]
assert len(putin) == 1, visits
assert putin[0]["first_seen"] == "2024-06-19" and putin[0]["last_seen"] == "2024-06-21", putin
wang = [d for u, v, d in visits if u == "Wang Yi"]
assert len(wang) == 1 and wang[0]["first_seen"] == "2023-11-02" and wang[0]["last_seen"] == "2023-11-02", wang
assert wang[0]["weight"] == 2, wang  # the undated JSONL line counts, without a date
node = [d for n, d in g.nodes(data=True) if d["label"] == "Vladimir Putin"][0]
assert node["first_seen"] == "2024-06-19", node

x = nx.read_gexf(out + "/relgraph.gexf")
assert x.graph.get("mode") == "dynamic", x.graph
spells = {(x.nodes[u]["label"], x.nodes[v]["label"]): (d.get("start"), d.get("end"))
          for u, v, d in x.edges(data=True) if d.get("relation") == "visit"}
assert spells[("Vladimir Putin", "North Korea")] == ("2024-06-19", "2024-06-21"), spells

j = json.load(open(out + "/relgraph.json"))
link = [l for l in j["links"] if l["source"] == "Vladimir Putin" and l["relation"] == "visit"][0]
assert (link["first_seen"], link["last_seen"]) == ("2024-06-19", "2024-06-21"), link
PY

# A bad date is a warning naming the line; the document counts undated.
printf '{"id": "d", "date": "June 2024", "text": "Japan criticized North Korea."}\n' > "$tmp/bad.jsonl"
"$RELGRAPH" build --no-cache -T tsv -o "$tmp/bad.tsv" "$tmp/bad.jsonl" 2> "$tmp/err" || fail "bad date: exit $?"
grep 'warning: .*bad.jsonl:1: date "June 2024" is not YYYY-MM-DD' "$tmp/err" >/dev/null || fail "date warning: $(cat "$tmp/err")"
grep "criticize" "$tmp/bad.tsv" >/dev/null || fail "the undated document did not count"
"$RELGRAPH" build -q --stdin-format xml -o "$tmp/x" - < /dev/null 2>/dev/null; [ $? -eq 2 ] || fail "--stdin-format xml"
echo "ok"
