// `npm run build`: the whole site into build/ (Docusaurus, then the directory pages).
// Through `npm run build` the launcher (scripts/launch.mjs) has just compiled the server
// and the CLIs into dist/ too, so a production install is ready to `npm start`.
import { configOrExit } from '../api/config/env.ts';
import { buildSite } from './lib/build-site.ts';

const config = configOrExit();
const started = Date.now();
await buildSite(config.paths, { siteUrl: config.siteUrl });
console.log(`Site construit en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
