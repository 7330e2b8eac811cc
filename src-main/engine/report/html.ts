/**
 * The HTML report as one self-contained document: static tables rendered here (every record
 * string escaped), empty chart boxes that the report script (src-renderer/report, inlined) fills
 * with ECharts from the embedded data, and that data itself (`#mixscope-data`) so the file can be
 * opened again by mixscope. Pure: the caller passes the script and its SHA-256.
 */
import { reportDataElement, type ReportData } from './data.js';
import { escapeHtml } from './escape.js';
import { comparisonBody, runBody } from './html-body.js';
import { REPORT_CSS } from './html-style.js';

export interface ReportScript {
  /** The report script as it will be inlined (after `scriptForInlineElement`): the hash is of this text. */
  readonly text: string;
  /** Base64 SHA-256 of `text`, for the CSP's script-src. */
  readonly sha256: string;
}

/**
 * No network at all (default-src 'none'); the one inline script only by its hash, so no injected
 * script or event handler could run even if escaping failed; inline styles allowed because ECharts
 * writes style attributes in its tooltips and SVG (styles cannot reach the network under
 * default-src 'none'); images only as data: URLs (the empty favicon).
 */
export function reportCsp(scriptSha256: string): string {
  if (!/^[A-Za-z0-9+/]+=*$/.test(scriptSha256)) throw new Error(`not a base64 SHA-256: '${scriptSha256}'`);
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptSha256}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function buildHtmlReport(data: ReportData, script: ReportScript): string {
  const body = data.kind === 'run' ? runBody(data) : comparisonBody(data);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(script.sha256)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mixscope">
<link rel="icon" href="data:,">
<title>${escapeHtml(body.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body.html}
${reportDataElement(data)}
<script>${script.text}</script>
</body>
</html>
`;
}
