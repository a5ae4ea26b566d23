// What the reach pages need from the server: the published listings (live, from the
// publish pipeline's catalogue), the model, the news and guides, the config and the site's address.
import type { GuideRef } from '../../core/content/guides.ts';
import type { NewsItem } from '../../core/content/news.ts';
import type { ContentModel, Initiative } from '../../core/model/index.ts';
import type { Indicators } from '../../core/reach/indicators.ts';
import type { SiteUrl } from '../../core/urls.ts';
import type { ReachConfig } from '../../plugins/api/index.ts';

export interface ReachDeps {
  model: ContentModel;
  initiatives(): ReadonlyMap<string, Initiative>;
  news(): NewsItem[];
  guides(): GuideRef[];
  /** The dashboard's figures now (the exports); absent, the exports answer 404. */
  indicators?(): Indicators;
  config: ReachConfig;
  siteUrl: SiteUrl;
  /** The built site (widget.js, the shell of /integrer). */
  buildDir?: string;
  /** The clock (tests). */
  now?: () => Date;
}
