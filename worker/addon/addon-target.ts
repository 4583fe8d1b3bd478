import { HttpProblem } from "../http/problem.js";

/** The API a build of the add-on calls, and whether Apps Script may be told to allow it. */
export interface AddonTarget {
  /** An origin (scheme, host, port; no path): the add-on appends /v1/… to it. */
  apiUrl: string;
  /** Apps Script's urlFetchWhitelist takes only https:// prefixes; over http the manifest has none. */
  https: boolean;
  /** 127.0.0.1, localhost or [::1]: `npm start` on this computer, which Google's servers cannot reach. */
  loopback: boolean;
  /** Set by the operator (ADDON_API_URL) rather than taken from the request. */
  pinned: boolean;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * ADDON_API_URL as an origin the add-on can call, or undefined when it cannot be one: Apps Script
 * fetches only https:// URLs (and its urlFetchWhitelist takes only https prefixes), and the
 * add-on adds /v1/… itself, so no path, query, fragment or credentials. `npm run deploy` checks a
 * pinned value with this same rule before deploying.
 */
export function usableAddonOrigin(value: string): URL | undefined {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const usable =
    url.protocol === "https:" &&
    url.hostname.includes(".") &&
    !url.username &&
    !url.password &&
    url.pathname === "/" &&
    !url.search &&
    !url.hash;
  return usable ? url : undefined;
}

/**
 * The add-on is built for the origin its install page is opened at (so a workers.dev address, a
 * custom domain and `npm start` each get a working add-on with no configuration), unless the
 * operator pins one with ADDON_API_URL. A pinned value that Apps Script could not call is a
 * misconfiguration of this worker, answered as such; `npm run deploy` refuses to deploy it.
 */
export function addonTarget(requestUrl: string, configured: string | undefined): AddonTarget {
  const value = configured?.trim();
  if (value) {
    const url = usableAddonOrigin(value);
    if (!url) {
      throw new HttpProblem(
        500,
        "ADDON_API_URL_INVALID",
        `This worker's ADDON_API_URL (${JSON.stringify(value)}) is not an address the add-on can call: Apps Script fetches only https:// URLs, and the add-on adds /v1/… itself. The operator must set it to an https origin such as https://planner.example.com (no path), or remove it so /addon uses the address it is opened at.`,
        { field: "ADDON_API_URL" },
      );
    }
    return { apiUrl: url.origin, https: true, loopback: false, pinned: true };
  }
  const url = new URL(requestUrl);
  return {
    apiUrl: url.origin,
    https: url.protocol === "https:",
    loopback: LOOPBACK.test(url.hostname),
    pinned: false,
  };
}
