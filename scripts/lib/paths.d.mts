// Types for paths.mjs, which the tests import from TypeScript.
export const root: string;
export function fromRoot(...parts: string[]): string;
export function wranglerBin(): string;
export function wranglerEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
