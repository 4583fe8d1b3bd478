// The import rules `npm test` holds (npm run depcruise): no cycle anywhere, and each part imports
// only what lies beneath it. The worker's layers, top to bottom:
//   index.ts (entry) → app.ts (cross-cutting middleware, routers mounted at their prefixes, the
//   error handler) → routes/ (one router per resource) → auth/, middleware/ (reads D1), schemas/,
//   pages/, docs/, addon/ → env.ts (AppEnv, the factory) → http/ (helpers) → schemas/ → shared/;
//   db/ sits on shared/ alone.
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle makes load order matter (a router that reads app.ts before it has run).",
      from: {},
      to: { circular: true },
    },
    {
      name: "shared-is-pure",
      severity: "error",
      comment: "The core imports nothing outside itself (tests/unit/core-purity.test.ts too).",
      from: { path: "^shared/" },
      to: { pathNot: "^shared/" },
    },
    {
      name: "addon-sees-only-the-core",
      severity: "error",
      from: { path: "^sheets-addon/src/" },
      to: { pathNot: ["^sheets-addon/src/", "^shared/"] },
    },
    {
      name: "only-the-entry-reads-the-app",
      severity: "error",
      comment: "Routers get newRouter and AppEnv from env.ts; only index.ts imports app.ts.",
      from: { path: "^worker/", pathNot: "^worker/index\\.ts$" },
      to: { path: "^worker/(app|index)\\.ts$" },
    },
    {
      name: "routers-do-not-import-routers",
      severity: "error",
      comment: "A schema two routers share lives in worker/schemas/.",
      from: { path: "^worker/routes/([^/]+)\\.ts$" },
      to: { path: "^worker/routes/", pathNot: "^worker/routes/$1\\.ts$" },
    },
    {
      name: "db-sits-on-the-core",
      severity: "error",
      comment:
        "worker/db/ is run by the keys script and npm start too: SQL, drizzle and the core only.",
      from: { path: "^worker/db/" },
      to: { path: "^worker/", pathNot: "^worker/db/" },
    },
    {
      name: "http-helpers-below-auth-and-routes",
      severity: "error",
      comment:
        "HTTP helpers may read the schemas that document what they answer (the problem codes).",
      from: { path: "^worker/http/" },
      to: { path: "^worker/(auth|middleware|routes|pages|docs|addon|db)/" },
    },
    {
      name: "schemas-describe-only",
      severity: "error",
      comment: "Route schemas are zod and the core's constants, nothing that runs a request.",
      from: { path: "^worker/schemas/" },
      to: { path: "^worker/", pathNot: "^worker/schemas/" },
    },
    {
      name: "auth-below-routes",
      severity: "error",
      from: { path: "^worker/(auth|middleware)/" },
      to: { path: "^worker/(routes|pages|docs)/" },
    },
    {
      name: "pages-render-only",
      severity: "error",
      comment: "Pages are HTML from the core's results; they read no database and no request.",
      from: { path: "^worker/(pages|docs|addon)/" },
      to: { path: "^worker/(auth|middleware|routes|db|schemas)/" },
    },
    {
      name: "browser-scripts-stand-alone",
      severity: "error",
      comment:
        "worker/client/*.ts run in the browser: they import each other (the DOM helper), and of the core only its types.",
      from: { path: "^worker/client/[^/]+\\.ts$" },
      to: { pathNot: "^worker/client/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "browser-scripts-served-built",
      severity: "error",
      comment: "The worker serves the bundle scripts/build-client.mjs writes, never the sources.",
      from: { path: "^worker/", pathNot: "^worker/client/" },
      to: { path: "^worker/client/[^/]+\\.ts$", pathNot: "\\.generated\\.d\\.ts$" },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "worker-configuration\\.d\\.ts$" },
    doNotFollow: { path: "node_modules" },
  },
};
