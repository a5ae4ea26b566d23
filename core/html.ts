// Text into HTML, safely: the one escaping function, the one way to put JSON inside a
// <script>, and the one way to splice text into a template (split/join, never a
// String.replace replacement string, where `$&` or `$'` in partner text would be read as
// patterns). Pure: browser code too.

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON for an inline <script>: `<`, `>`, `&` and line separators escaped so no text can close the tag. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Every `token` in `template` replaced by `value`, taken literally. */
export function spliceAll(template: string, token: string, value: string): string {
  return template.split(token).join(value);
}
