// Build step: every text file of the build compressed once, brotli (x.br) and gzip (x.gz)
// beside it, so the server sends them with no work per request (api/site/precompressed.ts).
// Directory pages are left out: they are re-rendered one at a time when a listing changes
// (the server compresses those on the fly), and there are as many as listings.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { DIRECTORY_PATH } from '../../core/urls.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.xml', '.txt', '.csv', '.ics', '.geojson', '.webmanifest']);
/** Smaller than this, compression saves less than a packet. */
const MIN_BYTES = 1024;
/** Above this, brotli's best level costs seconds: a faster level. */
const LARGE = 512 * 1024;

function textFiles(dir: string, skip: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && TEXT.has(path.extname(e.name)))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.startsWith(skip) && fs.statSync(f).size >= MIN_BYTES);
}

/** Compresses the build's text files (four at a time, in the thread pool); returns how many. */
export async function precompressBuild(buildDir: string): Promise<{ files: number; bytes: number; br: number }> {
  const files = textFiles(buildDir, path.join(buildDir, DIRECTORY_PATH.slice(1)) + path.sep);
  let bytes = 0;
  let br = 0;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      if (!file) break;
      const body = fs.readFileSync(file);
      const quality = body.length > LARGE ? 6 : zlib.constants.BROTLI_MAX_QUALITY;
      const [b, g] = await Promise.all([
        brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        gzip(body, { level: 9 }),
      ]);
      fs.writeFileSync(`${file}.br`, b);
      fs.writeFileSync(`${file}.gz`, g);
      bytes += body.length;
      br += b.length;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return { files: files.length, bytes, br };
}
