// Leaflet's ES module build, imported by the map chunk (search-map.ts) in place of the
// UMD `leaflet` main: ES modules need none of esbuild's CommonJS helpers, which code
// splitting would otherwise put in a chunk of their own that every /annuaire page loads.
// Same code, same API: its types are @types/leaflet's.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
