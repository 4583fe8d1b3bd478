/**
 * The closed sets of names the product uses, each written once: the core types its data with
 * them, the worker's zod schemas (`z.enum(BASES)`) and drizzle columns read them here, so an API
 * answer, a stored row and a core value can never disagree on what a basis or a scope may be.
 */

/** Salary bases: stated base pay, 002's total compensation, 002's per-role market lines. */
export const BASES = ["base", "total", "market"] as const;
export type Basis = (typeof BASES)[number];

/** Currencies the seeds state figures in (a workspace's FX rates may convert to others). */
export const CURRENCIES = ["USD", "GBP"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Which ratio rule a role counts toward (000 "Phase 3: Build the Team"). */
export const ROLE_CATEGORIES = ["engineer", "data", "pm", "manager", "other"] as const;
export type RoleCategory = (typeof ROLE_CATEGORIES)[number];

export const LEVEL_IDS = ["entry", "mid", "senior"] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

/** Where a salary figure comes from; a plan's hire may also be priced at its own `input` salary. */
export const PROVENANCES = ["seed", "derived", "workspace"] as const;
export type Provenance = (typeof PROVENANCES)[number];
export const HIRE_PROVENANCES = [...PROVENANCES, "input"] as const;

/** How a recruiting channel's stated cost is given: USD per hire, or a share of the salary. */
export const CHANNEL_COST_KINDS = ["fixed", "share-of-salary"] as const;

/** API key scopes, lowest first; they nest: admin implies write, write implies read. */
export const SCOPES = ["read", "write", "admin"] as const;
export type Scope = (typeof SCOPES)[number];
