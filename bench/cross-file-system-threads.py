#!/usr/bin/env python3
"""Counts findings whose threads pass from one file system's code into another's (ADR-003).

usage: cross-file-system-threads.py REPORT.json KERNEL_TREE [--list N]

A file system is a directory under fs/ that defines a struct file_system_type object, as in the
linux profile; fs/kernfs counts as sysfs's, and the profile's stacking directories work on any
file system's objects. A thread "crosses" when, after running in file system A's code, an ops
call (a step with a 'via') enters file system B's code, with no page fault, reclaim or stacking
code in between. ADR-003 keeps such paths out of the analysis; a crossing thread is a witness
that shows another file system's path, or an edge kept for shared code that only some file
systems use (jbd2, for ext4 and ocfs2).
"""
import collections
import json
import os
import re
import sys

STACKING = {"overlayfs", "ecryptfs", "cachefiles", "nfsd", "coda", "smb/server"}
LIBRARIES = {"kernfs": "sysfs"}
DEFINITION = re.compile(r"struct\s+file_system_type\s+\w+\s*=")


def file_systems(tree):
    """The directories under fs/ whose sources define a file_system_type object."""
    found = set()
    for root, _, files in os.walk(os.path.join(tree, "fs")):
        parts = os.path.relpath(root, tree).split(os.sep)
        if len(parts) < 2:
            continue  # fs/*.c: the VFS (pipefs, nsfs and the like are not file systems users mount)
        for name in files:
            if not name.endswith(".c"):
                continue
            with open(os.path.join(root, name), errors="replace") as f:
                if DEFINITION.search(f.read()):
                    found.add(parts[1])
    return found


def owner(path, fss, tree):
    """The file system a source belongs to, 'stacking', or None for shared code."""
    if os.path.isabs(path):
        path = os.path.relpath(path, tree)
    parts = path.split("/")
    if parts[0] != "fs" or len(parts) < 3:
        return None
    if "/".join(parts[1:3]) in STACKING or parts[1] in STACKING:
        return "stacking"
    d = LIBRARIES.get(parts[1], parts[1])
    return d if d in fss else None


def crossing(thread, fss, tree):
    """(from, to, caller, callee) of the first crossing in the thread, or None."""
    current = None
    previous = None
    for step in thread["steps"]:
        fs = None if step["function"] == "<page fault>" else owner(step["file"], fss, tree)
        if fs == "stacking":
            current = None
        elif fs is not None:
            if current not in (None, fs) and previous is not None and previous["via"]:
                return current, fs, previous["function"], previous["detail"]
            current = fs
        via = step["via"] or ""
        if "fault" in via or "reclaim" in via or (step["detail"] or "").startswith("<"):
            current = None
        previous = step
    return None


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__.strip().splitlines()[2])
    shown = int(args[args.index("--list") + 1]) if "--list" in args else 10
    with open(args[0]) as f:
        report = json.load(f)
    fss = file_systems(args[1])
    by_rule = collections.Counter()
    by_call = collections.Counter()
    for finding in report["findings"]:
        for thread in finding["threads"]:
            c = crossing(thread, fss, os.path.abspath(args[1]))
            if c:
                by_rule[finding["rule"]] += 1
                by_call[(c[2], c[3])] += 1
                break
    total = collections.Counter(f["rule"] for f in report["findings"])
    for rule in sorted(total):
        print(f"{rule}: {by_rule[rule]} of {total[rule]} findings have a thread that crosses file systems")
    for (caller, callee), n in sorted(by_call.items(), key=lambda e: (-e[1], e[0]))[:shown]:
        print(f"  {n:4d}  {caller} -> {callee}")


if __name__ == "__main__":
    main()
