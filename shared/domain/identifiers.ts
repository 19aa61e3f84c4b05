/**
 * Why a column was taken for an identifier from its values (shown beside its role in the Data
 * step): nearly all values distinct, key-shaped codes (`N44A1`), or zero-padded numbers
 * (`00123`), with one of its values as an example.
 */
import { z } from 'zod';

export const IdentifierEvidence = z.object({
  kind: z.enum(['unique', 'keyPattern', 'zeroPadded']),
  example: z.string(),
});
export type IdentifierEvidence = z.infer<typeof IdentifierEvidence>;
