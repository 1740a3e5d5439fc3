#!/usr/bin/env bash
# Regenerates test/fixtures/recorded/ from the Go module in test/fixtures/recorded-src/ with the Go
# toolchain on PATH. The parsers' tests read these files, so they pin real Go output to a Go version
# (go-version.txt). Re-run after a Go upgrade and review the diff: a change in Go's output format
# shows up here first.
#
# The test binary is built once and run directly, as the gate runs it: stdout and stderr go to
# separate files (go test would merge gctrace into the benchmark lines), GODEBUG is set on the
# binary only (the go command would trace its own GCs), and -test.cpu pins GOMAXPROCS so the -P
# suffix does not depend on the recording machine.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src="$root/test/fixtures/recorded-src"
out="$root/test/fixtures/recorded"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$out"
rm -f "$out"/*.stdout "$out"/*.stderr "$out"/*.pprof "$out"/*.txt

(cd "$src" && go test -c -o "$work/recorded.test" .)
go version >"$out/go-version.txt"

# record NAME [VAR=VALUE ...] -- ARGS...: runs the test binary from its package directory and keeps
# stdout, stderr and the exit status (several runs fail on purpose).
record() {
  local name=$1
  shift
  local envs=()
  while [[ $1 != -- ]]; do
    envs+=("$1")
    shift
  done
  shift
  local status=0
  (cd "$src" && env "${envs[@]}" "$work/recorded.test" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr") || status=$?
  local argv="${envs[*]} recorded.test $*"
  printf '%s\t%s\t%s\n' "$name" "$status" "${argv//$work/WORK}" >>"$out/runs.txt"
}

# record_until NAME REGEXP ARGS...: Go's output after a panic is racy; re-run until the last line of
# stdout matches REGEXP, so both shapes it takes are on record.
record_until() {
  local name=$1 want=$2
  shift 2
  for _ in $(seq 1 200); do
    sed -i "/^$name\t/d" "$out/runs.txt" 2>/dev/null || true
    record "$name" "$@"
    if tail -n 1 "$out/$name.stdout" | grep -Eq -- "$want"; then
      return 0
    fi
  done
  echo "no run of $name produced a last line matching $want" >&2
  return 1
}

common=(-test.run='^$' -test.benchmem -test.cpu=4)

# Every benchmark but the panicking one (a panic ends the process), then the sub-benchmarks again
# with GOMAXPROCS=1, where Go prints no -P suffix and "end-10" is easy to mistake for one.
record bench-all -- "${common[@]}" -test.bench=. -test.skip='^BenchmarkPanic$' -test.benchtime=2000x
record bench-cpu1 -- -test.run='^$' -test.benchmem -test.cpu=1 -test.bench='^BenchmarkSizes$' -test.benchtime=2000x

# A panic in the measured run: the main goroutine races the dying one, so stdout ends either in a
# result line cut after the name, or in a bogus result (0 iterations, NaN ns/op) printed while the
# panic was on its way out.
record_until panic-cut $'\t$' -- "${common[@]}" -test.bench='^BenchmarkPanic$' -test.benchtime=2000x
record_until panic-nan 'NaN ns/op' -- "${common[@]}" -test.bench='^BenchmarkPanic$' -test.benchtime=2000x

# One benchmark per process, as the gate runs them, with gctrace and the end-of-process heap profile.
# retain: fixed b.N, memprofilerate=1 so every allocation is in the profile and counts are exact.
# retain-loop: the same work with b.Loop. retain-ramp: time-based benchtime, so testing ramps b.N up.
record retain GODEBUG=gctrace=1 -- "${common[@]}" -test.bench='^BenchmarkRetain$' -test.benchtime=2000x \
  -test.memprofile=retain.mem.pprof -test.memprofilerate=1 -test.outputdir="$work"
record retain-loop GODEBUG=gctrace=1 -- "${common[@]}" -test.bench='^BenchmarkRetainLoop$' -test.benchtime=2000x \
  -test.memprofile=retain-loop.mem.pprof -test.outputdir="$work"
record retain-ramp GODEBUG=gctrace=1 -- "${common[@]}" -test.bench='^BenchmarkRetain$' -test.benchtime=200ms \
  -test.memprofile=retain-ramp.mem.pprof -test.outputdir="$work"

cp "$work/retain.mem.pprof" "$work/retain-loop.mem.pprof" "$work/retain-ramp.mem.pprof" "$out/"

# go tool pprof's own view of the exact profile, an oracle for the TypeScript reader: flat values per
# function for the 25 largest, in base units.
for index in alloc_objects alloc_space inuse_objects inuse_space; do
  go tool pprof -top -nodefraction=0 -nodecount=25 -unit=B -sample_index="$index" \
    "$out/retain.mem.pprof" >"$out/retain.mem.top-$index.txt" 2>/dev/null
done

echo "recorded into $out:"
cat "$out/runs.txt"
