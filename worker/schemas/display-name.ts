import { z } from "@hono/zod-openapi";

/**
 * Characters a name shown to people must not hold: control characters (NUL, line breaks, tabs,
 * escape sequences) and the invisible marks that reorder text (U+202A–U+202E, U+2066–U+2069,
 * U+200E/U+200F, U+061C), which make "evil.exe‮fdp." read as something else in a list or a sheet.
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u;

/** A name people read (a model's): trimmed, 1–max characters, printable, no direction overrides. */
export function displayName(max: number, example: string) {
  return z
    .string()
    .trim()
    .min(1, { error: `give a name of 1-${max} characters` })
    .max(max, { error: `at most ${max} characters` })
    .refine((s) => !UNSAFE.test(s), {
      error:
        "must not contain control characters (NUL, line breaks, tabs) or text-direction overrides (U+202A–U+202E, U+2066–U+2069)",
    })
    .openapi({ example });
}
