// Distances on the map, in one place: straight lines on the sphere (« à 800 m »), enough
// for a city's distances; routes are the map's job.

export interface Point {
  lat: number;
  lng: number;
}

export function metresBetween(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** « 350 m », « 1,2 km ». */
export function formatDistance(metres: number): string {
  if (metres < 950) return `${Math.max(50, Math.round(metres / 50) * 50)}\u00a0m`;
  return `${new Intl.NumberFormat('fr-BE', { maximumFractionDigits: 1 }).format(metres / 1000)}\u00a0km`;
}
