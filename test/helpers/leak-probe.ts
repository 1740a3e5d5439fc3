import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

// A leak check of the sanity test's own, added to a package through `go test -overlay` so the fixture
// stays untouched: after m.Run it waits until no goroutine is running (at most 5 s), prints every
// goroutine's stack, then the goroutineleak profile (debug=2) when the binary was built with
// GOEXPERIMENT=goroutineleakprofile. The profile marks the goroutines it finds as `(leaked)`, in its own
// output and in every later dump, so the plain dump comes first.
const PROBE = `
import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/pprof"
	"time"
	"testing"
)

func leakcheckRun(m *testing.M) int {
	code := m.Run()
	var dump []byte
	for quiet, deadline := 0, time.Now().Add(5*time.Second); quiet < 2 && time.Now().Before(deadline); {
		buf := make([]byte, 1<<20)
		dump = buf[:runtime.Stack(buf, true)]
		busy := false
		for i, block := range bytes.Split(dump, []byte("\\n\\n")) {
			header, _, _ := bytes.Cut(block, []byte("\\n"))
			for _, state := range []string{"[running", "[runnable", "[syscall"} {
				busy = busy || i > 0 && bytes.Contains(header, []byte(state))
			}
		}
		if busy {
			quiet = 0
		} else {
			quiet++
		}
		time.Sleep(time.Millisecond)
	}
	fmt.Printf("\\n=== STACKS\\n%s\\n=== END\\n", dump)
	if p := pprof.Lookup("goroutineleak"); p != nil {
		before := p.Count()
		var out bytes.Buffer
		if err := p.WriteTo(&out, 2); err != nil {
			fmt.Printf("=== LEAKPROFILE error=%q\\n=== END\\n", err)
		} else {
			fmt.Printf("=== LEAKPROFILE count-before=%d count-after=%d\\n%s\\n=== END\\n", before, p.Count(), out.Bytes())
		}
	} else {
		fmt.Printf("=== LEAKPROFILE unavailable\\n=== END\\n")
	}
	return code
}
`

const OWN_TEST_MAIN = /^func TestMain\(/m

/**
 * Writes the probe for the package in pkgDir into probeDir and returns the overlay's Replace entries.
 * A package without TestMain gets one that calls the probe. A package with its own TestMain keeps it: an
 * overlaid copy of that file calls leakcheckRun(m) where it called m.Run(), so its setup and teardown still
 * run around the tests (the dump is taken before the teardown).
 */
export async function leakProbeOverlay(
  pkgDir: string,
  probeDir: string,
  name: string
): Promise<Record<string, string>> {
  const files = (await readdir(pkgDir)).filter((f) => f.endsWith('_test.go')).sort()
  const sources = await Promise.all(files.map(async (f) => ({ f, text: await readFile(join(pkgDir, f), 'utf8') })))
  const own = sources.find((s) => OWN_TEST_MAIN.test(s.text))
  const pkgClause = /^package (\w+)$/m.exec(own?.text ?? sources[0]?.text ?? '')
  if (!pkgClause) throw new Error(`no test file with a package clause in ${pkgDir}`)
  const replace: Record<string, string> = {}
  let probe = `package ${pkgClause[1]}\n${PROBE}`
  if (own) {
    const calls = own.text.split('m.Run()').length - 1
    if (calls !== 1) throw new Error(`${own.f}: expected one m.Run() call in TestMain, found ${calls}`)
    const rewritten = join(probeDir, `${name}-${own.f}`)
    await writeFile(rewritten, own.text.replace('m.Run()', 'leakcheckRun(m)'))
    replace[join(pkgDir, own.f)] = rewritten
  } else {
    probe = probe.replace('import (', 'import (\n\t"os"')
    probe += '\nfunc TestMain(m *testing.M) { os.Exit(leakcheckRun(m)) }\n'
  }
  const probeFile = join(probeDir, `${name}-zz_leakcheck_test.go`)
  await writeFile(probeFile, probe)
  replace[join(pkgDir, 'zz_leakcheck_test.go')] = probeFile
  return replace
}
