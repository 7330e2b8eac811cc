/** Saves a report the main side rendered (text, or a PDF as base64) as a download. */
import type { ReportFile } from '@contract/index.js';
import { downloadUrl } from './download.js';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function downloadReport(file: ReportFile): void {
  const body = 'text' in file ? file.text : bytesOf(file.base64);
  const url = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  downloadUrl(url, file.fileName);
  // The click has started the download; the URL may go once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
