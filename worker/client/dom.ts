// The one DOM helper of the pages' scripts: elements built from text (API text is always set as
// text, never parsed as HTML), JSON from this origin, and copying to the clipboard.

export type Child = Node | string | null | undefined | false;

/**
 * A new element: `text` sets its text, `className` its class, any other key an attribute;
 * children are nodes or text (null, undefined and false are left out).
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, string> | null,
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** The page's element with this id; a page without it is a page this script does not belong to. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

/** Replaces a node's content with these nodes. */
export function showIn(target: Element, nodes: readonly Child[]): void {
  target.textContent = "";
  for (const n of nodes)
    if (n) target.appendChild(typeof n === "string" ? document.createTextNode(n) : n);
}

/** GET a JSON answer of this API; a problem answer becomes an Error with its detail. */
export function getJson<T>(url: string): Promise<T> {
  return fetch(url, { headers: { Accept: "application/json" } }).then((res) =>
    res
      .json()
      .catch(() => null)
      .then((body: unknown) => {
        if (!res.ok) {
          const detail = (body as { detail?: unknown } | null)?.detail;
          throw new Error(
            typeof detail === "string" ? detail : `The API answered ${res.status} for ${url}`,
          );
        }
        return body as T;
      }),
  );
}

/**
 * Copies text with the Clipboard API, or calls `fallback` where that is missing or refused (the
 * page then copies by selecting a text box, or asks the person to).
 */
export function copyText(text: string, done: () => void, fallback: () => void): void {
  if (navigator.clipboard && typeof navigator.clipboard.writeText === "function")
    navigator.clipboard.writeText(text).then(done, fallback);
  else fallback();
}

/** Copies by selecting a text box and asking the browser to copy; false when it refuses. */
export function copyBySelecting(area: HTMLTextAreaElement): boolean {
  area.focus();
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}
