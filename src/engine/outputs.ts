import { writeFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { EXIT } from '../errors.js'
import type { Report } from '../model/report.js'

/** Incomplete beats fail: a verdict over half the packages must not read as a clean pass or fail. */
export function exitCodeForReport(report: Report): number {
  if (report.incomplete) return EXIT.incomplete
  return report.verdict === 'fail' ? EXIT.fail : EXIT.pass
}

export async function writeOutput(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text)
}

export function reportJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n'
}
