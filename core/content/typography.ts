// French typography for text shown on our pages: a non-breaking space inside « » and
// before : ; ? !, so a quote mark or a colon never starts a line on a narrow screen.
// Pure: browser code too.
const NBSP = '\u00a0';

export function frenchSpaces(text: string): string {
  return text
    .replace(/«\s+/g, `«${NBSP}`)
    .replace(/\s+»/g, `${NBSP}»`)
    .replace(/\s+([:;?!])/g, `${NBSP}$1`);
}
