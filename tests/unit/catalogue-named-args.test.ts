// No catalogue function reads its arguments by position: every `run` in shared/catalogue/ takes
// one object of named values (checked on the source with the TypeScript parser), and at run time
// reads only the names its entry declares (checked by running every example through a Proxy).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CATALOGUE, coerceArg } from "../../shared/index.js";

const dir = fileURLToPath(new URL("../../shared/catalogue/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

interface RunBody {
  file: string;
  line: number;
  fn: ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;
}

/** Every `run` property (or method) of an object literal in the catalogue's sources. */
function runBodies(): RunBody[] {
  const found: RunBody[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(path.join(dir, file), "utf8"),
      ts.ScriptTarget.ES2022,
      true,
    );
    const visit = (node: ts.Node) => {
      const at = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart()).line + 1;
      if (
        ts.isPropertyAssignment(node) &&
        node.name.getText(source) === "run" &&
        (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
      )
        found.push({ file, line: at(node), fn: node.initializer });
      if (ts.isMethodDeclaration(node) && node.name.getText(source) === "run")
        found.push({ file, line: at(node), fn: node });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Positional reads of the arguments object: args[0], a[n], arguments[…], or ([a, b]) destructuring. */
function positionalReads(fn: RunBody["fn"]): string[] {
  const problems: string[] = [];
  const first = fn.parameters[0];
  if (first && ts.isArrayBindingPattern(first.name))
    problems.push(`destructures its arguments as a list: ${first.name.getText()}`);
  const argsName = first && ts.isIdentifier(first.name) ? first.name.text : undefined;
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && node.text === "arguments") problems.push("reads `arguments`");
    if (
      ts.isElementAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === argsName
    )
      problems.push(`indexes its arguments: ${node.getText()}`);
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return problems;
}

describe("catalogue functions read named arguments only", () => {
  const bodies = runBodies();
  it("finds one run per catalogue entry in the sources", () => {
    expect(bodies.length).toBe(CATALOGUE.length);
  });
  it("no run indexes its arguments by position, reads `arguments` or destructures a list", () => {
    const offences = bodies.flatMap((b) =>
      positionalReads(b.fn).map((p) => `${b.file}:${b.line} ${p}`),
    );
    expect(offences).toEqual([]);
  });
  it("the check itself catches a positional read", () => {
    const probe = ts.createSourceFile(
      "probe.ts",
      "const e = { run: (a) => a[0] + a.role, other: 1 }; const f = { run: ([x]) => x };",
      ts.ScriptTarget.ES2022,
      true,
    );
    const fns: RunBody["fn"][] = [];
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAssignment(n) && ts.isArrowFunction(n.initializer)) fns.push(n.initializer);
      ts.forEachChild(n, visit);
    };
    visit(probe);
    expect(fns.map(positionalReads)).toEqual([
      ["indexes its arguments: a[0]"],
      ["destructures its arguments as a list: [x]"],
    ]);
  });
  it("at run time each example reads only the argument names its entry declares", () => {
    for (const entry of CATALOGUE.filter((e) => !e.network)) {
      const values: Record<string, unknown> = {};
      entry.args.forEach((spec, i) => {
        values[spec.name] = coerceArg(spec, entry.example.args[i]);
      });
      const read = new Set<string>();
      const watched = new Proxy(Object.freeze(values), {
        get(target, key) {
          if (typeof key === "string") read.add(key);
          return Reflect.get(target, key);
        },
        ownKeys(target) {
          // Rest patterns ({ a, ...rest }) enumerate the keys: each counts as read.
          for (const k of Reflect.ownKeys(target)) if (typeof k === "string") read.add(k);
          return Reflect.ownKeys(target);
        },
      });
      entry.run(watched, {});
      const declared = entry.args.map((a) => a.name);
      expect(
        [...read].filter((k) => !declared.includes(k)),
        entry.name,
      ).toEqual([]);
    }
  });
});
