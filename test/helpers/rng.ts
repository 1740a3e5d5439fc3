// The tests' and benches' seeded random source is the product's own (src/compare/rng.ts).
export { seededRng, type Rng } from '../../src/compare/rng.js'
