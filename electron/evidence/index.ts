/**
 * Evidence about generated rows, computed over decoded rows: privacy (exact copies, distance to
 * the closest training record against held-out rows, nearest-neighbour ratio, what the
 * encoding replaced, dropping rows too close to a real one). The service, the CLI and the
 * benches import only this entry.
 */
export { privacyEvidence, PRIVACY_LIMITS, type PrivacyInput, type PrivacyHooks } from './privacy.js';
export { tooCloseFilter, type TooCloseFilter } from './privacy-filter.js';
