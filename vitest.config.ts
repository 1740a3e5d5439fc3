import { defineConfig } from 'vitest/config'

// Tests build and run real Go code: give them room, and keep Go's caches between files.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2
  }
})
