/** Money is integer cents everywhere inside the core; units (dollars, pounds) only at the edges. */
export type Cents = number;

export function toCents(units: number): Cents {
  return Math.round(units * 100);
}

/** Cents to currency units with at most two decimals (exact for any safe integer of cents). */
export function toUnits(cents: Cents): number {
  return cents / 100;
}

/**
 * Splits an amount into `parts` integer pieces that differ by at most one cent and sum exactly
 * to it; piece k is floor(amount·(k+1)/parts) − floor(amount·k/parts).
 */
export function splitEvenly(amount: Cents, parts: number): Cents[] {
  const pieces: Cents[] = [];
  for (let k = 0; k < parts; k++) pieces.push(monthlyPiece(amount, k, parts));
  return pieces;
}

/** The k-th of `parts` pieces of splitEvenly, without building the array. */
export function monthlyPiece(amount: Cents, k: number, parts = 12): Cents {
  return Math.floor((amount * (k + 1)) / parts) - Math.floor((amount * k) / parts);
}

/** amount × rate rounded half away from zero to a whole cent. */
export function applyRate(amount: Cents, rate: number): Cents {
  const exact = amount * rate;
  // Nudge by a tiny relative epsilon so values like 2.675 that are 2.67499… in binary round as written.
  const nudged = exact + Math.sign(exact) * Math.abs(exact) * 1e-12;
  return Math.sign(nudged) * Math.round(Math.abs(nudged));
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Shares a whole amount among parts in proportion to their weights, to the cent, so the parts
 * sum exactly to it: each gets the floor of its share and the cents left over go, one each, to
 * the largest remainders (earlier parts first on a tie). All-zero weights give all zeros.
 */
export function allocate(amount: Cents, weights: readonly number[]): Cents[] {
  const total = sum(weights);
  if (total === 0 || weights.length === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (amount * w) / total);
  const parts = exact.map((x) => Math.floor(x));
  let left = amount - sum(parts);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left !== 0; k = (k + 1) % order.length) {
    const step = left > 0 ? 1 : -1;
    parts[order[k]!.i]! += step;
    left -= step;
  }
  return parts;
}
