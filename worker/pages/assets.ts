import { contentHash } from "../../shared/index.js";
import { CLIENT_SCRIPTS } from "../client/scripts.generated.js";
import { PAGES_CSS } from "./style.js";

// The pages' scripts (worker/client/*.ts, bundled by scripts/build-client.mjs) and stylesheet,
// served by this worker as /assets/<name> (the CSP allows scripts and styles from 'self' only,
// never inline). Each URL carries a hash of its content, so
// a deploy changes the URL and a browser never pairs a new page with an old script.

const JS = "text/javascript; charset=utf-8";

export const ASSETS = {
  "pages.css": { body: PAGES_CSS, type: "text/css; charset=utf-8" },
  "shared-model.js": { body: CLIENT_SCRIPTS["shared-model.js"], type: JS },
  "home.js": { body: CLIENT_SCRIPTS["home.js"], type: JS },
  "addon.js": { body: CLIENT_SCRIPTS["addon.js"], type: JS },
} as const;

export type AssetName = keyof typeof ASSETS;

export function isAssetName(name: string): name is AssetName {
  return Object.hasOwn(ASSETS, name);
}

const versions = new Map<AssetName, string>();

export function assetUrl(name: AssetName): string {
  let v = versions.get(name);
  if (!v) {
    v = contentHash(ASSETS[name].body);
    versions.set(name, v);
  }
  return `/assets/${name}?v=${v}`;
}
