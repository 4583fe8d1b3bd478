import { OpenAPIHono } from "@hono/zod-openapi";
import { createFactory } from "hono/factory";
import type { ModelResolver, Scope, WorkspaceBand, WorkspaceData } from "../shared/index.js";
import type { SharedModelRow } from "./db/shares.js";
import type { WorkspaceDataVersions } from "./db/workspace-data.js";
import { defaultHook } from "./http/validation.js";

/** Who is calling, once a valid `Authorization: Bearer …` key has been checked. */
export interface ApiKeyAuth {
  keyId: string;
  workspaceId: string;
  scope: Scope;
}

/**
 * The worker's bindings and the context variables its middleware set: the one place they are
 * typed, so every handler reads `c.var.x` with its type and no cast.
 */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** D1 for this request: one Sessions API session (d1Session), its bookmark in the answer. */
    d1: D1DatabaseSession;
    /** Set on /v1/* by authenticate: the caller's key, or undefined when anonymous. */
    auth?: ApiKeyAuth;
    /** Why a presented key was refused; the request is answered 401 after it has been counted. */
    authFailure?: string;
    /** A workspace's compensation bands (loadBands); salary answers use them where they match. */
    bands?: readonly WorkspaceBand[];
    /** The version of the caller workspace's current band set (0: none), part of result ETags. */
    bandsVersion?: number;
    /** The caller workspace's current levels, locations and FX rates (loadBands), as the core takes them. */
    workspaceData?: WorkspaceData;
    /** Their versions (0: none), which a model version saved now is pinned to. */
    dataVersions?: WorkspaceDataVersions;
    /** What else a cached GET depends on (workspace id + data versions); part of its ETag. */
    cacheScope?: string;
    /** Shared models for AI_MODEL in /v1/functions and /v1/batch (modelsForFunctions). */
    models?: ModelResolver;
    /** Set on share reads: the model behind the link's token, or null for an unknown or revoked link. */
    sharedModel?: SharedModelRow | null;
  };
};

declare global {
  // Optional vars that `npm run cf-typegen` cannot list because wrangler.toml leaves them unset.
  namespace Cloudflare {
    interface Env {
      /** Pins the API the add-on at /addon calls (an https origin); unset: the origin /addon is opened at. */
      ADDON_API_URL?: string;
    }
  }
}

/** Typed middleware and handlers for this worker (factory.createMiddleware). */
export const factory = createFactory<AppEnv>();

/** A router for one resource, with the one validation hook; app.ts mounts it at its prefix. */
export const newRouter = () => new OpenAPIHono<AppEnv>({ defaultHook });
