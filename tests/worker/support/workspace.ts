// Workspaces and keys for the worker tests, written to env.DB with the very statements the keys
// script (`npm run keys`) hands to wrangler: worker/db/provisioning.ts.
import { env } from "cloudflare:workers";
import { randomToken } from "../../../worker/db/credentials.js";
import { ensureWorkspaceStatements, newKeyStatements } from "../../../worker/db/provisioning.js";
import type { Scope } from "../../../worker/db/schema.js";
import { runBatch } from "../../../worker/db/statements.js";
import { datasetVersion, type ModelPin } from "../../../shared/index.js";

import { call } from "../api-client.js";

// The one client of the worker tests (it also keeps the worker's request log lines out of the
// test output); these helpers add workspaces, keys and what a workspace's tests read back.
export { jsonOf, ORIGIN, problem as problemOf, type Problem } from "../api-client.js";

export interface TestKey {
  key: string;
  keyId: string;
  workspace: string;
  workspaceId: string;
  scope: Scope;
}

/** A workspace name no other test uses. */
export function uniqueWorkspace(base = "ws"): string {
  return `${base}-${randomToken("", 6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;
}

/** Creates the workspace if needed and a key with this scope, exactly as `npm run keys -- create` does. */
export async function createKey(
  workspace: string,
  scope: Scope,
  name = `test ${scope}`,
): Promise<TestKey> {
  const now = Date.now();
  const created = await newKeyStatements({
    workspace: { slug: workspace },
    scope,
    name,
    actor: "cli",
    now,
  });
  await runBatch(env.DB, [
    ...ensureWorkspaceStatements(workspace, "cli", now),
    ...created.statements,
  ]);
  const row = await env.DB.prepare("SELECT id FROM workspaces WHERE slug = ?")
    .bind(workspace)
    .first<{ id: string }>();
  return { key: created.key, keyId: created.id, workspace, workspaceId: row!.id, scope };
}

/** A fresh workspace with one key of each scope. */
export async function workspaceWithKeys(base = "ws") {
  const workspace = uniqueWorkspace(base);
  const admin = await createKey(workspace, "admin");
  const write = await createKey(workspace, "write");
  const read = await createKey(workspace, "read");
  return { workspace, workspaceId: admin.workspaceId, admin, write, read };
}

type Init = {
  method?: string;
  key?: TestKey | string;
  body?: unknown;
  headers?: Record<string, string>;
};

/** Calls the real worker (its default export, as workerd serves it). */
export function api(path: string, init: Init = {}): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key)
    headers.Authorization = `Bearer ${typeof init.key === "string" ? init.key : init.key.key}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers["Content-Type"] ??= "application/json";
  }
  return call(path, {
    method: init.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
}

/** A small valid plan-engine input. */
export function planInput(count = 1) {
  return {
    horizonMonths: 12,
    hires: [{ role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, count }],
  };
}

/** Audit rows of a workspace, oldest first. */
export async function auditRows(workspaceId: string) {
  const { results } = await env.DB.prepare(
    "SELECT actor, action, object_type, object_id, version FROM audit_log WHERE workspace_id = ? ORDER BY id",
  )
    .bind(workspaceId)
    .all<{
      actor: string;
      action: string;
      object_type: string;
      object_id: string;
      version: number | null;
    }>();
  return results;
}

/** What a version saved now is priced with: this build's dataset and the given band set version. */
export function pinWith(bandsVersion: number): ModelPin {
  const d = datasetVersion();
  return {
    datasetVersion: d.version,
    datasetHash: d.hash,
    bandsVersion,
    levelsVersion: 0,
    locationsVersion: 0,
    fxVersion: 0,
  };
}
