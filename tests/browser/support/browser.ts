// Headless Chromium from Debian's package, driven by playwright-core. Every page records its
// console errors and uncaught exceptions, and every request to a host other than 127.0.0.1 is
// blocked and recorded: the pages must need nothing from anywhere else.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, in order ("console: <text> @ <url>"). */
  errors: string[];
  /** URLs the page tried to load from any host but 127.0.0.1 (all were blocked). */
  offHost: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
}

export async function openWatchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
  options: { isMobile?: boolean } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport,
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    deviceScaleFactor: 1,
  });
  const errors: string[] = [];
  const offHost: string[] = [];
  const requests: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    if (new URL(url).hostname === "127.0.0.1") return route.continue();
    offHost.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()} @ ${m.location().url}`);
  });
  page.on("pageerror", (e) => errors.push(`exception: ${e.message}`));
  return { context, page, errors, offHost, requests };
}
