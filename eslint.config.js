// ESLint for every part: typescript-eslint's recommended rules (syntax-level, so `npm test` stays
// fast), plus the runtime globals each part may use. Formatting is prettier's job, not ESLint's.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".wrangler/",
      "test-results/",
      "sheets-addon/dist/",
      "worker/worker-configuration.d.ts",
      "worker/addon/*.generated.js",
      "worker/client/*.generated.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a value left out on purpose (e.g. a field dropped by destructuring).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // `declare global { namespace Cloudflare … }` is how optional Env vars are typed.
      "@typescript-eslint/no-namespace": ["error", { allowDeclarations: true }],
    },
  },
  // Scripts, bench and build tools run in Node.
  {
    files: ["**/*.mjs", "**/*.js", "**/*.cjs", "*.config.ts"],
    languageOptions: { globals: globals.node },
  },
);
