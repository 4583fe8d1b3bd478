import type { Context } from "hono";
import { contentHash, datasetVersion } from "../../shared/index.js";
import type { ModelPin } from "../../shared/index.js";
import { API_REVISION } from "./api-revision.js";
import { workspaceDataTag } from "./version-etag.js";

/**
 * Computed results of saved models, so a view is a lookup. A model version never changes and is
 * priced with what its pin names, so its result depends only on the version and its pin (plus,
 * for rendered content, the running dataset and this API's revision): all are in the key, and an
 * entry is never stale. Two levels: this
 * isolate's memory (bounded by entries and bytes), then the Cache API, shared by every isolate in
 * a Cloudflare location — so a shared link is served from near its readers. (On a workers.dev
 * hostname the Cache API stores nothing; the isolate level still works.)
 */
export interface ResultKey {
  /** What is cached: the plan result, or the shared page's rendered content. */
  kind: "result" | "content";
  modelId: string;
  version: number;
  /** What the version is priced with. */
  pin: ModelPin;
  /** Anything else the value depends on (the page's content: its origin and link token). */
  variant?: string;
}

export type CacheOutcome = "memory" | "shared" | "computed";

const MAX_ENTRIES = 256;
const MAX_BYTES = 32 * 1024 * 1024;
const memory = new Map<string, { value: unknown; bytes: number }>();
let memoryBytes = 0;

/** A URL for the Cache API (it keys on requests); never fetched, never reaches the network. */
function cacheUrl(k: ResultKey): string {
  const { hash } = datasetVersion();
  const variant = k.variant === undefined ? "" : `/${contentHash(k.variant)}`;
  return `https://result-cache.ai-team-planner.invalid/${k.kind}/${encodeURIComponent(k.modelId)}/v${k.version}/p${k.pin.bandsVersion}${workspaceDataTag(k.pin)}-${k.pin.datasetHash}/d${hash}/r${API_REVISION}${variant}`;
}

function remember(url: string, value: unknown, bytes: number): void {
  const old = memory.get(url);
  if (old) memoryBytes -= old.bytes;
  memory.delete(url);
  if (bytes > MAX_BYTES / 4) return; // one huge entry would push out everything else
  memory.set(url, { value, bytes });
  memoryBytes += bytes;
  for (const [key, entry] of memory) {
    if (memory.size <= MAX_ENTRIES && memoryBytes <= MAX_BYTES) break;
    memory.delete(key);
    memoryBytes -= entry.bytes;
  }
}

function sharedCache(): Cache | undefined {
  return typeof caches === "undefined" ? undefined : caches.default;
}

/**
 * The cached value for `key`, or `compute()`'s, which is then cached (the Cache API write runs
 * after the response, in waitUntil). A compute that throws caches nothing.
 */
export async function cachedResult<T>(
  c: Context,
  key: ResultKey,
  compute: () => T | Promise<T>,
): Promise<{ value: T; outcome: CacheOutcome }> {
  const url = cacheUrl(key);
  const hit = memory.get(url);
  if (hit) {
    // Most recently used last, so the oldest is evicted first.
    memory.delete(url);
    memory.set(url, hit);
    return { value: hit.value as T, outcome: "memory" };
  }
  const shared = sharedCache();
  const stored = await shared?.match(url);
  if (stored) {
    const text = await stored.text();
    const value = JSON.parse(text) as T;
    remember(url, value, text.length);
    return { value, outcome: "shared" };
  }
  const value = await compute();
  const text = JSON.stringify(value);
  remember(url, value, text.length);
  if (shared) {
    const put = shared.put(
      url,
      new Response(text, {
        headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=86400" },
      }),
    );
    try {
      c.executionCtx.waitUntil(put.catch(() => undefined));
    } catch {
      await put.catch(() => undefined);
    }
  }
  return { value, outcome: "computed" };
}

/** Server-Timing for an answer built from a cached result: where it came from and how long it took. */
export function serverTiming(outcome: CacheOutcome, started: number): string {
  return `result;desc="${outcome}";dur=${Math.round(performance.now() - started)}`;
}
