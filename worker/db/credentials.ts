import { invalid } from "../../shared/errors.js";
import { SCOPES, type Scope } from "../../shared/vocabulary.js";

// Credentials as the database keeps them, for the worker, the keys script, `npm start` and the tests alike: only Web Crypto
// (globalThis.crypto), which both workerd and Node 20 provide, so the one implementation is shared.

export const KEY_PREFIX = "atp_";
/** 32 random bytes: 256 bits, far beyond guessing, so a plain SHA-256 (no slow KDF) is the right hash. */
const KEY_BYTES = 32;

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A random token such as "mdl_3vQ…": `bytes` random bytes, base64url, after a prefix naming its kind. */
export function randomToken(prefix: string, bytes: number): string {
  return prefix + base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A new API key, e.g. "atp_" + 43 base64url characters. */
export function generateApiKey(): string {
  return randomToken(KEY_PREFIX, KEY_BYTES);
}

/** What a list shows of a key: enough to tell keys apart, far too little to use. */
export function keyDisplayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 4);
}

/** Lower-case hex SHA-256 of the key: the only form in which a key is stored. */
export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Equal-length strings compared without an early exit, so the time taken does not reveal how
 * many leading characters matched. (workerd's crypto.subtle.timingSafeEqual is used when present.)
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  if (x.length !== y.length) return false;
  const subtle = crypto.subtle as SubtleCrypto & {
    timingSafeEqual?: (a: ArrayBufferView, b: ArrayBufferView) => boolean;
  };
  if (typeof subtle.timingSafeEqual === "function") return subtle.timingSafeEqual(x, y);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

const RANK: Record<Scope, number> = { read: 1, write: 2, admin: 3 };

/** admin implies write, write implies read. */
export function scopeAllows(have: Scope, need: Scope): boolean {
  return RANK[have] >= RANK[need];
}

/** Every scope a key's highest scope grants, lowest first. */
export function impliedScopes(scope: Scope): Scope[] {
  return SCOPES.filter((s) => scopeAllows(scope, s));
}

export function isScope(value: unknown): value is Scope {
  return typeof value === "string" && (SCOPES as readonly string[]).includes(value);
}

/**
 * The highest scope in a list such as ["read", "write"] or "read,write"; throws a message naming
 * the bad entry. A key carries one highest scope because the scopes nest.
 */
export function parseScopes(value: unknown): Scope {
  const list = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : [];
  const names = list
    .map((s) => (typeof s === "string" ? s.trim().toLowerCase() : s))
    .filter((s) => s !== "");
  if (!names.length)
    throw invalid(
      "scopes",
      `give at least one of ${SCOPES.join(", ")} (admin implies write, write implies read)`,
    );
  let best: Scope | undefined;
  for (const s of names) {
    if (!isScope(s))
      throw invalid("scopes", `unknown scope ${JSON.stringify(s)}; use read, write or admin`);
    if (!best || RANK[s] > RANK[best]) best = s;
  }
  return best!;
}
