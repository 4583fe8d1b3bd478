// Test-only bindings added in vitest.config.ts (project "worker").
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
}
