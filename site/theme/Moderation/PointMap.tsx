// The listing's point on a map (Leaflet, loaded only here, its stylesheet from our origin,
// tiles from the configured template): the moderator drags the marker or clicks where the
// place is; the latitude and longitude fields next to it are the keyboard's way to do the
// same, and what is sent.
import { type ReactNode, useEffect, useRef } from 'react';
import { LEAFLET_IMAGES, loadLeafletCss } from '../../directory/client/leaflet-assets.ts';

interface LeafletMarker {
  setLatLng(p: [number, number]): void;
  on(event: string, fn: () => void): void;
  getLatLng(): { lat: number; lng: number };
}
interface LeafletMap {
  setView(p: [number, number], z: number): void;
  on(event: string, fn: (e: { latlng: { lat: number; lng: number } }) => void): void;
  remove(): void;
  invalidateSize(): void;
}

export default function PointMap({
  lat,
  lng,
  tiles,
  name,
  onMove,
}: {
  lat: number;
  lng: number;
  tiles: string;
  name: string;
  onMove(lat: number, lng: number): void;
}): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<LeafletMap | null>(null);
  const marker = useRef<LeafletMarker | null>(null);
  const move = useRef(onMove);
  move.current = onMove;
  // The map is made once per listing (from the first point); later moves come through the second effect.
  const start = useRef({ lat, lng, name });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      await loadLeafletCss();
      const L = (await import('leaflet')).default;
      if (cancelled || !container.current) return;
      L.Icon.Default.imagePath = LEAFLET_IMAGES;
      const { lat: lat0, lng: lng0, name: title } = start.current;
      const m = L.map(container.current, { scrollWheelZoom: false, keyboard: false }).setView([lat0, lng0], 17);
      m.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
      L.tileLayer(tiles, { maxZoom: 19, attribution: '&copy; les contributeurs d’<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>' }).addTo(
        m,
      );
      const mk = L.marker([lat0, lng0], { draggable: true, title, alt: title, keyboard: false }).addTo(m);
      mk.on('dragend', () => {
        const p = mk.getLatLng();
        move.current(Number(p.lat.toFixed(6)), Number(p.lng.toFixed(6)));
      });
      m.on('click', (e) => {
        mk.setLatLng([e.latlng.lat, e.latlng.lng]);
        move.current(Number(e.latlng.lat.toFixed(6)), Number(e.latlng.lng.toFixed(6)));
      });
      map.current = m as unknown as LeafletMap;
      marker.current = mk as unknown as LeafletMarker;
    })();
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
  }, [tiles]);

  useEffect(() => {
    marker.current?.setLatLng([lat, lng]);
    map.current?.setView([lat, lng], 17);
  }, [lat, lng]);

  return (
    <div
      className="bureau__carte"
      ref={container}
      role="region"
      aria-label={`Carte : le point de « ${name} ». Au clavier, utilisez les champs latitude et longitude.`}
    />
  );
}
