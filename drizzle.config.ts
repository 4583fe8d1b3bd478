import { defineConfig } from "drizzle-kit";

// Migrations are generated here and applied by wrangler (`wrangler d1 migrations apply DB`),
// which reads the top-level migrations/NNNN_name.sql files; drizzle's migrations/meta/ is ignored by it.
export default defineConfig({
  dialect: "sqlite",
  schema: "worker/db/schema.ts",
  out: "migrations",
});
