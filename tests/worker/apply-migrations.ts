// Setup file for the "worker" vitest project: applies the real migrations/ (read in
// vitest.config.ts with readD1Migrations and passed in as the TEST_MIGRATIONS binding) to the
// test D1. Setup files run before each test file; applyD1Migrations skips migrations it has
// already applied, so repeating it is safe.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
