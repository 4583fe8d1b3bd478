// The README's "Every function" table is generated from the catalogue (npm run docs:functions);
// this fails when a catalogue change was not carried into the README.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { CATALOGUE, exampleFormula } from "../../shared/index.js";
import { root } from "./support/load-addon.js";

it("README's function table is current: every catalogue function, its example and its real result", () => {
  const run = () =>
    execFileSync(
      process.execPath,
      [path.join(root, "sheets-addon", "docs-functions.mjs"), "--check"],
      { cwd: root, stdio: "pipe" },
    ).toString();
  expect(run).not.toThrow();
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const table = readme.slice(
    readme.indexOf("<!-- functions:start -->"),
    readme.indexOf("<!-- functions:end -->"),
  );
  for (const entry of CATALOGUE) {
    expect(table).toContain(`| \`${entry.name}(`);
    expect(table).toContain(exampleFormula(entry).replace(/\|/g, "\\|"));
  }
  expect(table).toContain('| `=AI_SALARY("ML Engineer", "Mid", "Austin")` | 170,000 |');
});
