// Command profilegen writes a heap profile with one sample per distinct call stack, many of them, for
// timing profile diffs. Every allocation is recorded (MemProfileRate = 1) and every object stays live,
// so each of the -stacks leaf allocations is its own sample with non-zero in-use values.
//
// Usage: profilegen -out FILE [-stacks 200000] [-head]
//
// The recursion is 18 calls deep (2^18 = 262144 distinct paths) and one level deeper for each doubling
// of -stacks beyond that, up to 2^22 (4194304), so the 200k-stack profile stays the same as before.
//
// With -head, one stack in four retains a larger object from a different line (retainLarge), so
// the head profile holds more in-use bytes there: the growth a diff should attribute.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
)

// Recursion depth: 2^depth distinct paths must cover -stacks.
const (
	minDepth = 18
	maxDepth = 22
)

var (
	keep []any
	head bool
)

//go:noinline
func left(i, d int) {
	if d == 0 {
		leaf(i)
		return
	}
	if i>>(d-1)&1 == 0 {
		left(i, d-1)
	} else {
		right(i, d-1)
	}
}

//go:noinline
func right(i, d int) {
	if d == 0 {
		leaf(i)
		return
	}
	if i>>(d-1)&1 == 0 {
		left(i, d-1)
	} else {
		right(i, d-1)
	}
}

//go:noinline
func leaf(i int) {
	if head && i%4 == 0 {
		retainLarge()
		return
	}
	keep = append(keep, new([64]byte))
}

//go:noinline
func retainLarge() {
	keep = append(keep, new([512]byte))
}

func main() {
	runtime.MemProfileRate = 1
	out := flag.String("out", "", "heap profile to write")
	stacks := flag.Int("stacks", 200000, "distinct call stacks to allocate from (at most 2^22)")
	flag.BoolVar(&head, "head", false, "retain more at one stack in four")
	flag.Parse()
	if *out == "" || *stacks < 1 || *stacks > 1<<maxDepth {
		fmt.Fprintln(os.Stderr, "usage: profilegen -out FILE [-stacks N<=4194304] [-head]")
		os.Exit(2)
	}
	depth := minDepth
	for 1<<depth < *stacks {
		depth++
	}
	keep = make([]any, 0, *stacks)
	for i := 0; i < *stacks; i++ {
		left(i, depth)
	}
	runtime.GC()
	// No cycle may complete between reading the records and writing the profile: both must show the same one.
	debug.SetGCPercent(-1)
	records := make([]runtime.MemProfileRecord, 1024)
	n, ok := runtime.MemProfile(records, true)
	for !ok {
		records = make([]runtime.MemProfileRecord, n+1024)
		n, ok = runtime.MemProfile(records, true)
	}
	// The totals result.json's heap snapshot needs, from the same records the profile is written from.
	var inuseBytes, inuseObjects int64
	for _, r := range records[:n] {
		inuseBytes += r.InUseBytes()
		inuseObjects += r.InUseObjects()
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	runtime.KeepAlive(keep)
	json.NewEncoder(os.Stdout).Encode(map[string]int64{"records": int64(n), "inuseBytes": inuseBytes, "inuseObjects": inuseObjects})
}
