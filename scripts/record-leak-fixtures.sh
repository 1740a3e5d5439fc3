#!/usr/bin/env bash
# Regenerates test/fixtures/recorded-leaks/ from the Go module in test/fixtures/recorded-leaks-src/ with
# the Go toolchain on PATH: goroutine dumps (runtime.Stack, the goroutineleak profile, testing's timeout
# panic, a SIGQUIT crash dump) and race detector reports. The goroutine and race parsers' tests read these
# files, so they pin real Go output to a Go version (go-version.txt). Re-run after a Go upgrade and review
# the diff: a change in Go's output format shows up here first.
#
# Binaries are built with -trimpath, as the gate builds them, so file names are module-relative and the
# recordings do not depend on where the repository is checked out.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src="$root/test/fixtures/recorded-leaks-src"
out="$root/test/fixtures/recorded-leaks"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$out"
rm -f "$out"/*.txt "$out"/*.out "$out"/*.stdout "$out"/*.stderr

go version >"$out/go-version.txt"

cd "$src"
go test -trimpath -c -o "$work/leaky.test" ./leaky
go test -race -trimpath -c -o "$work/racy.test" ./racy
go build -trimpath -o "$work/hang" ./cmd/hang
go build -trimpath -o "$work/tickloop" ./cmd/tickloop
# The goroutineleak profile exists only in binaries built with this experiment (Go 1.26); without it
# pprof.Lookup("goroutineleak") is nil and TestMain says so in its notes. A Go that no longer knows the
# experiment (the profile is expected to be on by default from Go 1.27) gets the plain binary.
if ! GOEXPERIMENT=goroutineleakprofile go test -trimpath -c -o "$work/leaky-leakprofile.test" ./leaky 2>"$work/experiment.err"; then
  echo "GOEXPERIMENT=goroutineleakprofile: $(cat "$work/experiment.err"); recording the plain binary" >&2
  cp "$work/leaky.test" "$work/leaky-leakprofile.test"
fi

# note NAME STATUS ARGV...: one line per recording in runs.txt.
note() {
  local name=$1 status=$2
  shift 2
  local argv="$*"
  argv="${argv# }"
  printf '%s\t%s\t%s\n' "$name" "$status" "${argv//$work\//}" >>"$out/runs.txt"
}

# run_in DIR NAME STDOUT STDERR [VAR=VALUE ...] -- BINARY ARGS...: runs a binary from DIR (a package
# directory, as go test would), keeps its output and exit status (several runs fail on purpose).
run_in() {
  local dir=$1 name=$2 stdout=$3 stderr=$4
  shift 4
  local envs=()
  while [[ $1 != -- ]]; do
    envs+=("$1")
    shift
  done
  shift
  local status=0
  (cd "$dir" && env "${envs[@]}" "$@" >"$stdout" 2>"$stderr") || status=$?
  note "$name" "$status" "${envs[*]}" "$@"
}

# Goroutines the leaky tests leave behind, dumped by TestMain after m.Run as go-leak-gate's probe does.
# GODEBUG=tracebacklabels=1 makes Go 1.26 print pprof labels in the goroutine header.
mkdir -p "$work/plain" "$work/experiment"
run_in leaky leaks "$work/leaks.stdout" "$work/leaks.stderr" LEAKS_OUT="$work/plain" GODEBUG=tracebacklabels=1 -- \
  "$work/leaky.test" -test.v
cp "$work/plain/stack.txt" "$out/leaks-stack.txt"
cp "$work/plain/notes.txt" "$out/leaks-notes.txt"
run_in leaky leakprofile "$work/lp.stdout" "$work/lp.stderr" LEAKS_OUT="$work/experiment" GODEBUG=tracebacklabels=1 -- \
  "$work/leaky-leakprofile.test" -test.v
cp "$work/experiment/notes.txt" "$out/leakprofile-notes.txt"
cp "$work/experiment/stack.txt" "$out/leakprofile-stack.txt"
if [[ -f $work/experiment/leakprofile.debug2.txt ]]; then
  cp "$work/experiment/leakprofile.debug2.txt" "$out/leakprofile-debug2.txt"
  cp "$work/experiment/leakprofile.debug1.txt" "$out/leakprofile-debug1.txt"
else
  echo "no goroutineleak profile in this Go: the tests that read leakprofile-debug2.txt will fail" >&2
fi

# A test that hangs: testing's alarm panics after -test.timeout and dumps every goroutine on stderr.
run_in leaky hang "$out/hang.stdout" "$out/hang.stderr" LEAKS_HANG=1 -- \
  "$work/leaky.test" -test.run='^TestHang$' -test.timeout=1s -test.v

# A program stopped with SIGQUIT: the runtime's crash dump (gp= m= headers, runtime frames, fp= sp= pc=,
# registers).
(
  cd "$work"
  ./hang >hang.out 2>"$out/sigquit.stderr" &
  pid=$!
  for _ in $(seq 1 100); do
    grep -q ready hang.out 2>/dev/null && break
    sleep 0.05
  done
  kill -QUIT "$pid"
  status=0
  wait "$pid" || status=$?
  note sigquit "$status" hang "(SIGQUIT once it printed ready)"
)

# A goroutine looping on a ticker, caught parked, runnable at its receive, and runnable inside the work
# of a tick (tickloop-<state>.txt, see cmd/tickloop): the dumps a leak's identity must not depend on.
status=0
OUT="$out" "$work/tickloop" || status=$?
note tickloop "$status" "OUT=." tickloop
if [[ $status != 0 ]]; then
  echo "cmd/tickloop did not catch every state" >&2
  exit 1
fi

# Race reports. go test merges stdout and stderr; the gate may too, so the tests' runs are recorded
# merged (2>&1), which is where a report can be tied to its test, and once with the pipes apart.
race_merged() {
  local name=$1
  shift
  local status=0
  (cd racy && env "$@" >"$out/$name.out" 2>&1) || status=$?
  note "$name" "$status" "$@"
}
# race_merged_clean NAME ARGS...: the map race in TestRaceInSubtest can also trip the runtime's own
# "concurrent map writes" check, which kills the process; retry until a run ends normally.
race_merged_clean() {
  local name=$1
  shift
  for _ in $(seq 1 20); do
    sed -i "/^$name\t/d" "$out/runs.txt"
    race_merged "$name" "$@"
    grep -q '^fatal error' "$out/$name.out" || return 0
  done
  echo "every run of $name died of a fatal error" >&2
  return 1
}
race_merged_clean race-tests-v "$work/racy.test" -test.v -test.run='^TestRace'
race_merged_clean race-tests "$work/racy.test" -test.run='^TestRace'
run_in racy race-tests-split "$out/race-tests-split.stdout" "$out/race-tests-split.stderr" -- \
  "$work/racy.test" -test.run='^TestRace$'
race_merged race-outside RACY_OUTSIDE=1 "$work/racy.test" -test.run='^TestNoRace$'
# A race, then a hang: testing's alarm ends the process after the report (the stress stage's case).
race_merged race-hang RACY_HANG=1 "$work/racy.test" -test.v -test.run='^TestHangAfterRace$' -test.timeout=2s

# c.n++ from four goroutines: one race at one line, reported as a read or a write racing with an earlier
# write. Retry until one run shows both kinds.
for _ in $(seq 1 20); do
  sed -i '/^race-counter\t/d' "$out/runs.txt"
  race_merged race-counter "$work/racy.test" -test.v -test.run='^TestCounterRace$'
  grep -q '^Read at' "$out/race-counter.out" && grep -q '^Write at' "$out/race-counter.out" && break
done

# RunParallel races only when two goroutines get iterations; retry until the detector saw it.
for _ in $(seq 1 20); do
  sed -i '/^race-bench\t/d' "$out/runs.txt"
  race_merged race-bench "$work/racy.test" -test.run='^$' -test.bench=. -test.benchtime=20000x -test.cpu=4
  grep -q 'DATA RACE' "$out/race-bench.out" && break
done

# GORACE log_path: reports go to log_path.PID instead of stderr, with no test output around them.
mkdir -p "$work/racelog"
run_in racy race-log "$work/race-log.stdout" "$work/race-log.stderr" GORACE="log_path=$work/racelog/race" -- \
  "$work/racy.test" -test.run='^TestRace(Atomic)?$'
cat "$work"/racelog/race.* >"$out/race-log.txt"

echo "recorded into $out:"
cat "$out/runs.txt"
ls -l "$out"
