/** Float64 primitives for exact and sampled evaluation (see states.ts and rows.ts). */
export * from './states.js';
export * from './rows.js';
