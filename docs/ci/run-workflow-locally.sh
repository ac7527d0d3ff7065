#!/usr/bin/env bash
# Runs the 'run:' steps of a GitHub Actions workflow on this machine, in order, as the runner
# would: in WORKDIR, with the workflow's top-level env, GITHUB_PATH/GITHUB_ENV honoured between
# steps, stopping at the first failing step and exiting with its status. 'uses:' steps (checkout,
# setup-java, upload-sarif) are skipped: provide their effect yourself (a checkout in WORKDIR,
# java on PATH). Handles the subset of YAML that docs/ci/github-actions.yml uses: one job,
# 'run: command' and 'run: |' blocks, and no ${{ }} expressions in run scripts.
#
#   usage: run-workflow-locally.sh WORKFLOW.yml WORKDIR
set -uo pipefail
if [ $# -ne 2 ] || [ ! -f "$1" ] || [ ! -d "$2" ]; then
  echo "usage: $0 WORKFLOW.yml WORKDIR" >&2
  exit 2
fi
workflow="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
workdir="$(cd "$2" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Split the workflow into env.txt (KEY=value) and step-N.{name,sh,uses} files.
awk -v out="$tmp" '
  function flush_run() { if (inrun) { close(out "/step-" n ".sh"); inrun = 0 } }
  /^[^ #]/ { flush_run(); top = $0; sub(/:.*/, "", top); next }
  top == "env" && /^  [A-Za-z_][A-Za-z0-9_]*:/ {
    line = $0; sub(/^  /, "", line); key = line; sub(/:.*/, "", key); val = line; sub(/^[^:]*:[ ]*/, "", val)
    print key "=" val > (out "/env.txt"); next
  }
  /^      - / { flush_run(); n++; stepindent = 8; sub(/^      - /, "        ") }
  n > 0 && inrun {
    if ($0 ~ /^[ ]*$/) { print "" > (out "/step-" n ".sh"); next }
    match($0, /^ */); if (RLENGTH > runindent) { print substr($0, blockindent + 1) > (out "/step-" n ".sh"); next }
    flush_run()
  }
  n > 0 && /^        name:/ { v = $0; sub(/^        name:[ ]*/, "", v); print v > (out "/step-" n ".name"); next }
  n > 0 && /^        uses:/ { v = $0; sub(/^        uses:[ ]*/, "", v); print v > (out "/step-" n ".uses"); next }
  n > 0 && /^        run:/ {
    v = $0; sub(/^        run:[ ]*/, "", v)
    if (v == "|" || v == "|-") { inrun = 1; runindent = 8; blockindent = -1; getline; match($0, /^ */); blockindent = RLENGTH; print substr($0, blockindent + 1) > (out "/step-" n ".sh") }
    else { print v > (out "/step-" n ".sh"); close(out "/step-" n ".sh") }
    next
  }
' "$workflow"

export CI=true GITHUB_ACTIONS=true GITHUB_WORKSPACE="$workdir" RUNNER_TEMP="$tmp/runner-temp"
export GITHUB_PATH="$tmp/github-path" GITHUB_ENV="$tmp/github-env" GITHUB_STEP_SUMMARY="$tmp/summary.md"
mkdir -p "$RUNNER_TEMP"; : > "$GITHUB_PATH"; : > "$GITHUB_ENV"
if [ -f "$tmp/env.txt" ]; then
  while IFS='=' read -r key val; do export "$key=$val"; done < "$tmp/env.txt"
fi
status=0
for name_file in $(ls "$tmp" | grep -E '^step-[0-9]+\.(sh|uses)$' | sort -t- -k2 -n | sed 's/\.\(sh\|uses\)$//' | uniq); do
  label="$(cat "$tmp/$name_file.name" 2>/dev/null || true)"
  if [ -f "$tmp/$name_file.uses" ]; then
    echo "run-workflow-locally: skip ${label:-$(cat "$tmp/$name_file.uses")} (uses: $(cat "$tmp/$name_file.uses"))"
    continue
  fi
  if grep -q '\${{' "$tmp/$name_file.sh"; then
    echo "run-workflow-locally: step '${label}' uses \${{ }} expressions, which this runner does not evaluate" >&2
    exit 2
  fi
  echo "run-workflow-locally: run ${label:-$name_file}"
  (cd "$workdir" && bash -eo pipefail "$tmp/$name_file.sh")
  status=$?
  while read -r dir; do [ -n "$dir" ] && PATH="$dir:$PATH"; done < "$GITHUB_PATH"
  : > "$GITHUB_PATH"
  while IFS='=' read -r key val; do [ -n "$key" ] && export "$key=$val"; done < "$GITHUB_ENV"
  : > "$GITHUB_ENV"
  if [ "$status" -ne 0 ]; then
    echo "run-workflow-locally: step '${label:-$name_file}' failed with exit $status" >&2
    exit "$status"
  fi
done
exit 0
