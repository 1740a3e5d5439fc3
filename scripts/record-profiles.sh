#!/usr/bin/env bash
# Regenerates test/fixtures/recorded-profiles/: real pprof profiles (heap, CPU, goroutine) recorded with
# each supported Go release, and go tool pprof's own reading of each (-raw, -top per sample type, and
# -top -diff_base and merged -top for the base/head pairs), the oracle for the profile engine's tests.
#
#   heap-{base,head}.pprof  fixtures/gate retain.BenchmarkJournalAppend, -test.memprofilerate=1, 2000x
#   cpu-{base,head}.pprof   fixtures/gate slow.BenchmarkContains, -test.cpuprofile, 1s
#   goroutine.pprof         src/goroutines: goroutines parked in known places, some with pprof labels
#
# Usage: scripts/record-profiles.sh [GOTOOLCHAIN...]   (default: go1.26.8 go1.27.3)
# Re-run after a Go upgrade and review the diff.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out_root="$root/test/fixtures/recorded-profiles"
fixture="$root/fixtures/gate"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

versions=("$@")
[[ ${#versions[@]} -gt 0 ]] || versions=(go1.26.8 go1.27.3)

# The gate fixture as two modules: base, and base with head's files laid over it and head.delete applied.
cp -r "$fixture/base" "$work/base"
cp -r "$fixture/base" "$work/head"
cp -r "$fixture/head/." "$work/head/"
grep -v '^\s*\(#\|$\)' "$fixture/head.delete" | while read -r gone; do rm -f "$work/head/$gone"; done

# top FILE OUT [pprof flags]: every node (-nodecount high, no fraction cut), values in base units.
top() {
  local file=$1 out=$2
  shift 2
  go tool pprof -top -nodefraction=0 -nodecount=1000000 "$@" "$file" >"$out" 2>/dev/null
}

# oracle NAME: -raw and -top per sample type of $out/NAME.pprof.
oracle() {
  local name=$1 file="$out/$1.pprof"
  go tool pprof -raw "$file" >"$out/$name.raw.txt" 2>/dev/null
  for index in $(sample_types "$file"); do
    top "$file" "$out/$name.top-$index.txt" -sample_index="$index" $(unit_flag "$index")
  done
}

# The sample types of a profile, as -raw's header lists them (type/unit[dflt] ...).
sample_types() {
  go tool pprof -raw "$1" 2>/dev/null | sed -n '/^Samples:$/{n;p;q}' | tr ' ' '\n' | sed 's#/.*##'
}

# Byte and nanosecond values in base units, so the tests compare exact numbers.
unit_flag() {
  case $1 in
  *_space) echo -unit=B ;;
  cpu) echo -unit=ns ;;
  esac
}

for version in "${versions[@]}"; do
  export GOTOOLCHAIN=$version
  short=$(go version | sed -E 's/^go version go([0-9]+\.[0-9]+).*/go\1/')
  out="$out_root/$short"
  rm -rf "$out"
  mkdir -p "$out"
  go version >"$out/go-version.txt"

  for side in base head; do
    (cd "$work/$side" && go test -c -trimpath -o "$work/$side-$short/" ./retain ./slow)
    (cd "$work/$side/retain" && "$work/$side-$short/retain.test" -test.run='^$' -test.bench='^BenchmarkJournalAppend$' \
      -test.benchtime=2000x -test.benchmem -test.memprofile="$out/heap-$side.pprof" -test.memprofilerate=1 >/dev/null)
    (cd "$work/$side/slow" && "$work/$side-$short/slow.test" -test.run='^$' -test.bench='^BenchmarkContains$' \
      -test.benchtime=1s -test.cpuprofile="$out/cpu-$side.pprof" >/dev/null)
  done
  (cd "$out_root/src/goroutines" && go build -trimpath -o "$work/goroutines-$short" .)
  "$work/goroutines-$short" "$out/goroutine.pprof"

  for name in heap-base heap-head cpu-base cpu-head goroutine; do oracle "$name"; done
  for kind in heap cpu; do
    for index in $(sample_types "$out/$kind-head.pprof"); do
      top "$out/$kind-head.pprof" "$out/$kind.diff.top-$index.txt" -diff_base="$out/$kind-base.pprof" \
        -sample_index="$index" $(unit_flag "$index")
      # Two profiles named together, pprof merges them: the oracle for merging runs.
      go tool pprof -top -nodefraction=0 -nodecount=1000000 -sample_index="$index" $(unit_flag "$index") \
        "$out/$kind-base.pprof" "$out/$kind-head.pprof" >"$out/$kind.merged.top-$index.txt" 2>/dev/null
    done
  done
  echo "recorded $(go version) into $out"
done
