#!/usr/bin/python3
"""A relgraph build on a Dask distributed cluster.

The corpus is cut into shards; each shard's documents travel as bytes to a
worker, which runs `relgraph extract -T part` on them (map). The parts are
merged on the workers in a tree of `relgraph merge -T part` (reduce), and
the one part left is turned into the outputs here by `relgraph merge`.
Merging is associative and commutative, so the files are byte for byte
those of `relgraph build` on the same corpus, rules and options, however
the shards were cut and whichever worker ran them. Every task is pure and
returns bytes: when a worker dies, Dask runs its tasks again elsewhere.

Workers need the `relgraph` binary (--relgraph, the same version
everywhere); the rules and the documents are sent to them.
"""

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time

PROG = "dask_build.py"
CORPUS_EXTENSIONS = (".txt", ".md", ".jsonl")


def die(message):
    print(f"{PROG}: {message}", file=sys.stderr)
    sys.exit(2)


# ---------------------------------------------------------------- on workers
# These functions are pickled by value (this file runs as __main__), so a
# worker needs only Python, Dask and relgraph, not this script.

def _write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


def _identity(value):
    return value


def _run(cmd, stdin=b""):
    """subprocess.run, and the CPU seconds the command used (a worker runs
    one task at a time: its children's times are this command's)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return run, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def extract_shard(shard, rules, relgraph, extract_args):
    """Runs `relgraph extract -T part` on one shard; returns (part, messages,
    failed, CPU seconds of relgraph).

    shard: {"files": [(path, name, data)], "stdin": bytes or None}. Each file
    is written under its own base name (a document's id is its file name
    without the extension) in a directory of its own (two shards' files may
    share a name). rules: (label, {relative path: bytes}), rebuilt under
    the same directory name, since rule locations in evidence start there.
    """
    with tempfile.TemporaryDirectory(prefix="relgraph-shard-") as tmp:
        label, files = rules
        rules_dir = os.path.join(tmp, "rules", label)
        for rel, data in files.items():
            _write(os.path.join(rules_dir, rel) if rel else rules_dir, data)
        paths, renames = [], [(rules_dir, rules[0])]
        for i, (path, name, data) in enumerate(shard["files"]):
            local = os.path.join(tmp, "docs", str(i), name)
            _write(local, data)
            paths.append(local)
            renames.append((local, path))
        if shard["stdin"] is not None:
            paths.append("-")
        cmd = [relgraph, "extract", "-q", "-j", "1", "-T", "part", "--rules", rules_dir, *extract_args, *paths]
        run, cpu = _run(cmd, shard["stdin"] or b"")
        # Messages name the documents as the user knows them, not as copied here.
        messages = run.stderr.decode("utf-8", "replace")
        for local, path in sorted(renames, key=lambda r: -len(r[0])):
            messages = messages.replace(local, path)
        # Exit 2 with a part: some documents could not be read, the others
        # count (as in build). No part: the run itself failed.
        if run.returncode not in (0, 2) or not run.stdout.startswith(b"relgraph-part\t"):
            raise RuntimeError(f"relgraph extract failed (exit {run.returncode}): {messages.strip()}")
        return run.stdout, messages, run.returncode != 0, cpu


def merge_parts(relgraph, *results):
    """Merges the parts of results (as extract_shard returns) into one."""
    with tempfile.TemporaryDirectory(prefix="relgraph-merge-") as tmp:
        paths = []
        for i, (part, *_) in enumerate(results):
            paths.append(os.path.join(tmp, f"{i}.part"))
            _write(paths[-1], part)
        run, cpu = _run([relgraph, "merge", "-q", "-T", "part", *paths])
        if run.returncode != 0:
            raise RuntimeError(f"relgraph merge failed (exit {run.returncode}): "
                               f"{run.stderr.decode('utf-8', 'replace').strip()}")
        return (run.stdout, "".join(r[1] for r in results), any(r[2] for r in results),
                cpu + sum(r[3] for r in results))


# ---------------------------------------------------------------- here

def corpus_files(args):
    """The corpus's files as relgraph lists them: directories walked
    recursively (hidden entries skipped, links followed once, .txt/.md/.jsonl
    in any case), named files of any extension, all in sorted path order;
    and the directories that could not be read (reported, as by relgraph)."""
    found, visited, unreadable = set(), set(), []

    def walk(directory):
        try:
            st = os.stat(directory)
            names = sorted(os.listdir(directory))
        except OSError as e:
            print(f"{PROG}: {directory}: {e.strerror}", file=sys.stderr)
            unreadable.append(directory)
            return
        if (st.st_dev, st.st_ino) in visited:
            return
        visited.add((st.st_dev, st.st_ino))
        for name in names:
            if name.startswith("."):
                continue
            child = os.path.join(directory, name)
            if os.path.isdir(child):
                walk(child)
            elif os.path.isfile(child) and name.lower().endswith(CORPUS_EXTENSIONS):
                found.add(child)

    for arg in sorted(set(args)):
        if arg == "-":
            found.add(arg)
        elif os.path.isdir(arg):
            walk(arg)
        elif os.path.exists(arg):
            found.add(arg)
        else:
            die(f"{arg}: no such file or directory")
    return sorted(found, key=os.fsencode), unreadable


def jsonl_chunks(data, per_shard):
    """Cuts JSONL bytes into (first line number, bytes) of per_shard
    documents each (blank lines are no documents, as in relgraph)."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    start, count = 0, 0
    for i, line in enumerate(lines):
        if line.strip(b" \t\r"):
            count += 1
        if count == per_shard or i == len(lines) - 1:
            yield start + 1, b"".join(l + b"\n" for l in lines[start:i + 1])
            start, count = i + 1, 0


def make_shards(paths, per_shard, max_bytes, stdin_format):
    """Shards, each {"files": [...], "stdin": bytes or None, "documents": n},
    and the paths that could not be read.
    A JSONL chunk keeps its line numbers: it is sent after as many empty
    lines as precede it, because a document without an id is named
    FILE:LINE by relgraph (the padding costs one byte a line)."""
    shards, current, size, unreadable = [], [], 0, []

    def flush():
        nonlocal current, size
        if current:
            shards.append({"files": current, "stdin": None, "documents": len(current)})
        current, size = [], 0

    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError as e:  # as in build: reported, the other documents still count
                print(f"{PROG}: {path}: {e.strerror}", file=sys.stderr)
                unreadable.append(path)
                continue
        is_jsonl = stdin_format == "jsonl" if path == "-" else path.lower().endswith(".jsonl")
        if is_jsonl:
            for first, chunk in jsonl_chunks(data, per_shard):
                padded = b"\n" * (first - 1) + chunk
                n = sum(1 for l in chunk.split(b"\n") if l.strip(b" \t\r"))
                if path == "-":
                    shards.append({"files": [], "stdin": padded, "documents": n})
                else:
                    shards.append({"files": [(path, os.path.basename(path), padded)], "stdin": None, "documents": n})
        elif path == "-":
            shards.append({"files": [], "stdin": data, "documents": 1})
        else:
            if len(current) >= per_shard or (current and size + len(data) > max_bytes):
                flush()
            current.append((path, os.path.basename(path), data))
            size += len(data)
    flush()
    return shards, unreadable


def read_rules(rules):
    """(label, {relative path: bytes}): the rule files relgraph would read
    (.actors and .rules, hidden entries skipped), under the name that
    starts their locations: the directory's own name."""
    trimmed = rules.rstrip("/") or "/"
    label = os.path.basename(trimmed) or "."
    if os.path.isfile(rules):
        with open(rules, "rb") as fh:
            return label, {"": fh.read()}
    if not os.path.isdir(rules):
        die(f"{rules}: no such rules directory")
    files = {}
    for root, dirs, names in os.walk(rules, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and name.endswith((".actors", ".rules")):
                path = os.path.join(root, name)
                with open(path, "rb") as fh:
                    files[os.path.relpath(path, rules)] = fh.read()
    return label, files


def default_rules():
    env = os.environ.get("RELGRAPH_RULES")
    if env:
        return env
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules")
    return os.path.normpath(here) if os.path.isdir(here) else None


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class Progress:
    """One line on stderr: rewritten in place on a terminal, else printed
    once a second or every 5 % of the tasks (and at the end), so a log
    stays short."""

    def __init__(self, quiet, total):
        self.quiet, self.tty, self.total = quiet, sys.stderr.isatty(), total
        self.last, self.last_done = 0.0, 0

    def show(self, done, text):
        if self.quiet:
            return
        now, final = time.monotonic(), done == self.total
        if self.tty:
            print(f"\r{PROG}: {text}", end="\n" if final else "", file=sys.stderr, flush=True)
        elif final or now - self.last >= 1.0 or (done - self.last_done) * 20 >= self.total:
            print(f"{PROG}: {text}", file=sys.stderr, flush=True)
            self.last, self.last_done = now, done


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Build relgraph's outputs on a Dask distributed cluster: extract shards of the "
                    "corpus on the workers, merge the parts there in a tree, write the outputs here. "
                    "The files are byte for byte those of 'relgraph build' with the same options.",
        epilog="Options after -- go to the final 'relgraph merge' (views, layout, title): "
               "dask_build.py -o out seeds -- --roll-up --min-weight 2. "
               "Exit status: 0 success; 2 usage, rule or input errors (a document that cannot be "
               "read does not stop the others, as in build); 1 a task failed on the cluster.")
    p.add_argument("corpus", nargs="+", metavar="CORPUS",
                   help="files (.txt, .md, .jsonl), directories (walked as relgraph does) or - for standard input")
    p.add_argument("--scheduler", metavar="ADDR",
                   help="address of a running scheduler (tcp://host:port); default: start a LocalCluster")
    p.add_argument("--scheduler-file", metavar="FILE", help="read the scheduler's address from the file dask-scheduler --scheduler-file wrote")
    p.add_argument("--workers", type=int, metavar="N", help="LocalCluster only: N workers of one thread (default: one per core)")
    p.add_argument("--wait-workers", type=int, default=1, metavar="N",
                   help="wait (up to 60 s) until N workers have joined before sending work (default: 1)")
    p.add_argument("--files-from", metavar="FILE", help="also read corpus paths from FILE, one a line (- for standard input)")
    p.add_argument("--relgraph", default=os.environ.get("RELGRAPH", "relgraph"), metavar="PATH",
                   help="the relgraph binary, here and on every worker (default: $RELGRAPH, else relgraph on PATH)")
    p.add_argument("-r", "--rules", metavar="DIR", default=default_rules(),
                   help="rules directory, sent to the workers (default: $RELGRAPH_RULES, else the project's rules/)")
    p.add_argument("-o", "--output", default="figures/", metavar="DIR|FILE", help="as relgraph build (default: figures/)")
    p.add_argument("-T", "--format", metavar="LIST", help="as relgraph build (default: dot,svg,graphml)")
    p.add_argument("--max-evidence", type=int, metavar="N", help="as relgraph build (default: 3)")
    p.add_argument("--hedged", choices=("drop", "keep"), help="as relgraph build")
    p.add_argument("--no-discovery", action="store_true", help="as relgraph build")
    p.add_argument("--stdin-format", choices=("text", "jsonl"), default="text", help="what - holds (default: text)")
    p.add_argument("--shard-docs", type=int, default=200, metavar="N", help="documents per shard (default: 200)")
    p.add_argument("--shard-mb", type=float, default=16, metavar="MB",
                   help="and at most this many megabytes of files per shard (default: 16)")
    p.add_argument("--fan-in", type=int, default=8, metavar="K", help="parts merged by one reduce task (default: 8)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    if "--" in argv:
        cut = argv.index("--")
        args, args.merge_args = p.parse_args(argv[:cut]), argv[cut + 1:]
    else:
        args = p.parse_args(argv)
        args.merge_args = []
    if args.shard_docs < 1 or args.fan_in < 2 or args.shard_mb <= 0:
        p.error("--shard-docs must be at least 1, --fan-in at least 2, --shard-mb above 0")
    if args.max_evidence is not None and args.max_evidence < 0:
        p.error("--max-evidence must be 0 or more")
    if args.scheduler and args.scheduler_file:
        p.error("give --scheduler or --scheduler-file, not both")
    if not args.rules:
        p.error("no rules: give --rules DIR (or set RELGRAPH_RULES)")
    return args


def connect(args):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        die("Dask distributed is not installed (Debian: apt-get install python3-distributed)")
    try:
        if args.scheduler:
            return Client(args.scheduler, timeout="20s"), None
        if args.scheduler_file:
            return Client(scheduler_file=args.scheduler_file, timeout="20s"), None
        cluster = LocalCluster(n_workers=args.workers or os.cpu_count(), threads_per_worker=1,
                               dashboard_address=None)
        return Client(cluster), cluster
    except (OSError, TimeoutError) as e:
        die(f"cannot reach the scheduler: {e}")


def main(argv):
    args = parse_args(argv)
    corpus = list(args.corpus)
    if args.files_from:
        try:
            fh = sys.stdin if args.files_from == "-" else open(args.files_from, encoding="utf-8")
            corpus += [line.rstrip("\n") for line in fh if line.strip()]
        except OSError as e:
            die(f"{args.files_from}: {e.strerror}")
    try:
        works = subprocess.run([args.relgraph, "--help"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL).returncode == 0
    except OSError as e:
        die(f"{args.relgraph}: {e.strerror} (give --relgraph PATH or set RELGRAPH)")
    if not works:
        die(f"{args.relgraph}: not a working relgraph")

    extract_args = []
    if args.max_evidence is not None:
        extract_args += ["--max-evidence", str(args.max_evidence)]
    if args.hedged:
        extract_args += ["--hedged", args.hedged]
    if args.no_discovery:
        extract_args.append("--no-discovery")
    if args.stdin_format == "jsonl":
        extract_args += ["--stdin-format", "jsonl"]
    rules = read_rules(args.rules)
    paths, unreadable_dirs = corpus_files(corpus)
    shards, unreadable = make_shards(paths, args.shard_docs, int(args.shard_mb * 1e6), args.stdin_format)
    unreadable += unreadable_dirs
    documents = sum(s["documents"] for s in shards)
    if not shards:
        die("no document could be read; nothing written")  # as build

    client, cluster = connect(args)
    try:
        client.wait_for_workers(args.wait_workers, timeout=60)
    except (OSError, TimeoutError):
        client.close()
        if cluster:
            cluster.close()
        die(f"fewer than {args.wait_workers} workers joined within 60 s")
    start = time.monotonic()
    try:
        from distributed import as_completed
        # The rules travel once per worker, not once per task; being a task's
        # result (not scattered data), they are recomputed if their holder dies.
        digest = hashlib.sha256(repr(sorted(rules[1].items())).encode()).hexdigest()[:16]
        rules_future = client.submit(_identity, rules, key=f"relgraph-rules-{digest}")
        # Map: one extract task per shard.
        level = [client.submit(extract_shard, {"files": s["files"], "stdin": s["stdin"]}, rules_future,
                               args.relgraph, extract_args, key=f"relgraph-extract-{i}", pure=False)
                 for i, s in enumerate(shards)]
        for s in shards:  # the bytes are the scheduler's now
            s["files"] = s["stdin"] = None
        n_extract, extracts = len(level), set(level)
        # Reduce: merge groups of fan_in parts until one is left.
        merges, depth = [], 0
        while len(level) > 1:
            depth += 1
            level = [client.submit(merge_parts, args.relgraph, *level[i:i + args.fan_in],
                                   key=f"relgraph-merge-{depth}-{i}", pure=False)
                     for i in range(0, len(level), args.fan_in)]
            merges += level
        root = level[0]
        progress = Progress(args.quiet, n_extract + len(merges))
        done_extract = done_merge = 0
        for future in as_completed(list(extracts) + merges):
            if future.status == "error":
                future.result()  # raises the task's error
            if future in extracts:
                done_extract += 1
            else:
                done_merge += 1
            progress.show(done_extract + done_merge,
                          f"{done_extract}/{n_extract} shards extracted, {done_merge}/{len(merges)} merged, "
                          f"{plural(len(client.scheduler_info()['workers']), 'worker')}")
        part, messages, failed, cpu = root.result()
        workers = len(client.nthreads())  # asked now (scheduler_info() may be 2 s old)
    except KeyboardInterrupt:
        die("interrupted")
    except Exception as e:  # a task's own error, or the cluster's (KilledWorker, ...)
        print(f"{PROG}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    finally:
        client.close()
        if cluster:
            cluster.close()
    elapsed = time.monotonic() - start
    sys.stderr.write(messages)
    if not args.quiet:
        print(f"{PROG}: {documents} documents in {n_extract} shards on {plural(workers, 'worker')}: {elapsed:.1f} s, "
              f"{documents / elapsed:.0f} documents/s; relgraph used {cpu:.1f} CPU s on the workers "
              f"({documents / max(cpu, 1e-3):.0f} documents per CPU second)", file=sys.stderr)

    # The outputs, written here by relgraph merge from the one part left.
    with tempfile.TemporaryDirectory(prefix="relgraph-dask-") as tmp:
        path = os.path.join(tmp, "corpus.part")
        _write(path, part)
        cmd = [args.relgraph, "merge", "-o", args.output, "--rules", args.rules]
        if args.format:
            cmd += ["-T", args.format]
        if args.max_evidence is not None:
            cmd += ["--max-evidence", str(args.max_evidence)]
        if args.quiet:
            cmd.append("-q")
        rc = subprocess.run(cmd + args.merge_args + [path]).returncode
    return rc if rc != 0 else (2 if failed or unreadable else 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
