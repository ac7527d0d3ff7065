#!/usr/bin/env python3
"""Scores a lockorder JSON report against lock orderings documented in the kernel sources.

usage: score-documented-order.py REPORT.json [PAIRS.tsv]

For each documented pair "outer -> inner" (bench/documented-lock-order.tsv) it says whether the
report's lock-order graph has the edge, or a path, from outer to inner (recovered), and whether it
has the opposite order as an edge (inverted), with the shortest lock-order cycle finding that
contains both classes as the witness. A pair the comments document in both orders (6.1's
mm/rmap.c puts PG_locked before hugetlbfs_i_mmap_rwsem_key in its main list, and a hugetlb
mapping's i_mmap_rwsem before PG_locked in its hugetlbfs list) is not inverted by either edge; it
is counted apart. A pair whose note starts "stale:" is one the code no longer takes (the comment
outlived it); when it is not recovered it is counted as stale, not as missing. Reverse paths of up
to 3 classes are only counted. Prints a score line at the end.
"""
import collections
import fnmatch
import json
import os
import sys


def load_pairs(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            pairs.append((cols[0], cols[1], cols[2], cols[3] if len(cols) > 3 else ""))
    return pairs


def matching(spec, classes):
    out = set()
    for alt in spec.split("|"):
        out.update(c for c in classes if fnmatch.fnmatchcase(c, alt))
    return out


def shortest_path(adj, sources, targets, limit=8):
    """Breadth-first search; returns the class path or None."""
    prev = {s: None for s in sources}
    queue = collections.deque((s, 0) for s in sorted(sources))
    while queue:
        node, depth = queue.popleft()
        if node in targets and prev[node] is not None:
            path = [node]
            while prev[path[-1]] is not None:
                path.append(prev[path[-1]])
            return list(reversed(path))
        if depth >= limit:
            continue
        for nxt in adj.get(node, ()):
            if nxt not in prev:
                prev[nxt] = node
                queue.append((nxt, depth + 1))
    return None


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    report = json.load(open(argv[1], encoding="utf-8"))
    pairs_file = argv[2] if len(argv) > 2 else os.path.join(os.path.dirname(__file__), "documented-lock-order.tsv")
    pairs = load_pairs(pairs_file)
    adj = collections.defaultdict(set)
    edges = set()
    classes = set()
    for program in report.get("graph", {}).get("programs", []):
        for e in program["edges"]:
            adj[e["from"]].add(e["to"])
            edges.add((e["from"], e["to"]))
            classes.update((e["from"], e["to"]))
    findings = report.get("findings", [])
    files = [f["file"] for f in findings if f.get("file", "").startswith("/")]
    report_root = os.path.commonpath(files) if files else None
    recovered = edge_count = inverted = reverse_paths = stale = 0
    inversions = []
    specs = {(outer, inner) for _, outer, inner, _ in pairs}
    both_ways = set()
    for source, outer, inner, note in pairs:
        outs, ins = matching(outer, classes), matching(inner, classes)
        direct = any((a, b) in edges for a in outs for b in ins)
        path = None if direct else shortest_path(adj, outs, ins)
        back = shortest_path(adj, ins, outs, limit=3)
        if direct or path:
            recovered += 1
        if direct:
            edge_count += 1
        status = "edge" if direct else ("path " + " -> ".join(path) if path else "missing")
        if not (direct or path) and note.startswith("stale:"):
            stale += 1
            status = "stale (" + note[len("stale:"):].strip() + ")"
        if not outs or not ins:
            status += " (class not in graph: " + ", ".join(s for s, m in ((outer, outs), (inner, ins)) if not m) + ")"
        print(f"{source}\t{outer} -> {inner}\t{status}")
        # Inverted: the graph has the opposite order as a direct edge. (Reverse paths through a
        # dense graph are counted separately: on a whole-tree graph they mostly pass through
        # over-approximated classes and say little.)
        back_edge = [(b, a) for a in outs for b in ins if (b, a) in edges]
        if back:
            reverse_paths += 1
        if back_edge and (inner, outer) in specs:
            both_ways.add(tuple(sorted((outer, inner))))
        elif back_edge:
            inverted += 1
            b, a = sorted(back_edge)[0]
            witness = [f for f in findings if f.get("rule") == "LO001" and {a, b} <= set(f.get("classes", []))]
            witness.sort(key=lambda f: len(f.get("classes", [])))
            inversions.append((source, outer, inner, [b, a], witness[:1]))
    print()
    for source, outer, inner, back, witness in inversions:
        print(f"INVERTED {source}: documented {outer} -> {inner}; graph has the edge " + " -> ".join(back))
        for f in witness:
            print(f"  finding {f['rule']} {f['file']}:{f['line']}: {f['message']}")
            for t in f.get("threads", []):
                if {t.get("holds"), t.get("acquires")} != {inner_c for inner_c in back} and t.get("holds") != back[0]:
                    continue
                steps = t.get("steps", [])
                chain = " > ".join(f"{s['function']}" + (f" [{s['event']} {s.get('lock')}]" if s.get("event") == "acquire" else "")
                                   + f" {os.path.relpath(s['file'], report_root) if report_root else s['file']}:{s['line']}" for s in steps)
                print(f"    thread {t.get('entry')}: holds {t.get('holds')}, acquires {t.get('acquires')}: {chain}")
    for a, b in sorted(both_ways):
        print(f"BOTH WAYS: {a} and {b} are documented in both orders; their edges invert nothing")
    print()
    print(f"documented pairs: {len(pairs)}; recovered: {recovered} ({edge_count} as an edge, {recovered - edge_count} as a path); "
          f"not in the code (stale comment): {stale}; inverted (reverse edge): {inverted}; documented both ways: {len(both_ways)}; reverse path of at most 3 classes: {reverse_paths}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
