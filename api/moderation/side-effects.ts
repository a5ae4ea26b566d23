// What the site itself does after an approval, once the plugins' onApproved hooks ran
// (search sync, git commit… are plugins, see plugins/builtin/): the page and the list
// re-rendered at once (written beside and renamed), with the plugins' site data (badges).

import type { ContentModel } from '../../core/model/index.ts';
import type { SiteUrl } from '../../core/urls.ts';
import type { PluginHost } from '../../plugins/api/index.ts';
import { renderOne, templateFile } from '../../site/directory/index.ts';
import type { SideEffect } from './service.ts';

export function rerenderPage(model: ContentModel, buildDir: string, plugins: PluginHost, siteUrl?: SiteUrl): SideEffect {
  return async (initiative) => {
    try {
      templateFile(buildDir);
    } catch {
      return; // no built site (API-only use): nothing to refresh
    }
    renderOne({ buildDir, model, siteUrl, siteData: (scope) => plugins.siteData(scope) }, initiative.id);
  };
}
