/**
 * The pages' one stylesheet (served as /assets/pages.css; the CSP allows no inline style). Text
 * colours keep at least 4.5:1 contrast on their background; wide tables and charts scroll inside
 * their own box on a phone instead of widening the page.
 */
export const PAGES_CSS = `
:root { --fg: #1d2330; --muted: #4f5868; --line: #d5dae2; --bg: #ffffff; --panel: #f4f6f9; --accent: #1f4e8c; --accent-fg: #ffffff;
  --ok: #1b6b45; --warn-bg: #fff6e0; --warn-line: #c77800; --problem: #a4271f; --focus: #c77800; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible, .table-scroll:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -9999px; top: 0; background: var(--accent); color: var(--accent-fg); padding: 8px 12px; z-index: 10; }
.skip-link:focus { left: 8px; top: 8px; }
.site-header { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: baseline; justify-content: space-between; padding: 12px 20px; border-bottom: 1px solid var(--line); background: var(--panel); }
.brand { font-weight: 700; font-size: 18px; color: var(--fg); text-decoration: none; }
.site-header nav { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 15px; }
main { max-width: 1120px; margin: 0 auto; padding: 20px; }
.site-footer { max-width: 1120px; margin: 0 auto; padding: 12px 20px 32px; color: var(--muted); font-size: 14px; border-top: 1px solid var(--line); }
h1 { font-size: 28px; line-height: 1.2; margin: 4px 0 8px; overflow-wrap: anywhere; }
h2 { font-size: 21px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .06em; font-size: 13px; color: var(--muted); font-weight: 600; }
.meta { margin: 0; color: var(--muted); }
.muted { color: var(--muted); }
.small { font-size: 14px; }
.lead { font-size: 18px; max-width: 760px; }
.live-status:empty { display: none; }
.live-status { margin: 0 0 12px; padding: 8px 12px; border-left: 4px solid var(--accent); background: var(--panel); font-weight: 600; }
.key-figures dl, dl.assumptions { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 16px 0 0; }
.key-figures dl > div, dl.assumptions > div { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
dt { font-size: 14px; color: var(--muted); }
dd { margin: 2px 0 0; font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
.key-figures dd { font-size: 22px; }
.notes { color: var(--muted); font-size: 14px; padding-left: 20px; }
.charts { display: grid; grid-template-columns: minmax(0, 1fr); gap: 20px; margin-top: 20px; align-items: start; }
@media (min-width: 1000px) { .charts { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); } }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
ol.basis { color: var(--muted); padding-left: 22px; margin: -4px 0 16px; }
ol.basis li { margin-bottom: 4px; }
figure.chart { margin: 0; min-width: 0; border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
.chart-scroll { overflow-x: auto; }
.chart-svg { display: block; width: 100%; height: auto; }
figcaption { margin-top: 8px; font-size: 15px; color: var(--muted); }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 8px 0 0; font-size: 14px; }
ul.legend li { display: inline-flex; align-items: center; gap: 6px; }
ul.warnings { padding: 0; list-style: none; }
ul.warnings li { background: var(--warn-bg); border-left: 4px solid var(--warn-line); padding: 8px 12px; margin: 0 0 8px; }
.source { font-size: 14px; color: var(--muted); }
.ok { color: var(--ok); font-weight: 600; }
.problem { color: var(--problem); font-weight: 600; }
.table-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 15px; }
caption { text-align: left; padding: 8px 10px; font-weight: 600; color: var(--muted); }
th, td { padding: 6px 10px; border-top: 1px solid var(--line); text-align: left; vertical-align: top; white-space: nowrap; }
thead th { background: var(--panel); font-size: 14px; white-space: normal; }
thead th.num { min-width: 5.5em; }
tbody th { white-space: normal; min-width: 7em; }
tbody th { font-weight: 600; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--fg); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.how { white-space: normal; min-width: 240px; font-size: 14px; color: var(--muted); }
.formula { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 14px; background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 2px 6px; overflow-wrap: anywhere; }
.formula code { padding: 8px 10px; flex: 1 1 320px; }
button { font: inherit; font-weight: 600; padding: 8px 16px; border: 0; border-radius: 6px; background: var(--accent); color: var(--accent-fg); cursor: pointer; }
button[hidden] { display: none; }
.gone { max-width: 640px; margin: 40px auto; }
form.calc { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; align-items: end; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 14px; }
form.calc label { display: block; font-size: 14px; font-weight: 600; margin-bottom: 4px; }
form.calc select, form.calc input { width: 100%; font: inherit; padding: 7px 8px; border: 1px solid #8a93a3; border-radius: 6px; background: #fff; color: var(--fg); }
.result { margin-top: 12px; }
.result .figures { display: flex; flex-wrap: wrap; gap: 12px; }
.result .figures div { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 140px; }
.result ul.sources { font-size: 14px; color: var(--muted); padding-left: 20px; }
ol.steps li { margin-bottom: 6px; }
ol.steps ul { padding-left: 20px; margin: 6px 0; }
.notice { padding: 8px 12px; border-left: 4px solid var(--warn-line); background: var(--warn-bg); max-width: 860px; }
.addon-file { border: 1px solid var(--line); border-radius: 8px; padding: 4px 14px 12px; margin: 0 0 14px; }
.addon-file h3 { margin: 10px 0 4px; font-size: 17px; }
.addon-file p { margin: 4px 0 8px; }
.file-actions { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
textarea.file-text { box-sizing: border-box; width: 100%; margin-top: 8px; font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; border: 1px solid var(--line); border-radius: 6px; padding: 8px; white-space: pre; overflow: auto; }
@media (max-width: 600px) {
  main { padding: 14px; }
  h1 { font-size: 23px; }
  h2 { font-size: 19px; }
  .key-figures dl, dl.assumptions { grid-template-columns: 1fr 1fr; gap: 8px; }
  .key-figures dd { font-size: 18px; }
  table { font-size: 14px; }
  /* Below this the axis text would shrink past reading size: the chart scrolls sideways instead. */
  .chart-svg { min-width: 480px; }
}
`;
