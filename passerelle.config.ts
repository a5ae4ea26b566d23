// The plugins of this instance, in order (hooks run in this order). Options are checked
// when the server, the build or a CLI starts. See the "Plugins" section of the site
// (/developpeurs/plugins) for the hooks and a tutorial.
import { defineConfig } from './plugins/api/index.ts';
import { builtinPlugins } from './plugins/builtin/index.ts';

export default defineConfig({
  licence: { name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' },
  plugins: [
    // Notifications (SMTP_URL, WEBHOOK_URL + WEBHOOK_SECRET, MODERATOR_EMAILS), open-data
    // exports and imports. Pages, git commits and search are steps of the publish pipeline.
    ...builtinPlugins(),
  ],
});
