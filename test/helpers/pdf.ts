// Just enough PDF reading for print tests on Chromium's (Skia's) output: the pages, in
// order, and whether each one draws anything (text or an image), to catch the blank page.
import zlib from 'node:zlib';

export interface PdfPage {
  /** Text-showing operators (Tj, TJ) in the page's content. */
  textRuns: number;
  /** Images and forms drawn (Do). */
  drawings: number;
}

export function pdfPages(pdf: Buffer): PdfPage[] {
  const text = pdf.toString('latin1');
  const streams = new Map<string, string>();
  const pages: string[][] = [];
  // One object at a time: `N 0 obj … endobj`, its stream's bytes read by their /Length.
  const objects = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*(stream\r?\n|endobj)/g;
  for (const m of text.matchAll(objects)) {
    const [whole, id = '', dict = '', after = ''] = m;
    if (after.startsWith('stream')) {
      const start = (m.index ?? 0) + whole.length;
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const body = pdf.subarray(start, start + length);
      streams.set(id, (/\/FlateDecode/.test(dict) ? zlib.inflateSync(body) : body).toString('latin1'));
    } else if (/\/Type\s*\/Page(?!s)/.test(dict)) {
      const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '';
      pages.push([...contents.matchAll(/(\d+) 0 R/g)].map((r) => r[1] ?? ''));
    }
  }
  return pages.map((ids) => {
    const content = ids.map((id) => streams.get(id) ?? '').join('\n');
    return { textRuns: content.match(/\bT[jJ]\b/g)?.length ?? 0, drawings: content.match(/\bDo\b/g)?.length ?? 0 };
  });
}
