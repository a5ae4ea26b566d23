// What the API may use of the reach pages (/wifi, the widget, the self-check's result,
// the dashboard): renderers of light pages from data the API gathers.
export { renderLightPage } from './light-page.ts';
export { openingText, renderWifiPage, type WifiView } from './wifi-page.tsx';
