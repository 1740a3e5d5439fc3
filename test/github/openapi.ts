// Checks HTTP exchanges against GitHub's OpenAPI description (the operations extracted into
// test/fixtures/github-openapi.json by scripts/extract-openapi.mjs), so that the fake GitHub server accepts only
// requests GitHub would accept and answers only what GitHub could answer.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'github-openapi.json')
const DOC_ID = 'github-openapi'

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema: object
}

interface Operation {
  operationId: string
  parameters?: ({ $ref: string } | Parameter)[]
  requestBody?: { required?: boolean; content: Record<string, { schema: object }> }
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }>; headers?: Record<string, unknown> }>
}

interface OpenApiDoc {
  info: { version: string }
  paths: Record<string, Record<string, Operation>>
  components: { parameters: Record<string, Parameter>; responses: Record<string, Operation['responses'][string]> }
}

export interface MatchedOperation {
  operationId: string
  method: string
  template: string
  pathParams: Record<string, string>
}

// Statuses GitHub can answer to any request, documented or not: a resource that is gone (a comment a racing
// run deleted), rate limits, abuse detection, outages.
const ALWAYS_POSSIBLE = new Set([401, 403, 404, 429, 500, 502, 503, 504])

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
}

export class OpenApiValidator {
  readonly version: string
  private readonly doc: OpenApiDoc
  private readonly ajv: Ajv
  private readonly cache = new Map<string, ValidateFunction>()
  private readonly routes: { method: string; template: string; regex: RegExp; names: string[] }[] = []

  constructor() {
    this.doc = JSON.parse(readFileSync(FIXTURE, 'utf8')) as OpenApiDoc
    this.version = this.doc.info.version
    // strict: false because OpenAPI 3.0 adds keywords JSON Schema does not know (nullable is known to Ajv;
    // discriminator, example, x-github are not). Formats (date-time, uri, email) are checked.
    this.ajv = new Ajv({ strict: false, allErrors: true })
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void
    addFormats(this.ajv)
    this.ajv.addSchema(this.doc, DOC_ID)
    for (const [template, item] of Object.entries(this.doc.paths)) {
      const names: string[] = []
      const source = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name)
        return '([^/]+)'
      })
      for (const method of Object.keys(item)) {
        this.routes.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${source}$`), names })
      }
    }
  }

  /** The operation a method and path name, or undefined when GitHub has no such endpoint (among those extracted). */
  match(method: string, path: string): MatchedOperation | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue
      const m = route.regex.exec(path)
      if (m === null) continue
      const pathParams: Record<string, string> = {}
      route.names.forEach((name, i) => (pathParams[name] = decodeURIComponent(m[i + 1])))
      return { operationId: this.operation(route.method, route.template).operationId, method, template: route.template, pathParams }
    }
    return undefined
  }

  /** Problems with a request to a matched operation: parameters (path and query) and the JSON body. */
  checkRequest(op: MatchedOperation, query: URLSearchParams, body: unknown): string[] {
    const problems: string[] = []
    const params = this.parameters(op)
    for (const p of params.filter((x) => x.in === 'path')) {
      const value = op.pathParams[p.name]
      if (!this.validValue(p, value)) problems.push(`path parameter ${p.name}=${JSON.stringify(value)} does not match its schema`)
    }
    const known = new Map(params.filter((x) => x.in === 'query').map((p) => [p.name, p]))
    for (const name of new Set(query.keys())) {
      const p = known.get(name)
      if (p === undefined) {
        problems.push(`unknown query parameter ${name}`)
        continue
      }
      const values = query.getAll(name)
      if (values.length > 1) problems.push(`query parameter ${name} given ${values.length} times`)
      if (!this.validValue(p, values[0])) problems.push(`query parameter ${name}=${JSON.stringify(values[0])} does not match its schema`)
    }
    for (const p of known.values()) if (p.required === true && !query.has(p.name)) problems.push(`missing query parameter ${p.name}`)

    const requestBody = this.operation(op.method, op.template).requestBody
    if (requestBody === undefined) {
      if (body !== undefined) problems.push('a body was sent to an operation that takes none')
    } else if (body === undefined) {
      if (requestBody.required === true) problems.push('the required request body is missing')
    } else {
      const base = pointer('paths', op.template, op.method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema')
      problems.push(...this.validate(`${DOC_ID}#/${base}`, body, 'request body'))
    }
    return problems
  }

  /** Problems with a response: its status must be one the operation declares (or a generic failure status). */
  checkResponse(op: MatchedOperation, status: number, headers: Record<string, string>, body: unknown): string[] {
    const responses = this.operation(op.method, op.template).responses
    const declared = responses[String(status)]
    if (declared === undefined) {
      if (!ALWAYS_POSSIBLE.has(status)) return [`${op.operationId} does not declare status ${status}`]
      return body === undefined ? [] : this.validate(`${DOC_ID}#/components/schemas/basic-error`, body, `${status} body`)
    }
    const response = declared.$ref === undefined ? declared : this.doc.components.responses[declared.$ref.split('/').pop() ?? '']
    const problems: string[] = []
    for (const name of Object.keys(response.headers ?? {})) {
      if (name.toLowerCase() === 'link') continue // Only present when there is another page.
      if (headers[name.toLowerCase()] === undefined) problems.push(`${status} response lacks the ${name} header`)
    }
    const schemaAt = response.content?.['application/json']
    if (schemaAt === undefined) {
      if (body !== undefined) problems.push(`${status} response of ${op.operationId} has a body the description does not declare`)
      return problems
    }
    const ref =
      declared.$ref === undefined
        ? `${DOC_ID}#/${pointer('paths', op.template, op.method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`
        : `${DOC_ID}#/${pointer('components', 'responses', declared.$ref.split('/').pop() ?? '', 'content', 'application/json', 'schema')}`
    problems.push(...this.validate(ref, body, `${status} body`))
    return problems
  }

  private operation(method: string, template: string): Operation {
    return this.doc.paths[template][method.toLowerCase()]
  }

  private parameters(op: MatchedOperation): Parameter[] {
    return (this.operation(op.method, op.template).parameters ?? []).map((p) =>
      '$ref' in p ? this.doc.components.parameters[p.$ref.split('/').pop() ?? ''] : p
    )
  }

  // Parameters arrive as text; a schema of type integer or boolean accepts the text of one.
  private validValue(p: Parameter, raw: string | undefined): boolean {
    if (raw === undefined) return p.required !== true
    const candidates: unknown[] = [raw]
    if (/^-?\d+$/.test(raw)) candidates.push(Number(raw))
    if (raw === 'true' || raw === 'false') candidates.push(raw === 'true')
    const validate = this.compiled(`param:${JSON.stringify(p.schema)}`, () => this.ajv.compile(p.schema))
    return candidates.some((c) => validate(c))
  }

  private validate(ref: string, value: unknown, what: string): string[] {
    const validate = this.compiled(ref, () => this.ajv.compile({ $ref: ref }))
    if (validate(value)) return []
    return (validate.errors ?? []).slice(0, 5).map((e) => `${what}${e.instancePath} ${e.message ?? 'is invalid'}`)
  }

  private compiled(key: string, make: () => ValidateFunction): ValidateFunction {
    let fn = this.cache.get(key)
    if (fn === undefined) {
      fn = make()
      this.cache.set(key, fn)
    }
    return fn
  }
}
