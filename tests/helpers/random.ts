/** The seeded PRNG tests and benchmarks share with the core (the agreement bootstrap). */
export { mulberry32 } from '../../shared/random/mulberry32';
