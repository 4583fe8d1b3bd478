// Types for local-worker.mjs, which tests/load imports from TypeScript.
export interface LocalWorker {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** The local dev workspace's admin key (DEV_API_KEY). */
  devKey: string;
  pid: number;
  /** The tail of the worker's output. */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number>;

export function startLocalWorker(
  root: string,
  options?: { extraVars?: Record<string, string> },
): Promise<LocalWorker>;
