// The fault table's rows for load jobs (see faults.ts): a typo in a job, run by the table itself like the
// other config rows, and the mistakes only a running service shows, which test/cli/load.test.ts already
// runs through the CLI (a service, its build and its rounds are too slow to run twice).
import type { Fault, Run } from './faults.js'

const LOAD_TEST = 'test/cli/load.test.ts'
const SERVICE_MISTAKES = 'exits 2 when the configuration is wrong only the service can tell (no pprof there), 3 when the service never gets ready'

const TYPO: Run = {
  fixture: 'exits',
  file: { name: 'typo-load.yml', text: 'load:\n  - name: api\n    service: { package: ./cmd/api }\n    trafic: { requests: [{ url: /a }] }\n' },
  args: ['gate', '--dir', '{repo}', '--base-ref', '{base}', '--config', '{file}', '--out', '{out}', '--json', '{out}/report.json']
}

export const LOAD_FAULTS: Fault[] = [
  {
    id: 'load-typo',
    group: 'Load jobs',
    did: 'a load job with a misspelt key',
    run: TYPO,
    exit: 2,
    stream: 'stderr',
    message:
      "go-leak-gate: load[0] in {file}:2:5 must be a load job (got a mapping: 'api': trafic: unknown key (did you mean 'traffic'?); the keys here are name, service, ready, pprof, traffic, warmup, rounds, cooldown, ignore)",
    holds: [{ nothingStarted: true }]
  },
  {
    id: 'load-no-pprof',
    group: 'Load jobs',
    did: "a load job whose `pprof.url` is not where the service serves net/http/pprof",
    run: { file: LOAD_TEST, test: SERVICE_MISTAKES, evidence: ["code: 2, message: /load job 'nopprof': http:\\/\\/127\\.0\\.0\\.1:\\d+\\/nopprof\\/goroutine\\?debug=2 answers 404/", "expect(await processesUnder(scratchRoot)).toEqual([])"] },
    exit: 2,
    stream: 'stdout',
    message: "error: nopprof: load job 'nopprof': http://127.0.0.1:{port}/nopprof/goroutine?debug=2 answers 404: no net/http/pprof handlers there. Mount them in the service (import _ \"net/http/pprof\", or pprof.Index on /debug/pprof/) or point pprof.url at them",
    holds: []
  },
  {
    id: 'load-never-ready',
    group: 'Load jobs',
    did: 'a load job whose service never answers its ready URL with 2xx',
    run: { file: LOAD_TEST, test: SERVICE_MISTAKES, evidence: ["code: 3, message: /load job 'neverready': the service was not ready within 2\\.0s/"] },
    exit: 3,
    stream: 'stdout',
    message: "error: neverready: load job 'neverready': the service was not ready within 2.0s: http://127.0.0.1:{port}/healthz last answered 503: waiting for the database",
    holds: []
  },
  {
    id: 'load-no-package',
    group: 'Load jobs',
    did: 'a load job whose `service.package` is not a package of the module, in a gate with benchmarks',
    run: {
      file: LOAD_TEST,
      test: "keeps the benchmarks' results of a gate whose load job names no package of the module, and exits 2",
      evidence: ["expect(run.code, run.stderr).toBe(2)", "toContain(\"load job 'nosuch': service.package './cmd/nosuch' is not a package of the module\")", "[['regression', 'fail']]"]
    },
    exit: 2,
    stream: 'stderr',
    message: "…load job 'nosuch': service.package './cmd/nosuch' is not a package of the module in {dir}",
    holds: []
  }
]
