import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { BASES, CURRENCIES, SCOPES, type Scope } from "../../shared/vocabulary.js";

// Every time is Unix epoch milliseconds. Ids are random, prefixed by kind ("ws_", "key_", "mdl_", "bset_"),
// so an id pasted in the wrong place is recognisable and ids never reveal counts or order.

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: integer("created_at").notNull(),
});

export type { Scope };

export const VERSION_KINDS = ["create", "save", "reprice", "restore"] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];
/** The kinds of workspace data kept as versioned sets beside the bands (shared/workspace-data.ts checks their rows). */
export const WORKSPACE_DATA_KINDS = ["levels", "locations", "fx"] as const;
export type WorkspaceDataKind = (typeof WORKSPACE_DATA_KINDS)[number];
export const SHARE_VIEWS = ["full", "totals"] as const;
export type ShareView = (typeof SHARE_VIEWS)[number];

/** An API key: only its SHA-256 is stored; the key itself is shown once, when it is created. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    /** The key's highest scope: admin implies write, write implies read. */
    scope: text("scope", { enum: SCOPES }).notNull(),
    /** Lower-case hex SHA-256 of the whole key. */
    keyHash: text("key_hash").notNull().unique(),
    /** The key's first characters ("atp_Ab12"), so people can tell keys apart in a list. */
    prefix: text("prefix").notNull(),
    createdAt: integer("created_at").notNull(),
    /** Key id that created it, or "cli" for the keys script and "npm-start" for the dev bootstrap. */
    createdBy: text("created_by").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [
    index("api_keys_workspace_idx").on(t.workspaceId, t.createdAt),
    check(
      "api_keys_scope_check",
      sql`${t.scope} IN (${sql.raw(SCOPES.map((s) => `'${s}'`).join(", "))})`,
    ),
  ],
);

/** A live plan model; `version` is the current version and the optimistic-concurrency token. */
export const models = sqliteTable(
  "models",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    /** The plan-engine input as JSON text, exactly as validated. */
    input: text("input").notNull(),
    version: integer("version").notNull(),
    createdAt: integer("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    updatedAt: integer("updated_at").notNull(),
    updatedBy: text("updated_by").notNull(),
    /** Soft delete: set when deleted, cleared by an admin's restore. */
    deletedAt: integer("deleted_at"),
    /** UTF-8 bytes of every saved version (name + input + result snapshot): the model's share of its workspace's storage quota. */
    bytes: integer("bytes").notNull().default(0),
    /** The current version's pin (copied into its model_versions row). */
    datasetVersion: text("dataset_version").notNull().default(""),
    datasetHash: text("dataset_hash").notNull().default(""),
    bandsVersion: integer("bands_version").notNull().default(0),
    /** The workspace data set versions (levels, locations, FX) it is priced with; 0: none. */
    levelsVersion: integer("levels_version").notNull().default(0),
    locationsVersion: integer("locations_version").notNull().default(0),
    fxVersion: integer("fx_version").notNull().default(0),
  },
  (t) => [
    index("models_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    check("models_version_check", sql`${t.version} >= 1`),
  ],
);

/** Every saved version of a model; the primary key makes a duplicated version impossible. */
export const modelVersions = sqliteTable(
  "model_versions",
  {
    modelId: text("model_id")
      .notNull()
      .references(() => models.id),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    input: text("input").notNull(),
    createdAt: integer("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    /** What this version is priced with (its pin): the dataset's version and content hash, and the workspace's band set version (0: none). */
    datasetVersion: text("dataset_version").notNull().default(""),
    datasetHash: text("dataset_hash").notNull().default(""),
    bandsVersion: integer("bands_version").notNull().default(0),
    /** The workspace data set versions (levels, locations, FX) it is priced with; 0: none. */
    levelsVersion: integer("levels_version").notNull().default(0),
    locationsVersion: integer("locations_version").notNull().default(0),
    fxVersion: integer("fx_version").notNull().default(0),
    /**
     * The result as it was priced when saved (base64 of the gzip of its JSON), so the version gives the same
     * figures to the cent after a deploy with a new dataset or engine; null for versions saved
     * before pinning (priced from their pin) and for a snapshot over MAX_SNAPSHOT_BYTES.
     */
    result: text("result"),
    /** How this version came to be: create, save, reprice or restore. */
    kind: text("kind", { enum: VERSION_KINDS }).notNull().default("save"),
    /** For a restore: the version it copies. */
    restoredFrom: integer("restored_from"),
    /** What changed from the version before (JSON of VersionChange), written with the version. */
    change: text("change"),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.version] })],
);

/** A read-only link to a model. The token is a capability for data its holder may read anyway, so it is stored as is. */
export const shares = sqliteTable(
  "shares",
  {
    token: text("token").primaryKey(),
    modelId: text("model_id")
      .notNull()
      .references(() => models.id),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    createdAt: integer("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    revokedAt: integer("revoked_at"),
    /** full: everything the owner sees; totals: months, years, departments and scenarios, no per-hire pay. */
    view: text("view", { enum: SHARE_VIEWS }).notNull().default("full"),
    /** After this time the link answers as a revoked one; null: never expires. */
    expiresAt: integer("expires_at"),
  },
  (t) => [index("shares_model_idx").on(t.modelId)],
);

/** One uploaded set of compensation bands; the newest version is the workspace's current set. */
export const bandSets = sqliteTable(
  "band_sets",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    version: integer("version").notNull(),
    rowCount: integer("row_count").notNull(),
    createdAt: integer("created_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [uniqueIndex("band_sets_workspace_version_idx").on(t.workspaceId, t.version)],
);

/** The rows of a band set, by canonical role/level/location names so the core's band matching applies them. */
export const bands = sqliteTable(
  "bands",
  {
    setId: text("set_id")
      .notNull()
      .references(() => bandSets.id),
    /** 1-based row number in the upload. */
    row: integer("row").notNull(),
    role: text("role").notNull(),
    level: text("level").notNull(),
    location: text("location").notNull(),
    basis: text("basis", { enum: BASES }).notNull(),
    currency: text("currency", { enum: CURRENCIES }).notNull(),
    /** Exact amounts in cents (of `currency`). */
    lowCents: integer("low_cents").notNull(),
    highCents: integer("high_cents").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.setId, t.row] }),
    check("bands_amounts_check", sql`${t.lowCents} >= 0 AND ${t.lowCents} <= ${t.highCents}`),
  ],
);

/**
 * One uploaded set of a kind of workspace data (levels, locations or FX rates): the newest version
 * of each kind is current, every older one stays readable (a model version pinned to it is priced
 * with it forever). The checked rows are one JSON text — a set is small (at most
 * MAX_WORKSPACE_DATA_ROWS rows) and always read whole.
 */
export const workspaceDataSets = sqliteTable(
  "workspace_data_sets",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    kind: text("kind", { enum: WORKSPACE_DATA_KINDS }).notNull(),
    version: integer("version").notNull(),
    rowCount: integer("row_count").notNull(),
    /** The checked rows as JSON (WorkspaceLevel[], WorkspaceLocation[] or FxRate[]). */
    data: text("data").notNull(),
    /** UTF-8 bytes of `data`: counted in the workspace's stored-bytes quota. */
    bytes: integer("bytes").notNull(),
    createdAt: integer("created_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [
    uniqueIndex("workspace_data_sets_kind_version_idx").on(t.workspaceId, t.kind, t.version),
    check(
      "workspace_data_sets_kind_check",
      sql`${t.kind} IN (${sql.raw(WORKSPACE_DATA_KINDS.map((k) => `'${k}'`).join(", "))})`,
    ),
  ],
);

/** Who (key id, "cli" or "npm-start") did what to which object, when, and the version it produced. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: text("workspace_id").notNull(),
    actor: text("actor").notNull(),
    /** e.g. "model.update", "bands.replace", "key.create". */
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id").notNull(),
    version: integer("version"),
    at: integer("at").notNull(),
  },
  (t) => [index("audit_log_workspace_idx").on(t.workspaceId, t.id)],
);

export type Workspace = typeof workspaces.$inferSelect;
export type NewWorkspace = typeof workspaces.$inferInsert;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ModelRow = typeof models.$inferSelect;
export type ModelVersionRow = typeof modelVersions.$inferSelect;
export type ShareRow = typeof shares.$inferSelect;
export type BandSetRow = typeof bandSets.$inferSelect;
export type BandRow = typeof bands.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type WorkspaceDataSetRow = typeof workspaceDataSets.$inferSelect;
