/** Styles of the /docs page (served as /docs/docs.css). */
export const DOCS_CSS = `
:root { --fg: #1d2330; --muted: #5b6475; --line: #dde1e8; --bg: #ffffff; --side: #f5f6f8; --code: #f0f2f5;
  --get: #1f7a4d; --post: #1d5fb8; --put: #8a5a00; --delete: #b3261e; --patch: #6b3fa0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); display: flex; min-height: 100vh; }
aside { width: 300px; flex: none; background: var(--side); border-right: 1px solid var(--line); padding: 16px; position: sticky; top: 0; height: 100vh; overflow-y: auto; }
aside h1 { font-size: 18px; margin: 0 0 12px; }
#key-box { margin-bottom: 14px; }
#key-box label { display: block; font-weight: 600; font-size: 13px; margin-bottom: 4px; }
.key-row { display: flex; gap: 6px; }
#api-key { flex: 1; min-width: 0; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
#forget-key { padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); cursor: pointer; }
#key-state { margin: 4px 0 0; }
.needs-key, .key-required { color: var(--put); }
#filter { width: 100%; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; margin-bottom: 12px; }
nav h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 14px 0 4px; }
nav a { display: block; padding: 2px 0; color: var(--fg); text-decoration: none; font-size: 13px; word-break: break-all; }
nav a:hover { text-decoration: underline; }
main { flex: 1; padding: 24px 32px; max-width: 1100px; min-width: 0; }
.small { font-size: 12px; color: var(--muted); }
code, pre, textarea, .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
code { background: var(--code); padding: 1px 4px; border-radius: 4px; }
pre { background: var(--code); padding: 10px; border-radius: 6px; overflow: auto; max-height: 420px; white-space: pre-wrap; word-break: break-word; }
section.op { border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; margin: 0 0 18px; }
section.op h3 { margin: 0 0 6px; font-size: 16px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.method { color: #fff; border-radius: 4px; padding: 1px 8px; font-size: 12px; font-weight: 700; text-transform: uppercase; }
.method.get { background: var(--get); } .method.post { background: var(--post); } .method.put { background: var(--put); }
.method.delete { background: var(--delete); } .method.patch { background: var(--patch); }
h2.tag { margin: 28px 0 10px; font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h4 { margin: 12px 0 4px; font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: 4px 8px 4px 0; vertical-align: top; }
ul.schema { margin: 2px 0; padding-left: 18px; font-size: 13px; }
ul.schema li { margin: 1px 0; }
.req { color: var(--delete); font-size: 11px; margin-left: 4px; }
.type { color: var(--muted); }
details.try { margin-top: 10px; }
details.try summary { cursor: pointer; font-weight: 600; }
form.try label { display: block; margin: 6px 0 2px; font-size: 13px; }
form.try select { max-width: 100%; padding: 4px 6px; border: 1px solid var(--line); border-radius: 4px; }
form.try input[type=text] { width: 100%; max-width: 480px; padding: 4px 6px; border: 1px solid var(--line); border-radius: 4px; }
form.try textarea { width: 100%; min-height: 140px; padding: 6px; border: 1px solid var(--line); border-radius: 4px; }
form.try button { display: block; margin-top: 8px; padding: 6px 14px; border: 0; border-radius: 6px; background: var(--post); color: #fff; font-weight: 600; cursor: pointer; }
.result { margin-top: 8px; }
.hidden { display: none; }
section.op h3 .path { overflow-wrap: anywhere; }
td, th { overflow-wrap: anywhere; }
p, li { overflow-wrap: break-word; }
@media (max-width: 800px) { body { display: block; } aside { position: static; width: auto; height: auto; border-right: 0; border-bottom: 1px solid var(--line); } main { padding: 16px; } section.op { padding: 12px; } }
`;
