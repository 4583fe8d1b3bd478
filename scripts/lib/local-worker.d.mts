// Types for local-worker.mjs, which the tests import from TypeScript.
import type { ChildProcess } from "node:child_process";

export interface LocalWorker {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** An admin key of the local "dev" workspace (DEV_API_KEY). */
  devKey: string;
  pid: number;
  /** The tail of the worker's output. */
  output(): string;
  stop(): Promise<void>;
}

export const STARTUP_TIMEOUT_MS: number;
export function freePort(): Promise<number>;
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void;
export function startLocalWorker(options?: {
  extraVars?: Record<string, string>;
}): Promise<LocalWorker>;
