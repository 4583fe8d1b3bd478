import { generateApiKey, hashApiKey, keyDisplayPrefix, randomToken } from "./credentials.js";

export { impliedScopes, parseScopes } from "./credentials.js";
import { invalid } from "../../shared/errors.js";
import { auditStatement } from "./audit.js";
import type { Scope } from "./schema.js";
import { stmt, type SqlStatement } from "./statements.js";

// Workspaces and keys as SQL statements, shared by POST /v1/keys, `npm run keys`, `npm start`'s
// dev workspace and the tests' helper, so there is one way a key gets into the database.

export const WORKSPACE_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const KEY_NAME_MAX = 100;

export function checkWorkspaceSlug(slug: string): string {
  if (!WORKSPACE_SLUG.test(slug)) {
    throw invalid(
      "workspace",
      `${JSON.stringify(slug)} is not a workspace name; use 1-40 lower-case letters, digits and dashes, e.g. "acme"`,
    );
  }
  return slug;
}

export function checkKeyName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > KEY_NAME_MAX || /\p{Cc}/u.test(trimmed)) {
    throw invalid(
      "name",
      `give a key name of 1-${KEY_NAME_MAX} printable characters, e.g. "HR sync"`,
    );
  }
  return trimmed;
}

export function newWorkspaceId(): string {
  return randomToken("ws_", 12);
}

export function newKeyId(): string {
  return randomToken("key_", 12);
}

/** Creates the workspace unless one with that slug exists (and audits the creation only if it did). */
export function ensureWorkspaceStatements(
  slug: string,
  actor: string,
  now: number,
): SqlStatement[] {
  checkWorkspaceSlug(slug);
  const id = newWorkspaceId();
  return [
    // RETURNING: the first result has a row only when the workspace was created (wrangler's local
    // `d1 execute --json` reports no change counts).
    stmt(
      "INSERT INTO workspaces (id, slug, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING RETURNING id",
      id,
      slug,
      slug,
      now,
    ),
    auditStatement(
      { actor, action: "workspace.create", objectType: "workspace", at: now },
      { table: "workspaces", where: "id = ?", params: [id], workspaceColumn: "id" },
    ),
  ];
}

export type WorkspaceRef = { id: string } | { slug: string };

export interface NewKey {
  /** The key itself: shown once, never stored. */
  key: string;
  id: string;
  name: string;
  scope: Scope;
  prefix: string;
  createdAt: number;
  statements: SqlStatement[];
}

export interface NewKeyOptions {
  workspace: WorkspaceRef;
  scope: Scope;
  name: string;
  /** Key id, "cli" or "npm-start". */
  actor: string;
  now?: number;
  /** A key chosen by the caller (`DEV_API_KEY`); otherwise a random one. */
  key?: string;
  /**
   * For a caller-chosen key that may already exist: make it an active key of this workspace with
   * this scope again instead of inserting a duplicate.
   */
  reactivate?: boolean;
}

/** The statements that store a new key (as its hash) and audit it. */
export async function newKeyStatements(opts: NewKeyOptions): Promise<NewKey> {
  const now = opts.now ?? Date.now();
  const key = opts.key ?? generateApiKey();
  const name = checkKeyName(opts.name);
  const id = newKeyId();
  const hash = await hashApiKey(key);
  const prefix = keyDisplayPrefix(key);
  const [where, ref] =
    "id" in opts.workspace
      ? ["id = ?", opts.workspace.id]
      : ["slug = ?", checkWorkspaceSlug(opts.workspace.slug)];
  const onConflict = opts.reactivate
    ? "ON CONFLICT (key_hash) DO UPDATE SET workspace_id = excluded.workspace_id, scope = excluded.scope, name = excluded.name, revoked_at = NULL"
    : "";
  // INSERT … SELECT needs a WHERE before an ON CONFLICT clause, which it has.
  const insert = stmt(
    `INSERT INTO api_keys (id, workspace_id, name, scope, key_hash, prefix, created_at, created_by) SELECT ?, id, ?, ?, ?, ?, ?, ? FROM workspaces WHERE ${where} ${onConflict}`,
    id,
    name,
    opts.scope,
    hash,
    prefix,
    now,
    opts.actor,
    ref,
  );
  const audit = auditStatement(
    { actor: opts.actor, action: "key.create", objectType: "key", at: now },
    { table: "api_keys", where: "key_hash = ?", params: [hash] },
  );
  return { key, id, name, scope: opts.scope, prefix, createdAt: now, statements: [insert, audit] };
}

/** Revokes an active key of the workspace (by id) and audits it; no change if it is unknown or already revoked. */
export function revokeKeyStatements(
  keyId: string,
  workspace: WorkspaceRef | undefined,
  actor: string,
  now: number,
): SqlStatement[] {
  const scopeClause = !workspace
    ? ""
    : "id" in workspace
      ? " AND workspace_id = ?"
      : " AND workspace_id = (SELECT id FROM workspaces WHERE slug = ?)";
  const scopeParam = !workspace ? [] : ["id" in workspace ? workspace.id : workspace.slug];
  return [
    // RETURNING: a row only if a key was revoked, for callers without change counts (wrangler's local --json).
    stmt(
      `UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL${scopeClause} RETURNING id`,
      now,
      keyId,
      ...scopeParam,
    ),
    auditStatement(
      { actor, action: "key.revoke", objectType: "key", at: now },
      { table: "api_keys", where: "id = ?", params: [keyId] },
      { onlyIfChanged: true },
    ),
  ];
}

/** Keys with their workspace, newest first; never the hash. */
export function listKeysStatement(workspaceSlug?: string): SqlStatement {
  const base =
    "SELECT k.id, w.slug AS workspace, k.name, k.scope, k.prefix, k.created_at, k.created_by, k.revoked_at FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id";
  return workspaceSlug
    ? stmt(
        `${base} WHERE w.slug = ? ORDER BY k.created_at DESC, k.id`,
        checkWorkspaceSlug(workspaceSlug),
      )
    : stmt(`${base} ORDER BY w.slug, k.created_at DESC, k.id`);
}

export const DEV_WORKSPACE = "dev";
const GENERATED_DEV_KEY = "npm start (generated)";
const CHOSEN_DEV_KEY = "npm start (DEV_API_KEY)";

/**
 * `npm start`'s local dev workspace and its admin key: DEV_API_KEY when set (made an active
 * admin key of "dev" again if it already exists), otherwise a new random key, which replaces
 * (revokes) the one generated by the previous start. Local only: the start script runs these
 * against the local database; the worker itself never creates keys on its own.
 */
export async function devWorkspaceStatements(
  devApiKey: string | undefined,
  now: number,
): Promise<{ key: string; generated: boolean; statements: SqlStatement[] }> {
  const chosen = devApiKey?.trim();
  if (chosen !== undefined && chosen.length < 16)
    throw invalid("DEV_API_KEY", "use at least 16 characters (or unset it to get a generated key)");
  const created = await newKeyStatements({
    workspace: { slug: DEV_WORKSPACE },
    scope: "admin",
    name: chosen ? CHOSEN_DEV_KEY : GENERATED_DEV_KEY,
    actor: "npm-start",
    now,
    ...(chosen ? { key: chosen, reactivate: true } : {}),
  });
  const retire = stmt(
    "UPDATE api_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL AND workspace_id = (SELECT id FROM workspaces WHERE slug = ?)",
    now,
    GENERATED_DEV_KEY,
    DEV_WORKSPACE,
  );
  return {
    key: created.key,
    generated: !chosen,
    statements: [
      ...ensureWorkspaceStatements(DEV_WORKSPACE, "npm-start", now),
      ...(chosen ? [] : [retire]),
      ...created.statements,
    ],
  };
}
