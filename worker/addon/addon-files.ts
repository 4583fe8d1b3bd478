import { contentHash } from "../../shared/index.js";
import type { AddonTarget } from "./addon-target.js";
import { ADDON_TEMPLATE, type AddonTemplate } from "./template.generated.js";

// The add-on's three files for one API origin, from the template sheets-addon/build.mjs makes
// (Code.js built for a placeholder origin; appsscript.json without its per-origin allowlist).

export const ADDON_FILE_NAMES = ["Code.js", "appsscript.json", "Sidebar.html"] as const;
export type AddonFileName = (typeof ADDON_FILE_NAMES)[number];

export function isAddonFileName(name: string): name is AddonFileName {
  return (ADDON_FILE_NAMES as readonly string[]).includes(name);
}

export const ADDON_FILE_TYPES: Record<AddonFileName, string> = {
  "Code.js": "text/javascript; charset=utf-8",
  "appsscript.json": "application/json; charset=utf-8",
  // Plain text: the sidebar is for Apps Script's HtmlService, never a page of this origin.
  "Sidebar.html": "text/plain; charset=utf-8",
};

export interface AddonBuild {
  target: AddonTarget;
  files: Record<AddonFileName, string>;
  /** How many custom functions Code.js declares. */
  functions: number;
  /** Changes with the template and the target: the ETag of the page and of each file. */
  etag: string;
}

export function buildAddonFor(
  target: AddonTarget,
  template: AddonTemplate = ADDON_TEMPLATE,
): AddonBuild {
  const manifest = target.https
    ? { ...template.manifest, urlFetchWhitelist: [`${target.apiUrl}/`] }
    : template.manifest;
  return {
    target,
    files: {
      // The placeholder is a whole origin inside a string literal (the build checks it is there).
      "Code.js": template.codeJs.split(template.origin).join(target.apiUrl),
      "appsscript.json": `${JSON.stringify(manifest, null, 2)}\n`,
      "Sidebar.html": template.sidebarHtml,
    },
    functions: template.functions,
    etag: `"${contentHash(`${template.hash} ${target.apiUrl} ${target.https}`)}"`,
  };
}

// A worker isolate serves one or two origins (workers.dev, a custom domain): keep their builds
// instead of copying 250 KB of text on every request.
const MAX_CACHED = 4;
const builds = new Map<string, AddonBuild>();

export function cachedAddonFor(target: AddonTarget): AddonBuild {
  const key = `${target.apiUrl} ${target.https} ${target.loopback}`;
  let build = builds.get(key);
  if (!build) {
    build = buildAddonFor(target);
    if (builds.size >= MAX_CACHED) builds.delete(builds.keys().next().value!);
    builds.set(key, build);
  }
  return build;
}
