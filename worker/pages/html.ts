import { html as honoHtml, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

export type Html = HtmlEscapedString;

/**
 * hono/html's tagged template, typed as synchronous: the pages never interpolate a promise, so
 * the result is always a ready string (escaped interpolations, nested templates kept as they are),
 * and pure render functions can return and compose it without awaiting.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise)
    throw new Error("pages: a template was given a promise; render pages from ready data");
  return out;
}

export { raw };
