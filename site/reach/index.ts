// What the API may use of the reach pages (/wifi, the widget, the self-check's result,
// the dashboard): renderers of pages from data the API gathers.

export { renderPlainPage } from '../directory/plain-page.ts';
export { DASHBOARD_EXPORTS, renderDashboardBody } from './dashboard-page.tsx';
export { DIAGNOSTIC_SCRIPT, type ResultView, renderDiagnosticForm, renderDiagnosticResult, type Voice } from './diagnostic-page.ts';
export { type EmbedView, iframeSnippet, renderEmbedBody, scriptSnippet } from './embed-page.tsx';
export { renderLightPage } from './light-page.ts';
export { renderWidgetPage, type WidgetView } from './widget-page.tsx';
export { nextOpeningText, stateText } from './widget-text.ts';
export { openingText, renderWifiPage, type WifiView } from './wifi-page.tsx';
