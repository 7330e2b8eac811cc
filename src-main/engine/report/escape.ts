/**
 * Escaping for every format a report is written in. Every string taken from a record (ids,
 * adapter strings, CPU model, mixer and form ids, reasons) passes through one of these, so a
 * hostile record shows as text: never markup in HTML or Markdown, never a formula in a spreadsheet.
 */

/** Text for an HTML element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text inside a Markdown line or table cell: the punctuation that Markdown, GFM or inline HTML
 * could read as syntax mid-line is backslash-escaped (CommonMark allows that for any ASCII
 * punctuation): emphasis, code, links, strike-through, tags, entities, the `:` of a `://` that GFM
 * would turn into a link, and `|` so a cell never splits. Line breaks become spaces: a table row is one line.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]|<>~&]|:(?=\/\/)/g, (c) => `\\${c}`);
}

/**
 * Text that starts a Markdown block (a list item's text): also escapes what would begin a heading,
 * a list or a thematic break there (`#`, `-`, `+`, `=`, `1.`; a quote's `>` is escaped anywhere).
 */
export function escapeMarkdownBlock(text: string): string {
  return escapeMarkdown(text).replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * A CSV cell a spreadsheet would read as a formula (OWASP "CSV injection": a first character of
 * = + - @, tab or carriage return) gets a leading apostrophe, which spreadsheets show as text.
 * Numbers the report writes itself are never neutralised: a negative exponent stays a number.
 */
export function neutraliseCsvCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>` and `&` become \u escapes, so
 * `</script>` or `<!--` inside a string cannot end or confuse the element, and U+2028/U+2029
 * likewise. JSON.parse of the element's text gives back the same value.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Script text for an inline `<script>`: `</script` and `<!--` are broken up with a backslash,
 * which leaves string and regular-expression literals meaning the same (`<\/` is `</`).
 */
export function scriptForInlineElement(script: string): string {
  return script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
