// The map view of the directory's results, in its own chunk: Leaflet and its CSS are
// downloaded only when someone opens the map. Tiles come from the configured template.
// Its points arrive worded (today's hours already in French): this chunk imports nothing
// of the search page's own modules, and Leaflet comes as its ES module build (see
// leaflet-esm.d.ts), so code splitting leaves the page's script in one file.
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { LEAFLET_IMAGES, loadLeafletCss } from './leaflet-assets.ts';

export interface MapPoint {
  name: string;
  kindLabel: string;
  url: string;
  geo: { lat: number; lng: number };
  /** Today's hours as the list says them (« Aujourd'hui : 9 h à 12 h »), or null. */
  hours: string | null;
}

export interface MapView {
  show(points: MapPoint[]): void;
}

const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export async function createMapView(container: HTMLElement, tiles: string): Promise<MapView> {
  await loadLeafletCss();
  L.Icon.Default.imagePath = LEAFLET_IMAGES;
  const map = L.map(container, { scrollWheelZoom: false }).setView([50.41, 4.44], 11);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(tiles || DEFAULT_TILES, {
    maxZoom: 19,
    attribution: '&copy; les contributeurs d’<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
  }).addTo(map);
  const layer = L.layerGroup().addTo(map);
  return {
    show(points) {
      layer.clearLayers();
      const bounds: L.LatLngExpression[] = [];
      for (const p of points) {
        const popup = document.createElement('div');
        const link = document.createElement('a');
        link.href = p.url;
        link.textContent = p.name;
        popup.append(link, document.createElement('br'), p.kindLabel);
        if (p.hours) popup.append(document.createElement('br'), p.hours);
        L.marker([p.geo.lat, p.geo.lng], { title: p.name, alt: p.name })
          .bindPopup(popup, { maxWidth: Math.max(160, Math.min(280, container.clientWidth - 80)) })
          .addTo(layer);
        bounds.push([p.geo.lat, p.geo.lng]);
      }
      map.invalidateSize();
      if (bounds.length) map.fitBounds(L.latLngBounds(bounds), { padding: [24, 24], maxZoom: 15 });
    },
  };
}
