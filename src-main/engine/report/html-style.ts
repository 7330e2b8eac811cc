/** The report's stylesheet: readable on screen, paginated in print (one chart never split). */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --rule: #d9dde5; --accent: #0072b2; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px 28px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
h1 { font-size: 22px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 14px; margin: 18px 0 6px; }
p.meta, .caption { color: var(--muted); margin: 0 0 8px; }
nav { margin: 12px 0 0; color: var(--muted); }
nav a { color: var(--accent); margin-right: 12px; text-decoration: none; }
.chart { width: 100%; height: 460px; margin: 8px 0 18px; border: 1px solid var(--rule); border-radius: 6px; }
.chart.tall { height: 560px; }
.chart-group[data-chart-group="time-panels"] { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 0 14px; }
.chart-cell h3 { margin: 10px 0 0; }
.chart-cell .chart { margin-top: 4px; }
ul.findings li { margin: 3px 0; }
ul.findings ul { color: var(--muted); margin: 2px 0 6px; }
.chart-missing { color: var(--muted); font-style: italic; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 6px 0 14px; font-size: 12.5px; }
th, td { border-bottom: 1px solid var(--rule); padding: 3px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f3f5f8; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.verdict-faster td { background: #e8f5ec; }
tr.verdict-slower td { background: #fbeaea; }
tr.verdict-insufficient td, tr.verdict-not-comparable td { color: var(--muted); }
tr.grade-caveat td { background: #fff6e0; }
tr[class^="status-"]:not(.status-ok) td { color: var(--muted); }
.methodology p { max-width: 900px; }
.empty { color: var(--muted); font-style: italic; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav { display: none; }
  h2 { break-after: avoid; }
  .chart { height: 380px; break-inside: avoid; border: none; }
  .chart-cell { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 9.5px; }
  tr { break-inside: avoid; }
}
`;
