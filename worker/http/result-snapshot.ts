import type { PlanResultUnits } from "../../shared/index.js";

/**
 * A saved version's result as it was priced, kept with the version (model_versions.result): the
 * gzip of its JSON, base64url text. The worker's dataset and engine ship with each deploy, so a
 * result recomputed later could differ; the snapshot is what the version answers, to the cent,
 * forever. Over this size (a D1 row holds at most 2 MB, input included) no snapshot is kept and
 * the version is priced from its pin while the dataset it names is the running one.
 */
export const MAX_SNAPSHOT_BYTES = 768 * 1024;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** The snapshot text of a result, or null when it is over MAX_SNAPSHOT_BYTES. */
export async function encodeSnapshot(result: PlanResultUnits): Promise<string | null> {
  const gz = await pipe(
    new TextEncoder().encode(JSON.stringify(result)),
    new CompressionStream("gzip"),
  );
  let binary = "";
  for (const b of gz) binary += String.fromCharCode(b);
  const text = btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return text.length <= MAX_SNAPSHOT_BYTES ? text : null;
}

export async function decodeSnapshot(text: string): Promise<PlanResultUnits> {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  const json = await pipe(bytes, new DecompressionStream("gzip"));
  return JSON.parse(new TextDecoder().decode(json)) as PlanResultUnits;
}
