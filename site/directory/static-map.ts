// The listing's map without any script: the few map tiles around the place, placed so the
// place is at the centre of a box of at most MAP_WIDTH × MAP_HEIGHT px (web-mercator tile
// arithmetic, as every slippy map). The page's script shows the same tiles only when the
// map comes near the screen (a phone downloads no tile it does not look at); without
// JavaScript the browser loads them lazily itself. The interactive map is loaded on demand.
import { tileUrl } from '../../core/tiles.ts';

export const MAP_ZOOM = 16;
export const MAP_WIDTH = 480;
export const MAP_HEIGHT = 220;
const TILE = 256;

export interface StaticMapTile {
  url: string;
  /** Offset of the tile's top-left corner from the box's centre, in px. */
  dx: number;
  dy: number;
}

export interface StaticMap {
  lat: number;
  lng: number;
  zoom: number;
  tiles: StaticMapTile[];
  /** The tile template (the interactive map uses the same). */
  template: string;
}

/** The tiles covering the box centred on (lat, lng), from a template with {z}/{x}/{y} (and {s}). */
export function staticMap(lat: number, lng: number, template = tileUrl(), zoom = MAP_ZOOM): StaticMap {
  const scale = TILE * 2 ** zoom;
  const x = ((lng + 180) / 360) * scale;
  const rad = (lat * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * scale;
  const tiles: StaticMapTile[] = [];
  const max = 2 ** zoom;
  for (let ty = Math.floor((y - MAP_HEIGHT / 2) / TILE); ty <= Math.floor((y + MAP_HEIGHT / 2) / TILE); ty++)
    for (let tx = Math.floor((x - MAP_WIDTH / 2) / TILE); tx <= Math.floor((x + MAP_WIDTH / 2) / TILE); tx++) {
      if (ty < 0 || ty >= max) continue;
      const wrapped = ((tx % max) + max) % max;
      const url = template.replace('{s}', 'a').replace('{z}', String(zoom)).replace('{x}', String(wrapped)).replace('{y}', String(ty));
      tiles.push({ url, dx: Math.round(tx * TILE - x), dy: Math.round(ty * TILE - y) });
    }
  return { lat, lng, zoom, tiles, template };
}
