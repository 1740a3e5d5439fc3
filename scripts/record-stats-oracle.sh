#!/usr/bin/env bash
# Records what benchstat's own statistics code computes for the samples in
# test/fixtures/stats/oracle/main.go and writes test/fixtures/stats/oracle.json, which
# test/compare/stats.test.ts checks src/compare/stats.ts against.
#
# The oracle program calls golang.org/x/perf/benchmath (benchstat's comparison) and
# github.com/aclements/go-moremath/stats at the versions pinned in test/fixtures/stats/oracle/go.mod; the
# JSON records those versions and the Go release. To move to newer versions:
#   cd test/fixtures/stats/oracle
#   go get golang.org/x/perf@latest github.com/aclements/go-moremath@latest && go mod tidy
# then run this script again and review the diff of oracle.json.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
program="$root/test/fixtures/stats/oracle"
out="$root/test/fixtures/stats/oracle.json"

tmp="$(mktemp "$out.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
(cd "$program" && go run .) >"$tmp"
chmod 0644 "$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "wrote ${out#"$root/"} with $(go env GOVERSION)"
