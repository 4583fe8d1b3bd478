import type { PropertiesServiceLike } from "./apps-script.js";
import { BUILD } from "./build-config.js";

/**
 * Where the add-on keeps its settings. The API URL belongs to the document (every reader of the
 * sheet's AI_MODEL formulas must reach the same API); the API key belongs to the user alone and
 * lives only in UserProperties — it is never written to the sheet or sent back to the sidebar.
 */
export const SETTING_KEYS = {
  apiUrl: "atp.apiUrl",
  apiKey: "atp.apiKey",
} as const;

export interface Settings {
  apiUrl: string;
  apiKey: string | null;
}

/** What the sidebar may see: whether a key is saved and its last four characters, never the key. */
export interface PublicSettings {
  apiUrl: string;
  hasKey: boolean;
  keyHint: string | null;
  allowlist: string[];
}

export interface SettingsInput {
  apiUrl?: unknown;
  apiKey?: unknown;
  clearKey?: unknown;
}

export function readSettings(properties: PropertiesServiceLike): Settings {
  const doc = properties.getDocumentProperties();
  const apiUrl = doc?.getProperty(SETTING_KEYS.apiUrl) || BUILD.apiUrl;
  return { apiUrl, apiKey: readApiKey(properties) };
}

/**
 * The user's key, or null. Custom functions run without the user's identity, where user
 * properties may be unreadable; that is a missing key, not a failure.
 */
export function readApiKey(properties: PropertiesServiceLike): string | null {
  try {
    return properties.getUserProperties().getProperty(SETTING_KEYS.apiKey) || null;
  } catch {
    return null;
  }
}

export function publicSettings(settings: Settings): PublicSettings {
  return {
    apiUrl: settings.apiUrl,
    hasKey: settings.apiKey !== null,
    keyHint: settings.apiKey ? `…${settings.apiKey.slice(-4)}` : null,
    allowlist: BUILD.urlFetchAllowlist,
  };
}

export function saveSettings(
  properties: PropertiesServiceLike,
  input: SettingsInput,
): PublicSettings {
  if (typeof input !== "object" || input === null)
    throw new Error("Settings must be an object with apiUrl and/or apiKey.");
  if (input.apiUrl !== undefined) {
    const apiUrl = checkApiUrl(input.apiUrl);
    const doc = properties.getDocumentProperties();
    if (!doc) throw new Error("Open a spreadsheet first: the API URL is saved with the document.");
    doc.setProperty(SETTING_KEYS.apiUrl, apiUrl);
  }
  const user = properties.getUserProperties();
  if (input.clearKey === true) user.deleteProperty(SETTING_KEYS.apiKey);
  else if (input.apiKey !== undefined && input.apiKey !== "")
    user.setProperty(SETTING_KEYS.apiKey, checkApiKey(input.apiKey));
  return publicSettings(readSettings(properties));
}

// Apps Script has no URL class, so the parts are read with one pattern.
const URL_PATTERN = /^(https?):\/\/([^/?#\s:]+|\[[0-9a-f:]+\])(:\d{1,5})?(\/[^?#\s]*)?$/i;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

/** "https://host/path/" → "https://host/path": the base the API paths (/v1/…) are appended to. */
export function checkApiUrl(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text)
    throw new Error(
      "API URL is empty; enter the address of the AI Team Planner API, e.g. https://ai-team-planner.example.workers.dev",
    );
  const m = URL_PATTERN.exec(text);
  if (!m)
    throw new Error(
      `API URL ${JSON.stringify(text)} is not a web address; it should look like https://ai-team-planner.example.workers.dev (no query or #fragment).`,
    );
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase();
  const base = `${scheme}://${host}${m[3] ?? ""}${(m[4] ?? "").replace(/\/+$/, "")}`;
  // Loopback is for local development and tests: Apps Script itself can never reach it.
  if (LOOPBACK.test(host)) return base;
  if (scheme !== "https")
    throw new Error(`API URL must use https:// (Apps Script fetches only https), got ${text}.`);
  const allowed = BUILD.urlFetchAllowlist;
  if (allowed.length && !allowed.some((prefix) => urlMatchesPrefix(`${base}/`, prefix))) {
    throw new Error(
      `This build of the add-on may only call ${allowed.join(", ")} (its appsscript.json urlFetchWhitelist). Rebuild with ADDON_API_URL=${base} and push again to use ${base}.`,
    );
  }
  return base;
}

/** Apps Script's allowlist rule: a prefix match, where "https://*.example.com/" also covers subdomains. */
export function urlMatchesPrefix(url: string, prefix: string): boolean {
  const wild = /^https:\/\/\*\.([^/]+)(\/.*)$/.exec(prefix);
  if (!wild) return url.startsWith(prefix);
  const m = /^https:\/\/([^/]+)(\/.*)$/.exec(url);
  return m !== null && m[1]!.endsWith(`.${wild[1]}`) && m[2]!.startsWith(wild[2]!);
}

function checkApiKey(value: unknown): string {
  const key = typeof value === "string" ? value.trim() : "";
  if (!key)
    throw new Error(
      "API key is empty; paste the key your workspace admin created (npm run keys -- create …).",
    );
  if (/\s/.test(key) || key.length > 512)
    throw new Error("API key must be one line with no spaces, as the API printed it.");
  return key;
}
