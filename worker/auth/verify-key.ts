import { database, type D1 } from "../db/client.js";
import { findActiveKeyByHash } from "../db/keys.js";
import { constantTimeEqual, hashApiKey } from "../db/credentials.js";
import type { ApiKeyAuth } from "../env.js";

/** Longer than any key we issue or would accept as DEV_API_KEY: refused without touching the database. */
const MAX_KEY_LENGTH = 256;

/**
 * The key's workspace and scope, or undefined for an unknown or revoked key. The lookup is by the
 * SHA-256 of the presented key, so its timing depends on a hash the caller cannot steer toward a
 * stored one; the stored hash is then compared in constant time all the same, so no
 * byte-by-byte comparison of secret material ever happens in our code.
 */
export async function verifyApiKey(d1: D1, presented: string): Promise<ApiKeyAuth | undefined> {
  if (!presented || presented.length > MAX_KEY_LENGTH) return undefined;
  const hash = await hashApiKey(presented);
  const stored = await findActiveKeyByHash(database(d1), hash);
  if (!stored || !constantTimeEqual(stored.keyHash, hash)) return undefined;
  return { keyId: stored.id, workspaceId: stored.workspaceId, scope: stored.scope };
}
