/**
 * Values fixed when the bundle is built (sheets-addon/build.mjs replaces `ADDON_BUILD` through
 * esbuild's `define`): the API URL a new document starts with, and the URL prefixes the manifest's
 * urlFetchWhitelist allows, so Settings can refuse a URL Apps Script would refuse anyway.
 */
export interface BuildConfig {
  apiUrl: string;
  urlFetchAllowlist: string[];
}

declare const ADDON_BUILD: BuildConfig;

export const BUILD: BuildConfig = ADDON_BUILD;
