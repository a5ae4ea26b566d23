// The QR code printed on a listing's « fiche d'orientation »: the page's address, so a
// citizen holding the paper can open the page (and its up-to-date hours) with a phone.
// Encoded by the `qrcode` package, drawn here as one SVG path (no image, no script).
import QRCode from 'qrcode';

export interface QrSvg {
  /** The SVG path of the dark modules, in module units, with a quiet zone of 4. */
  path: string;
  /** Side of the square in module units, quiet zone included. */
  size: number;
}

const QUIET = 4;

export function qrSvg(text: string): QrSvg {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET} ${row + QUIET}h${col - start}v1h-${col - start}z`);
    }
  }
  return { path: parts.join(''), size: modules.size + 2 * QUIET };
}
