import type { PropertiesLike } from "./apps-script.js";

/**
 * JSON values in a property store. One property holds at most 9 KB, so a value is split over
 * `key.0`, `key.1`, … with the piece count in `key`; a workspace's bands easily outgrow one piece.
 */
const PIECE = 8000;

export function writeJson(props: PropertiesLike, key: string, value: unknown): void {
  const text = JSON.stringify(value);
  const pieces = Math.max(1, Math.ceil(text.length / PIECE));
  const before = Number(props.getProperty(key) ?? 0) || 0;
  for (let i = 0; i < pieces; i++)
    props.setProperty(`${key}.${i}`, text.slice(i * PIECE, (i + 1) * PIECE));
  for (let i = pieces; i < before; i++) props.deleteProperty(`${key}.${i}`);
  props.setProperty(key, String(pieces));
}

export function readJson<T>(props: PropertiesLike | null, key: string): T | undefined {
  if (!props) return undefined;
  const pieces = Number(props.getProperty(key) ?? 0);
  if (!Number.isInteger(pieces) || pieces < 1) return undefined;
  let text = "";
  for (let i = 0; i < pieces; i++) {
    const piece = props.getProperty(`${key}.${i}`);
    if (piece === null) return undefined; // a torn write: treat as absent rather than parse half a value
    text += piece;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
