#!/usr/bin/env bash
# Lock API coverage audit (issue 6, item 4) on Linux 6.1 fs/ and mm/ as Debian ships them
# (linux-source-6.1), with include/linux analyzed for its struct declarations, static inline
# wrappers and lock-wrapping macros.
#
#   bench/lock-api-audit.sh [--threshold N]
#
# Counts the call sites of every lock-like name in fs/ and mm/ (in the parsed IR: calls, lock
# events, lock macros as written; never comments) and prints, for each name with more than N
# (default 20), how lockorder recognises it: a lock-model primitive, a lock-wrapping macro
# expanded from its #define, or a function defined in the input whose body reaches a lock
# operation; the classes its call sites yield; then a summary line. Exits 1 when a name is not
# recognised and not in the commented list of names that are deliberately not locks
# (LockApiAudit.NOT_LOCKS in analyzer/src/test/java/org/lockorder/bench/LockApiAudit.java).
#
# Environment: LOCKORDER_BENCH_DIR (scratch, default /tmp/lockorder-bench), LINUX_TARBALL
# (default /usr/src/linux-source-6.1.tar.xz), BENCH_HEAP (default 6g; the whole analysis runs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${LOCKORDER_BENCH_DIR:-/tmp/lockorder-bench}"
tarball="${LINUX_TARBALL:-/usr/src/linux-source-6.1.tar.xz}"
heap="${BENCH_HEAP:-6g}"
threshold=20
while [ $# -gt 0 ]; do
  case "$1" in
    --threshold) threshold="${2:?}"; shift 2 ;;
    *) echo "usage: bench/lock-api-audit.sh [--threshold N]" >&2; exit 2 ;;
  esac
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  command -v apt-get >/dev/null || { echo "audit: need $1 and apt-get is not available" >&2; exit 2; }
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

src="$work/linux-source-6.1"
# The same scratch tree as bench/kernel.sh: unpacked once, shared by both scripts.
if [ ! -f "$work/.unpacked" ]; then
  [ -f "$tarball" ] || { echo "audit: installing linux-source-6.1 (for $tarball)" >&2; apt_install linux-source-6.1; }
  echo "audit: unpacking fs/, mm/ and include/ into $work" >&2
  mkdir -p "$work"
  tar -xJf "$tarball" -C "$work" --wildcards 'linux-source-6.1/fs/*' 'linux-source-6.1/mm/*' 'linux-source-6.1/include/*'
  touch "$work/.unpacked"
fi

# The jar (main classes and dependencies) and the test classes, where LockApiAudit lives.
"$here/lockorder" --version >/dev/null
(cd "$here" && mvn -q -B -o test-compile >&2 || mvn -q -B test-compile >&2)

exec java "-Xmx$heap" -cp "$here/target/test-classes:$here/target/lockorder.jar" org.lockorder.bench.LockApiAudit \
  --threshold "$threshold" --count "$src/fs" --count "$src/mm" --header "$src/include/linux"
