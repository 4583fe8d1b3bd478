// The types of scripts.generated.js, which scripts/build-client.mjs writes from worker/client/*.ts
// (it is not committed: `npm start`, `npm run deploy` and the tests build it).

/** Each page's script, bundled for the browser, by the name it is served under. */
export declare const CLIENT_SCRIPTS: {
  "home.js": string;
  "shared-model.js": string;
  "addon.js": string;
  "docs.js": string;
};
