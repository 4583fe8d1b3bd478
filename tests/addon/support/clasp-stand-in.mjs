#!/usr/bin/env node
// A stand-in for clasp (Google's CLI), for tests of sheets-addon/push.mjs: the "remote" script
// project is a directory ($CLASP_STAND_IN_REMOTE) and every call is appended to
// $CLASP_STAND_IN_LOG as one JSON line { args, cwd }. It behaves like clasp 3.4.1 where push.mjs
// depends on it: `pull` writes the project's files into the content directory named by the
// .clasp.json in the working directory; `push` REPLACES the project's whole file set with that
// directory's files (clasp's projects.updateContent); `create --json` makes a new project holding
// the files Apps Script starts one with, writes .clasp.json where it runs and pulls.
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

const remote = process.env.CLASP_STAND_IN_REMOTE;
const args = process.argv.slice(2);
appendFileSync(process.env.CLASP_STAND_IN_LOG, `${JSON.stringify({ args, cwd: process.cwd() })}\n`);

function contentDir() {
  const config = JSON.parse(readFileSync(".clasp.json", "utf8"));
  return path.resolve(config.rootDir ?? ".");
}

function projectFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (e) =>
        e.isFile() && e.name !== ".clasp.json" && /\.(js|gs|html)$|^appsscript\.json$/.test(e.name),
    )
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

const [command] = args;
if (command === "pull") {
  for (const name of projectFiles(remote))
    cpSync(path.join(remote, name), path.join(contentDir(), name));
  console.log(`Pulled ${projectFiles(remote).length} files.`);
} else if (command === "push") {
  rmSync(remote, { recursive: true, force: true });
  mkdirSync(remote, { recursive: true });
  const dir = contentDir();
  for (const name of projectFiles(dir)) cpSync(path.join(dir, name), path.join(remote, name));
  console.log(`Pushed ${projectFiles(dir).length} files.`);
} else if (command === "create") {
  mkdirSync(remote, { recursive: true });
  writeFileSync(
    path.join(remote, "appsscript.json"),
    JSON.stringify(
      {
        timeZone: "Europe/Berlin",
        dependencies: {},
        exceptionLogging: "STACKDRIVER",
        runtimeVersion: "V8",
      },
      null,
      2,
    ),
  );
  writeFileSync(path.join(remote, "Code.js"), "function myFunction() {\n  \n}\n");
  const scriptId = "1StandInScriptId_abcdefghijklmnopqrstuvwxyz";
  writeFileSync(
    ".clasp.json",
    JSON.stringify({ scriptId, rootDir: ".", parentId: ["1StandInSheetId"] }),
  );
  for (const name of projectFiles(remote)) cpSync(path.join(remote, name), name);
  console.log(
    JSON.stringify({ scriptId, parentId: "1StandInSheetId", files: projectFiles(remote) }, null, 2),
  );
} else {
  console.error(`clasp stand-in: no command ${command}`);
  process.exit(1);
}
