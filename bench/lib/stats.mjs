// Small statistics for the bench: every reported figure is a median of repeated runs.

export function median(values) {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0–100) of a list of numbers. */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank];
}

export function round(n, digits = 2) {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Runs each named leg once per round, in the same order every round (A, B, A, B, …), and collects each leg's results. */
export async function alternate(rounds, legs) {
  const results = Object.fromEntries(Object.keys(legs).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, leg] of Object.entries(legs)) results[name].push(await leg(r));
  }
  return results;
}
