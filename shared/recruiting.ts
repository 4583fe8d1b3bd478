/**
 * The one recruiting-cost pricer: what recruiting one person costs, from an amount given, a
 * channel's stated cost (000's "Where to Find Them"), or the seed's $10K per hire. The plan engine
 * takes the mid; hire-vs-upskill takes low / mid / high. Both resolve a channel the same way, so
 * an unknown channel gets the same error (with the closest names) everywhere.
 */
import { checkOptionalNumber } from "./check-number.js";
import {
  DEFAULT_RECRUITING_COST,
  RECRUITING_CHANNELS,
  type RecruitingChannel,
} from "./data/hiring.js";
import type { Source } from "./data/sources.js";
import { invalid } from "./errors.js";
import { applyRate, toCents, type Cents } from "./money.js";
import { NameIndex } from "./names.js";

/** The most a recruiting cost given in the input may be, per person (USD). */
export const MAX_RECRUITING_COST = 1_000_000;

export const channelIndex = new NameIndex<RecruitingChannel>(
  "recruiting channel",
  "UNKNOWN_CHANNEL",
  RECRUITING_CHANNELS,
  (c) => c.id,
  (c) => [c.name, `${c.id}s`],
);

/** A channel by id or name ("referral", "Recruiters"); blank is none. */
export function resolveChannel(text: unknown, field = "channel"): RecruitingChannel | null {
  if (text === undefined || text === null || text === "") return null;
  if (typeof text !== "string")
    throw invalid(field, 'must be a channel name such as "referral" or "recruiter"');
  if (!text.trim()) return null;
  return channelIndex.resolve(text.trim(), field);
}

export interface RecruitingPrice {
  /** Per person, in cents: at the low, mid and high salary (a fixed or given cost is the same at each). */
  low: Cents;
  mid: Cents;
  high: Cents;
  /** How the mid was reached: what a plan charges. */
  method: string;
  /** How low and high were reached. */
  rangeMethod: string;
  sources: Source[];
  channel: RecruitingChannel | null;
}

const thousands = (n: number) => `$${n / 1000}K`;

/**
 * Prices recruiting one person. `given` holds the input's recruitingCost and channel (checked
 * here; errors name "recruitingCost" or "channel"); `salary` is the annual salary, in cents, a
 * share-of-salary fee is taken of, at the low, mid and high end.
 */
export function priceRecruiting(
  given: { recruitingCost?: unknown; channel?: unknown },
  salary: { low: Cents; mid: Cents; high: Cents },
): RecruitingPrice {
  const explicit = checkOptionalNumber(given.recruitingCost, "recruitingCost", undefined, {
    min: 0,
    max: MAX_RECRUITING_COST,
  });
  const channel = resolveChannel(given.channel);
  if (explicit !== undefined) {
    const cents = toCents(explicit);
    return {
      low: cents,
      mid: cents,
      high: cents,
      method: "given in the input",
      rangeMethod: "recruiting cost given",
      sources: [],
      channel,
    };
  }
  if (channel?.cost?.kind === "fixed") {
    const { low, high } = channel.cost;
    return {
      low: toCents(low),
      mid: toCents((low + high) / 2),
      high: toCents(high),
      method: `${channel.name}: midpoint of the seed's $${low / 1000}-${high / 1000}K referral bonus`,
      rangeMethod: `${channel.name}: the seed's ${thousands(low)}–${thousands(high)} bonus`,
      sources: [channel.source],
      channel,
    };
  }
  if (channel?.cost?.kind === "share-of-salary") {
    const { low, high } = channel.cost;
    const share = (low + high) / 2;
    return {
      low: applyRate(salary.low, low),
      mid: applyRate(salary.mid, share),
      high: applyRate(salary.high, high),
      method: `${channel.name}: ${share * 100}% of the annual salary, the midpoint of the seed's ${low * 100}-${high * 100}% fee`,
      rangeMethod: `${channel.name}: ${low * 100}–${high * 100}% of the annual salary (the seed's fee), on the low, mid and high salary`,
      sources: [channel.source],
      channel,
    };
  }
  const flat = toCents(DEFAULT_RECRUITING_COST.amount);
  return {
    low: flat,
    mid: flat,
    high: flat,
    method: channel
      ? `${channel.name}: the seed states no cost for this channel, so the seed's $10K per hire is used`
      : "the seed's $10K recruitment per hire",
    rangeMethod: channel
      ? `${channel.name}: no cost stated, so the seed's $10K per hire`
      : "the seed's $10K recruitment per hire",
    sources: channel
      ? [channel.source, DEFAULT_RECRUITING_COST.source]
      : [DEFAULT_RECRUITING_COST.source],
    channel,
  };
}
