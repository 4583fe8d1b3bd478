import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { buildGeneratedSources } from "./scripts/lib/generated.mjs";

const migrationsDir = fileURLToPath(new URL("./migrations", import.meta.url));

// The worker's generated modules (the /addon template, the pages' scripts), current for any run.
buildGeneratedSources();

export default defineConfig({
  test: {
    projects: [
      // Named for what they start. unit: nothing (the core and the app in-process).
      { test: { name: "unit", environment: "node", include: ["tests/unit/**/*.test.ts"] } },
      // addon: the built dist/Code.js under Apps Script stand-ins, against a local worker.
      { test: { name: "addon", environment: "node", include: ["tests/addon/**/*.test.ts"] } },
      // browser: headless Chromium against a local worker.
      { test: { name: "browser", environment: "node", include: ["tests/browser/**/*.test.ts"] } },
      // e2e: the scripts themselves (npm start, deploy, keys) and autocannon against npm start.
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts", "tests/load/**/*.test.ts"],
        },
      },
      // worker: the app inside workerd with a real local D1 and the real migrations.
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              // Test-only bindings: the real migrations, applied by the setup file below; rate limits
              // high enough that no test trips them by accident (tests/worker/ratelimit.test.ts sets
              // low ones on purpose, per request).
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations(migrationsDir),
                RATE_LIMIT_PER_MINUTE: "1000000",
                ANON_RATE_LIMIT_PER_MINUTE: "1000000",
                SHARE_RATE_LIMIT_PER_MINUTE: "1000000",
                PAGE_RATE_LIMIT_PER_MINUTE: "1000000",
              },
            },
          })),
        ],
        test: {
          name: "worker",
          include: ["tests/worker/**/*.test.ts"],
          setupFiles: ["./tests/worker/apply-migrations.ts"],
        },
      },
    ],
  },
});
