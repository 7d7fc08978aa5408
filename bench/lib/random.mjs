/*
 * A seeded random source, so the same seed and size always give the same schema: results stay
 * comparable between runs and machines, and a failing schema can be regenerated exactly.
 */

/** mulberry32: tiny, fast, and good enough to pick names and shapes. */
export function seeded(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (p) => next() < p;
  /** `count` distinct items, in the order drawn. */
  const sample = (items, count) => {
    const pool = [...items];
    const out = [];
    while (out.length < count && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, sample };
}
