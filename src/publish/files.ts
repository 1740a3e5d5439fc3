// Sinks that are files: report.json (the published contract) and the markdown report.
import type { Report } from '../model/report.js'
import { renderMarkdown } from '../report/markdown.js'
import { fileProblem, fsProblem, writeTextFile } from './paths.js'
import type { Sink } from './sinks.js'

export function reportJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n'
}

function fileSink(path: string, name: string, render: (report: Report) => string): Sink {
  return {
    name,
    check: () => fileProblem(path),
    write: async (report) => {
      await writeTextFile(path, render(report)).catch((err: unknown) => {
        throw new Error(fsProblem(err))
      })
    }
  }
}

export function jsonFile(path: string, name = path): Sink {
  return fileSink(path, name, reportJson)
}

export function markdownFile(path: string, name = path): Sink {
  return fileSink(path, name, (report) => renderMarkdown(report))
}
