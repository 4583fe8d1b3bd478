import { contentHash } from "../../shared/index.js";
import { ADDON_JS } from "./addon-script.js";
import { HOME_JS } from "./home-script.js";
import { SHARED_MODEL_JS } from "./shared-model-script.js";
import { PAGES_CSS } from "./style.js";

// The pages' script and stylesheet, served by this worker as /assets/<name> (the CSP allows
// scripts and styles from 'self' only, never inline). Each URL carries a hash of its content, so
// a deploy changes the URL and a browser never pairs a new page with an old script.

export const ASSETS = {
  "pages.css": { body: PAGES_CSS, type: "text/css; charset=utf-8" },
  "shared-model.js": { body: SHARED_MODEL_JS, type: "text/javascript; charset=utf-8" },
  "home.js": { body: HOME_JS, type: "text/javascript; charset=utf-8" },
  "addon.js": { body: ADDON_JS, type: "text/javascript; charset=utf-8" },
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
