/**
 * Reading what a user hands to mixscope as a run: a record `.json`, or a report `.html` with its
 * embedded data. Pure (text in, records out), so the CLI, the app's import and web mode share it.
 */
import { parseRunRecordText } from '../record/parse.js';
import { readReportHtml, type ReportContents } from './data.js';

/** An HTML document rather than JSON: by extension, else by its first character. */
export function looksLikeHtml(fileName: string, text: string): boolean {
  if (/\.html?$/i.test(fileName)) return true;
  if (/\.json$/i.test(fileName)) return false;
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

/** The records (checked in full) in a record `.json` or a report `.html`; errors name `source`. */
export function readRunFileText(fileName: string, text: string, source = fileName): ReportContents {
  if (looksLikeHtml(fileName, text)) return readReportHtml(text, source);
  return { kind: 'run', records: [parseRunRecordText(text.replace(/^\uFEFF/, ''), source)] };
}
