import type { PlanInput, SalaryOptions } from "../../shared/index.js";
import { ApiError, apiError, type ApiClient, type ApiResponse } from "./api-client.js";
import type {
  CacheLike,
  PropertiesLike,
  SheetLike,
  SpreadsheetAppLike,
  SpreadsheetLike,
} from "./apps-script.js";
import { readJson, writeJson } from "./json-store.js";
import { modelCacheKey } from "./model-resolver.js";
import { inputFingerprint, insertPlanSheet, readPlanInput, writePlanInput } from "./plan-sheet.js";
import { recalculateOurFormulas, type Recalculated } from "./recalculate.js";

/**
 * Plan sheets published as shared models, and kept in step with them. Every save names the
 * version it was based on (If-Match); when someone else saved first the API answers 412 and the
 * user chooses: pull theirs, or overwrite knowingly. Nothing here ever overwrites silently — not
 * the server's version, and not unpublished edits in the sheet.
 */
export interface ModelLink {
  id: string;
  name: string;
  version: number;
  etag: string | null;
  shareToken: string | null;
  shareUrl: string | null;
  /** Fingerprint of the sheet's plan as last published or pulled: tells local edits apart. */
  syncedFingerprint: string;
  syncedAt: string;
}

export interface ModelView {
  sheetName: string;
  id: string;
  name: string;
  version: number;
  shareToken: string | null;
  shareUrl: string | null;
  /** A formula another sheet can use to read this model live. */
  formula: string | null;
}

export type PublishResult =
  | { status: "created" | "updated" | "unchanged" | "pulled"; model: ModelView; message: string }
  | {
      status: "conflict";
      model: ModelView;
      yourVersion: number;
      currentVersion: number;
      localEdits: boolean;
      message: string;
    };

export interface PullResult {
  pulled: ModelView[];
  upToDate: ModelView[];
  conflicts: Extract<PublishResult, { status: "conflict" }>[];
  /** Formulas of ours re-entered (AI_MODEL and every other, so all recalculate with the pulled data). */
  refreshedFormulas: number;
  /** Cells whose value changed when they recalculated. */
  changedCells: number;
  notes: string[];
}

export interface SyncContext {
  spreadsheetApp: SpreadsheetAppLike;
  ss: SpreadsheetLike;
  doc: PropertiesLike;
  cache: CacheLike | null;
  api: ApiClient;
  /** The workspace data stored by "Refresh workspace data" (bands, levels, locations, FX), which a plan sheet is read with. */
  pricing: SalaryOptions;
  now: Date;
}

const LINK_PREFIX = "atp.link.";
const linkKey = (sheet: SheetLike) => `${LINK_PREFIX}${sheet.getSheetId()}`;

export function readLink(doc: PropertiesLike, sheet: SheetLike): ModelLink | undefined {
  return readJson<ModelLink>(doc, linkKey(sheet));
}

function saveLink(doc: PropertiesLike, sheet: SheetLike, link: ModelLink): void {
  writeJson(doc, linkKey(sheet), link);
}

export function modelView(sheet: SheetLike, link: ModelLink): ModelView {
  return {
    sheetName: sheet.getName(),
    id: link.id,
    name: link.name,
    version: link.version,
    shareToken: link.shareToken,
    shareUrl: link.shareUrl,
    formula: `=AI_MODEL(${JSON.stringify(link.shareToken ?? link.id)}, "years")`,
  };
}

/** Publishes the active plan sheet: creates the model (and a read-only share) or saves a new version. */
export function publishPlan(ctx: SyncContext, sheet: SheetLike): PublishResult {
  const input = readPlanInput(ctx.ss, sheet, ctx.pricing);
  const fingerprint = inputFingerprint(input);
  const link = readLink(ctx.doc, sheet);
  if (!link) return createModel(ctx, sheet, input, fingerprint);
  if (link.syncedFingerprint === fingerprint) {
    return {
      status: "unchanged",
      model: modelView(sheet, link),
      message: `"${link.name}" version ${link.version} already holds this plan; nothing to publish.`,
    };
  }
  return saveVersion(ctx, sheet, link, input, fingerprint, ifMatch(link));
}

function createModel(
  ctx: SyncContext,
  sheet: SheetLike,
  input: PlanInput,
  fingerprint: string,
): PublishResult {
  const name = sheet.getName();
  const created = ctx.api.expect("post", "/v1/models", { auth: true, body: { name, input } });
  const body = created.body as Record<string, unknown>;
  const id = stringField(body, "id", "POST /v1/models");
  const version = numberField(body, "version", "POST /v1/models");
  // A share token lets other sheets (and people without a key) read the model's result live.
  const share = ctx.api.expect("post", `/v1/models/${encodeURIComponent(id)}/shares`, {
    auth: true,
    body: {},
  }).body as Record<string, unknown>;
  const link: ModelLink = {
    id,
    name,
    version,
    etag: created.headers["etag"] ?? null,
    shareToken: typeof share["token"] === "string" ? share["token"] : null,
    shareUrl: typeof share["url"] === "string" ? share["url"] : null,
    syncedFingerprint: fingerprint,
    syncedAt: ctx.now.toISOString(),
  };
  saveLink(ctx.doc, sheet, link);
  return {
    status: "created",
    model: modelView(sheet, link),
    message: `Published "${name}" as a shared model (version ${version}).`,
  };
}

function saveVersion(
  ctx: SyncContext,
  sheet: SheetLike,
  link: ModelLink,
  input: PlanInput,
  fingerprint: string,
  match: string,
): PublishResult {
  const path = `/v1/models/${encodeURIComponent(link.id)}`;
  const res = ctx.api.request("put", path, {
    auth: true,
    body: { name: link.name, input },
    headers: { "If-Match": match },
  });
  if (res.status === 412) {
    const current = currentVersionOf(res) ?? fetchModel(ctx.api, link.id).version;
    return conflict(sheet, link, current, true);
  }
  if (res.status < 200 || res.status >= 300) throw apiError(res, `PUT ${path}`);
  const body = res.body as Record<string, unknown>;
  const version = numberField(body, "version", `PUT ${path}`);
  // Record as synced only the save this sheet made. An API that answered with the model as it is
  // after a later save (someone else's) would otherwise have that save stored as ours, and the
  // next publish would silently overwrite it; treat it as the conflict it is.
  if (!isOurSave(res, link.name, fingerprint, version)) return conflict(sheet, link, version, true);
  const updated: ModelLink = {
    ...link,
    version,
    etag: res.headers["etag"] ?? null,
    syncedFingerprint: fingerprint,
    syncedAt: ctx.now.toISOString(),
  };
  saveLink(ctx.doc, sheet, updated);
  forgetCachedResult(ctx, updated);
  return {
    status: "updated",
    model: modelView(sheet, updated),
    message: `Published "${link.name}" version ${version}.`,
  };
}

const usd = (n: number) =>
  `${n < 0 ? "−" : "+"}$${Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * "Reprice with current data": a saved version keeps the figures it was priced with; this saves a
 * new version of the sheet's model priced with the workspace's current data (If-Match the version
 * the sheet holds, so a save by someone else is a conflict, not overwritten) and says how each
 * year's total moved.
 */
export function repriceModel(ctx: SyncContext, sheet: SheetLike): PublishResult {
  const link = readLink(ctx.doc, sheet);
  if (!link)
    throw new Error(
      `"${sheet.getName()}" is not published as a shared model yet; publish it (it is priced with the current data then).`,
    );
  if (inputFingerprint(readPlanInput(ctx.ss, sheet, ctx.pricing)) !== link.syncedFingerprint)
    throw new Error(
      `"${sheet.getName()}" has edits not yet published; publish them (a new version is priced with the current data) or pull, then reprice.`,
    );
  const path = `/v1/models/${encodeURIComponent(link.id)}/reprice`;
  const res = ctx.api.request("post", path, { auth: true, headers: { "If-Match": ifMatch(link) } });
  if (res.status === 412) {
    const current = currentVersionOf(res) ?? fetchModel(ctx.api, link.id).version;
    return conflict(sheet, link, current, false);
  }
  if (res.status < 200 || res.status >= 300) throw apiError(res, `POST ${path}`);
  const body = res.body as {
    model?: { version?: unknown; pricedWith?: { bandsVersion?: number } };
    difference?: {
      years?: { label: string; difference: number }[];
      total?: { difference: number };
    };
  };
  const version = numberField(body.model ?? {}, "version", `POST ${path}`);
  const updated: ModelLink = {
    ...link,
    version,
    etag: res.headers["etag"] ?? null,
    syncedAt: ctx.now.toISOString(),
  };
  saveLink(ctx.doc, sheet, updated);
  forgetCachedResult(ctx, updated);
  const years = (body.difference?.years ?? []).map((y) => `${y.label} ${usd(y.difference)}`);
  const total = body.difference?.total?.difference ?? 0;
  const bands = body.model?.pricedWith?.bandsVersion;
  return {
    status: "updated",
    model: modelView(sheet, updated),
    message: `Repriced "${link.name}" as version ${version}, priced with the current data${bands ? ` (workspace bands v${bands})` : ""}. Difference from version ${link.version}: ${years.length ? `${years.join(", ")}; ` : ""}total ${usd(total)}.`,
  };
}

function conflict(
  sheet: SheetLike,
  link: ModelLink,
  currentVersion: number,
  localEdits: boolean,
): Extract<PublishResult, { status: "conflict" }> {
  const message = localEdits
    ? `Someone else saved version ${currentVersion} of "${link.name}" after you last published or pulled version ${link.version}. ` +
      `Pull theirs to replace this sheet's plan with version ${currentVersion}, or overwrite knowingly to save your plan on top of theirs as version ${currentVersion + 1}.`
    : `"${link.name}" has a newer version ${currentVersion}, and this sheet has edits not yet published (based on version ${link.version}). ` +
      `Pull theirs to replace your edits with version ${currentVersion}, or overwrite knowingly to publish your plan on top of it.`;
  return {
    status: "conflict",
    model: modelView(sheet, link),
    yourVersion: link.version,
    currentVersion,
    localEdits,
    message,
  };
}

/**
 * The user's answer to a conflict. "pull" replaces the sheet's plan with the current version;
 * "overwrite" saves the sheet's plan over `seenVersion` — the version the user was shown — and
 * only that: if yet another save landed meanwhile, the user is asked again.
 */
export function resolveConflict(
  ctx: SyncContext,
  sheet: SheetLike,
  choice: unknown,
  seenVersion: unknown,
): PublishResult {
  const link = readLink(ctx.doc, sheet);
  if (!link)
    throw new Error(
      `"${sheet.getName()}" is not published as a shared model, so there is no conflict to resolve.`,
    );
  if (choice === "pull") return pullInto(ctx, sheet, link);
  if (choice !== "overwrite")
    throw new Error(`choice must be "pull" or "overwrite", got ${JSON.stringify(choice)}.`);
  if (typeof seenVersion !== "number" || !Number.isInteger(seenVersion))
    throw new Error("seenVersion must be the version number the conflict message showed.");
  const current = fetchModel(ctx.api, link.id);
  if (current.version !== seenVersion) return conflict(sheet, link, current.version, true);
  const input = readPlanInput(ctx.ss, sheet, ctx.pricing);
  return saveVersion(
    ctx,
    sheet,
    link,
    input,
    inputFingerprint(input),
    current.etag ?? String(current.version),
  );
}

function pullInto(
  ctx: SyncContext,
  sheet: SheetLike,
  link: ModelLink,
  fetched?: RemoteModel,
): PublishResult {
  const current = fetched ?? fetchModel(ctx.api, link.id);
  writePlanInput(ctx.ss, sheet, current.input);
  ctx.spreadsheetApp.flush();
  const updated: ModelLink = {
    ...link,
    name: current.name,
    version: current.version,
    etag: current.etag,
    // Read back rather than hash the API's JSON: the sheet is what the next publish compares with.
    syncedFingerprint: inputFingerprint(readPlanInput(ctx.ss, sheet, ctx.pricing)),
    syncedAt: ctx.now.toISOString(),
  };
  saveLink(ctx.doc, sheet, updated);
  forgetCachedResult(ctx, updated);
  return {
    status: "pulled",
    model: modelView(sheet, updated),
    message: `Pulled "${current.name}" version ${current.version} into "${sheet.getName()}".`,
  };
}

/**
 * "Pull/refresh shared models": every plan sheet linked to a model takes the newest version when
 * it has no unpublished edits (otherwise the user is asked), and every formula of ours in the
 * document recalculates (each AI_MODEL re-reading its model).
 */
export function pullModels(ctx: SyncContext): PullResult {
  const out: PullResult = {
    pulled: [],
    upToDate: [],
    conflicts: [],
    refreshedFormulas: 0,
    changedCells: 0,
    notes: [],
  };
  const linked = ctx.ss.getSheets().flatMap((sheet) => {
    const link = readLink(ctx.doc, sheet);
    return link ? [{ sheet, link }] : [];
  });
  // One parallel round trip for every linked model.
  const answers = ctx.api.requestAll(
    linked.map(({ link }) => ({
      method: "get" as const,
      path: `/v1/models/${encodeURIComponent(link.id)}`,
      options: { auth: true },
    })),
  );
  for (const [i, { sheet, link }] of linked.entries()) {
    const res = answers[i]!;
    if (res.status === 404) {
      out.notes.push(
        `"${sheet.getName()}" was published as model ${link.id}, which no longer exists or is not visible to your key; it stays as it is.`,
      );
      continue;
    }
    if (res.status !== 200) throw apiError(res, `GET /v1/models/${link.id}`);
    const current = modelFromResponse(res, link.id);
    if (current.version === link.version) {
      out.upToDate.push(modelView(sheet, link));
      continue;
    }
    const local = inputFingerprint(readPlanInput(ctx.ss, sheet, ctx.pricing));
    if (local === link.syncedFingerprint) {
      const pulled = pullInto(ctx, sheet, link, current);
      out.pulled.push(pulled.model);
    } else {
      out.conflicts.push(conflict(sheet, link, current.version, false));
    }
  }
  const recalculated = refreshOurFormulas(ctx);
  out.refreshedFormulas = recalculated.formulas;
  out.changedCells = recalculated.changedCells;
  return out;
}

/** Opens a model (by id, with the user's key) as a new linked plan sheet. */
export function openModel(ctx: SyncContext, idOrToken: unknown): PublishResult {
  const id = typeof idOrToken === "string" ? idOrToken.trim() : "";
  if (!id) throw new Error("Give the model id to open, e.g. the id Publish showed.");
  const res = ctx.api.request("get", `/v1/models/${encodeURIComponent(id)}`, { auth: true });
  if (res.status === 404) {
    throw new ApiError(
      404,
      `No model "${id}" is visible to your key. A share token opens read-only results: type =AI_MODEL("${id}", "years") in a cell instead.`,
      "NOT_FOUND",
    );
  }
  if (res.status !== 200) throw apiError(res, `GET /v1/models/${id}`);
  const model = modelFromResponse(res, id);
  const { sheet } = insertPlanSheet(ctx.ss, {
    title: model.name,
    subtitle: `Shared model ${model.id}, version ${model.version}. Publish saves your edits as a new version.`,
    input: model.input,
  });
  ctx.spreadsheetApp.flush();
  const link: ModelLink = {
    id: model.id,
    name: model.name,
    version: model.version,
    etag: model.etag,
    shareToken: null,
    shareUrl: null,
    syncedFingerprint: inputFingerprint(readPlanInput(ctx.ss, sheet, ctx.pricing)),
    syncedAt: ctx.now.toISOString(),
  };
  saveLink(ctx.doc, sheet, link);
  return {
    status: "pulled",
    model: modelView(sheet, link),
    message: `Opened "${model.name}" version ${model.version} as "${sheet.getName()}".`,
  };
}

interface RemoteModel {
  id: string;
  name: string;
  version: number;
  input: PlanInput;
  etag: string | null;
}

function fetchModel(api: ApiClient, id: string): RemoteModel {
  return modelFromResponse(
    api.expect("get", `/v1/models/${encodeURIComponent(id)}`, { auth: true }),
    id,
  );
}

function modelFromResponse(res: ApiResponse, id: string): RemoteModel {
  const body = res.body as Record<string, unknown>;
  const what = `GET /v1/models/${id}`;
  const input = body["input"];
  if (typeof input !== "object" || input === null || !Array.isArray((input as PlanInput).hires)) {
    throw new ApiError(
      502,
      `The API's ${what} answered without the model's plan input.`,
      "BAD_MODEL",
    );
  }
  return {
    id: stringField(body, "id", what),
    name: stringField(body, "name", what),
    version: numberField(body, "version", what),
    input: input as PlanInput,
    etag: res.headers["etag"] ?? null,
  };
}

/** Whether a save's answer is the save that was sent: its name, its plan, and the ETag of its version. */
function isOurSave(res: ApiResponse, name: string, fingerprint: string, version: number): boolean {
  const body = res.body as Record<string, unknown>;
  const etag = res.headers["etag"];
  return (
    body["name"] === name &&
    typeof body["input"] === "object" &&
    body["input"] !== null &&
    inputFingerprint(body["input"] as PlanInput) === fingerprint &&
    (etag === undefined || etag.replace(/^W\//, "") === `"v${version}"`)
  );
}

function currentVersionOf(res: ApiResponse): number | undefined {
  const v = (res.body as Record<string, unknown> | null)?.["currentVersion"];
  return typeof v === "number" ? v : undefined;
}

/** The stored ETag, or the bare version number (the API accepts either in If-Match). */
function ifMatch(link: ModelLink): string {
  return link.etag ?? String(link.version);
}

function stringField(body: Record<string, unknown>, key: string, what: string): string {
  const v = body?.[key];
  if (typeof v !== "string" || !v)
    throw new ApiError(502, `The API's ${what} answer has no ${key}.`, "BAD_RESPONSE");
  return v;
}

function numberField(body: Record<string, unknown>, key: string, what: string): number {
  const v = body?.[key];
  if (typeof v !== "number")
    throw new ApiError(502, `The API's ${what} answer has no ${key}.`, "BAD_RESPONSE");
  return v;
}

function forgetCachedResult(ctx: SyncContext, link: ModelLink): void {
  if (!ctx.cache) return;
  ctx.cache.remove(modelCacheKey(ctx.api.baseUrl, link.id));
  if (link.shareToken) ctx.cache.remove(modelCacheKey(ctx.api.baseUrl, link.shareToken));
}

const AI_MODEL_CALL = /AI_MODEL\(\s*"([^"]*)"/gi;

/**
 * Drops the cached results AI_MODEL formulas read, then re-enters every formula of ours so each
 * recalculates (Sheets recalculates a custom function only when its inputs change).
 */
function refreshOurFormulas(ctx: SyncContext): Recalculated {
  return recalculateOurFormulas(ctx.spreadsheetApp, ctx.ss, undefined, (formulas) => {
    for (const formula of formulas)
      for (const m of formula.matchAll(AI_MODEL_CALL))
        ctx.cache?.remove(modelCacheKey(ctx.api.baseUrl, m[1]!));
  });
}
