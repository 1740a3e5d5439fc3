// The defaults as typed sections, read off the option table (where each default and its reason live).
import { fromTable, TABLE } from './options.js'
import type { CompareConfig, LoadConfig, RunConfig, TestConfig } from './types.js'

const byDefault = (option: { default: unknown }): unknown => structuredClone(option.default)

export const DEFAULT_COMPARE: CompareConfig = fromTable<CompareConfig>(TABLE.compare, byDefault)
export const DEFAULT_RUN: Omit<RunConfig, 'dir'> = fromTable<Omit<RunConfig, 'dir'>>(TABLE.run, byDefault)
export const DEFAULT_TESTS: TestConfig = fromTable<TestConfig>(TABLE.tests, byDefault)
export const DEFAULT_LOAD: LoadConfig = fromTable<LoadConfig>(TABLE.load, byDefault)
