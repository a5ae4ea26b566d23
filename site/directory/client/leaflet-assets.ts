// Leaflet's stylesheet and marker images, served from our origin (/passerelle/leaflet): the
// listing's map, the search map and the moderators' point map load them the same way.

export const LEAFLET_IMAGES = '/passerelle/leaflet/images/';

/** Adds Leaflet's stylesheet once and waits for it, so the map lays out right. */
export function loadLeafletCss(): Promise<void> {
  const href = '/passerelle/leaflet/leaflet.css';
  if (document.querySelector(`link[href="${href}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    // A missing stylesheet makes an untidy map, not a broken page: go on either way.
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
}
