import { and, desc, eq } from "drizzle-orm";
import type { Database } from "./client.js";
import { apiKeys, type Scope } from "./schema.js";

export interface StoredKey {
  id: string;
  workspaceId: string;
  scope: Scope;
  keyHash: string;
}

/** The active key with this hash, if any. */
export async function findActiveKeyByHash(
  db: Database,
  keyHash: string,
): Promise<StoredKey | undefined> {
  const [row] = await db
    .select({
      id: apiKeys.id,
      workspaceId: apiKeys.workspaceId,
      scope: apiKeys.scope,
      keyHash: apiKeys.keyHash,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1);
  if (!row || row.revokedAt !== null) return undefined;
  return { id: row.id, workspaceId: row.workspaceId, scope: row.scope, keyHash: row.keyHash };
}

const listed = {
  id: apiKeys.id,
  name: apiKeys.name,
  scope: apiKeys.scope,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  createdBy: apiKeys.createdBy,
  revokedAt: apiKeys.revokedAt,
};

export type ListedKey = {
  id: string;
  name: string;
  scope: Scope;
  prefix: string;
  createdAt: number;
  createdBy: string;
  revokedAt: number | null;
};

/** A workspace's keys, newest first (revoked ones too, marked); never the hash. */
export function listKeys(db: Database, workspaceId: string): Promise<ListedKey[]> {
  return db
    .select(listed)
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

export async function getKey(
  db: Database,
  workspaceId: string,
  keyId: string,
): Promise<ListedKey | undefined> {
  const [row] = await db
    .select(listed)
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, keyId)))
    .limit(1);
  return row;
}
