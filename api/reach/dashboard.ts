// The plan's dashboard: its figures (from the published listings, the moderation records,
// the guides and the City's own figures) and its static page, build/tableau-de-bord.html,
// which the publish pipeline rewrites after each change and the server at start.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicAsync } from '../../core/atomic-file.ts';
import type { GuideRef } from '../../core/content/guides.ts';
import type { ContentModel, Initiative } from '../../core/model/index.ts';
import type { CityFigure } from '../../core/reach/city-figures.ts';
import { computeIndicators, type Indicators, type ProposalDates } from '../../core/reach/indicators.ts';
import { sitePaths } from '../../core/urls.ts';
import type { AuditEntry } from '../../core/wire/moderation.ts';
import { renderDashboardBody, renderPlainPage } from '../../site/reach/index.ts';

export interface DashboardDeps {
  model: ContentModel;
  /** The built site; without it there is no page to write (the exports still answer). */
  buildDir?: string;
  /** Every submission, open or decided. */
  submissions(): readonly { id: string; createdAt: string }[];
  /** The moderators' decisions. */
  decisions(): readonly AuditEntry[];
  guides(): GuideRef[];
  city(): CityFigure[];
  now?: () => Date;
}

export interface Dashboard {
  indicators(all: Iterable<Initiative>): Indicators;
  /** Writes the page from the current state (idempotent: run again, same page). */
  write(all: Iterable<Initiative>): Promise<void>;
}

export function dashboardFile(buildDir: string): string {
  return path.join(buildDir, `${sitePaths.dashboard.slice(1)}.html`);
}

export function createDashboard(deps: DashboardDeps): Dashboard {
  const proposals = (): ProposalDates[] => {
    const firstDecision = new Map<string, string>();
    for (const e of deps.decisions()) {
      const known = firstDecision.get(e.submission);
      if (!known || e.at < known) firstDecision.set(e.submission, e.at);
    }
    return deps.submissions().map((s) => {
      const decidedAt = firstDecision.get(s.id);
      return { receivedAt: s.createdAt, ...(decidedAt ? { decidedAt } : {}) };
    });
  };
  const indicators = (all: Iterable<Initiative>) =>
    computeIndicators({
      model: deps.model,
      initiatives: all,
      proposals: proposals(),
      guides: deps.guides(),
      city: deps.city(),
      now: deps.now?.() ?? new Date(),
    });
  return {
    indicators,
    async write(all) {
      const buildDir = deps.buildDir;
      if (!buildDir || !fs.existsSync(buildDir)) return;
      const html = renderPlainPage(buildDir, {
        title: 'Le tableau de bord du plan',
        body: renderDashboardBody(indicators(all)),
        path: sitePaths.dashboard,
        noindex: false,
      });
      await writeFileAtomicAsync(dashboardFile(buildDir), html);
    },
  };
}
