// The map of a listing: a plan of the streets around it (map tiles placed around a pin),
// then, on request, a map one can move and zoom (Leaflet, loaded only then). The page's
// script shows the tiles when the map comes near the screen; without JavaScript the
// browser loads them lazily from <noscript>. The links under it open the same place on
// OpenStreetMap, and give the data's credit.
import type React from 'react';
import type { InitiativeView } from '../../directory/view-model.ts';

export default function ListingMap({ view }: { view: InitiativeView }): React.JSX.Element {
  const { map, address } = view;
  const data = JSON.stringify({ lat: map.lat, lng: map.lng, zoom: map.zoom, template: map.template, tiles: map.tiles });
  return (
    <figure className="carte-lieu">
      <div
        className="carte-lieu__boite"
        id="carte-lieu"
        role="img"
        aria-label={`Plan des rues autour de ${address.street}, ${address.postcode} ${address.locality}`}
        data-carte={data}
      >
        <noscript>
          {map.tiles.map((t) => (
            <img
              key={t.url}
              src={t.url}
              alt=""
              width={256}
              height={256}
              loading="lazy"
              style={{ left: `calc(50% + ${t.dx}px)`, top: `calc(50% + ${t.dy}px)` }}
            />
          ))}
        </noscript>
        <span className="carte-lieu__repere" aria-hidden="true" />
      </div>
      <figcaption className="carte-lieu__legende">
        <button type="button" className="button button--secondary" id="carte-interactive" hidden>
          Agrandir et déplacer la carte
        </button>
        <a href={view.osmUrl}>Ouvrir le plan sur OpenStreetMap</a>
        <span>
          Plan : ©{' '}
          <a href="https://www.openstreetmap.org/copyright" lang="en">
            OpenStreetMap
          </a>
        </span>
      </figcaption>
    </figure>
  );
}
