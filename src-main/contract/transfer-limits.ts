/**
 * Transfer limits shared by every end of the contract. The renderer refuses a larger run file before
 * reading it, with the limit in its message; the web server's WebSocket takes frames up to
 * MAX_FRAME_BYTES: the file as a JSON string inside a call frame. JSON escaping of a valid JSON
 * file at most doubles it (`"` `\\` and the whitespace escapes are two characters; other control
 * characters cannot appear raw in valid JSON), plus room for the frame around it.
 */
export const MAX_RUN_FILE_BYTES = 32 * 1024 * 1024;
export const MAX_FRAME_BYTES = 2 * MAX_RUN_FILE_BYTES + 64 * 1024;

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
