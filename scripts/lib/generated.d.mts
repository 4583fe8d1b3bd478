// Types for generated.mjs, which vitest.config.ts imports.

/** Builds the worker's generated modules (the /addon template, the pages' scripts). */
export function buildGeneratedSources(): void;
