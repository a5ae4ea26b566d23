// The listing's map one can move and zoom, in its own chunk: Leaflet and its stylesheet
// are downloaded only when someone asks for it (« Agrandir et déplacer la carte »). It
// takes the place of the plan's tiles in the same box, with a pin on the place.
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { LEAFLET_IMAGES, loadLeafletCss } from './leaflet-assets.ts';

export async function showInteractiveMap(box: HTMLElement, place: { lat: number; lng: number; zoom: number; template: string; name: string }): Promise<void> {
  await loadLeafletCss();
  for (const img of Array.from(box.querySelectorAll('img'))) img.remove();
  box.removeAttribute('role');
  box.removeAttribute('aria-label');
  L.Icon.Default.imagePath = LEAFLET_IMAGES;
  const map = L.map(box, { scrollWheelZoom: false }).setView([place.lat, place.lng], place.zoom);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(place.template, {
    maxZoom: 19,
    attribution: '&copy; les contributeurs d’<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
  }).addTo(map);
  L.marker([place.lat, place.lng], { title: place.name, alt: place.name }).addTo(map);
}
