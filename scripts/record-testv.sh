#!/usr/bin/env bash
# Records real -test.v output (stdout and stderr in one file, in write order) of the fixture module in
# test/fixtures/recorded-testv-src for test/parse/testv.test.ts. Re-run after a Go upgrade.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/test/fixtures/recorded-testv-src"
out="$root/test/fixtures/recorded-testv"
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
mkdir -p "$out"
(cd "$src" && go test -c -trimpath -o "$bin/tv.test" ./tv)
cd "$src/tv"
# Without TestPanic and TestHang: pass, skip, fail, subtests.
"$bin/tv.test" -test.v -test.short -test.run '^Test(Pass|Skip|Fail|Sub)$' > "$out/plain.txt" 2>&1 || true
# A panicking test ends the binary.
"$bin/tv.test" -test.v -test.run '^Test(Pass|Panic)$' > "$out/panic.txt" 2>&1 || true
# A hanging test: -test.timeout panics with every goroutine's stack.
"$bin/tv.test" -test.v -test.run '^Test(Pass|Hang)$' -test.timeout 1s > "$out/timeout.txt" 2>&1 || true
# log.Fatalf in a test: the binary exits 1 in the middle of it, without a panic.
"$bin/tv.test" -test.v -test.run '^Test(Pass|Exit)$' > "$out/exit.txt" 2>&1 || true
# os.Exit(0) in a test, with the flag go test passes: a panic instead of a silent exit.
"$bin/tv.test" -test.v -test.paniconexit0 -test.run '^Test(Pass|ExitZero)$' > "$out/exit0.txt" 2>&1 || true
go version > "$out/go-version.txt"
