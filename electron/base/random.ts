/**
 * Seeded randomness for everything outside tfjs kernels: a small, fast, reproducible PRNG
 * (xoshiro128**), with uniform, normal, Bernoulli, categorical draws and shuffles. The same
 * seed gives the same stream on every platform.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** A 32-bit unsigned integer. */
  nextUint32(): number;
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** A new independent generator derived from this one (for sub-streams). */
  fork(): Rng;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator from an integer seed (any safe integer; negative seeds are allowed). */
export function createRng(seed: number): Rng {
  const init = splitmix32((seed | 0) ^ Math.floor(seed / 0x100000000));
  // The four state words as int32 in a typed array: the same bits as uint32, and V8 keeps
  // them as machine integers (about twice as fast as closure variables holding doubles).
  const st = new Int32Array(4);
  st[0] = init();
  st[1] = init();
  st[2] = init();
  st[3] = init();
  if ((st[0] | st[1] | st[2] | st[3]) === 0) st[0] = 1;
  let spare: number | null = null;
  const nextUint32 = (): number => {
    const b = st[1];
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    st[2] ^= st[0];
    st[3] ^= b;
    st[1] ^= st[2];
    st[0] ^= st[3];
    st[2] ^= t;
    st[3] = rotl(st[3], 11);
    return result;
  };
  const next = (): number => nextUint32() / 4294967296;
  const rng: Rng = {
    next,
    nextUint32,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    int(n: number) {
      return Math.floor(next() * n);
    },
    fork() {
      return createRng(nextUint32() ^ (nextUint32() << 1));
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Fisher–Yates shuffle of 0..n-1. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/** Derives a 31-bit seed for a tfjs op from a generator (tfjs seeds are numbers). */
export function tfSeed(rng: Rng): number {
  return rng.nextUint32() & 0x7fffffff;
}
