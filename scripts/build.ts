// `npm run build`: the whole site into build/ (Docusaurus, then the directory pages).
import { resolvePaths } from '../core/model/paths.ts';
import { buildSite } from './lib/build-site.ts';

const started = Date.now();
await buildSite(resolvePaths(), { siteUrl: process.env.PASSERELLE_SITE_URL });
console.log(`Site construit en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
