/**
 * The report's HTML pieces: escaping (every piece of text the user or a file supplied goes
 * through `esc`), tables, and a section with its heading and anchor.
 */

/** Text made safe for HTML content and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type Cell = string | number;

/** A table of text cells (escaped), with an optional header row. */
export function table(rows: Cell[][], header?: Cell[], className?: string): string {
  const cls = className ? ` class="${esc(className)}"` : '';
  const head = header ? `<thead><tr>${header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` : '';
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<table${cls}>${head}<tbody>${body}</tbody></table>`;
}

/** A two-column table of names and values, the names as row headers. */
export function facts(rows: [Cell, Cell][]): string {
  const body = rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  return `<table class="facts"><tbody>${body}</tbody></table>`;
}

/** A paragraph of plain text (escaped). */
export function para(text: string, className = ''): string {
  return `<p${className ? ` class="${esc(className)}"` : ''}>${esc(text)}</p>`;
}

/** A section: its id (for the contents), heading and body (already HTML). */
export function section(id: string, heading: string, body: string): string {
  return `<section id="${esc(id)}"><h2>${esc(heading)}</h2>\n${body}\n</section>`;
}
