// One wording of opening hours everywhere: the listing page, the search index's answer,
// the HSDS export and the e-mail to the submitter all say « 13 h 30 à 16 h » the same way,
// because they all call core/hours/format.ts.
import { describe, expect, it } from 'vitest';
import { initiativeDocument } from '../../../api/search/documents.ts';
import { formatRange } from '../../../core/hours/index.ts';
import { normalizeSiteUrl } from '../../../core/urls.ts';
import { approvedMail } from '../../../plugins/builtin/notifications/templates.ts';
import { type HsdsServicePage, hsdsExporter } from '../../../plugins/builtin/open-data/hsds.ts';
import { toView } from '../../../site/directory/view-model.ts';
import { exportContext, variantOfPermanence } from '../../fixtures/open-data/initiatives.ts';
import { fixtureModel } from '../../helpers/content.ts';

const model = fixtureModel();
const initiative = variantOfPermanence(model, { hours: 'Th 13:30-16:00; PH off' });
const expected = formatRange({ from: '13:30', to: '16:00' }).text;
const now = new Date('2026-11-30T10:00:00');

describe('opening hours read the same through every path', () => {
  it('is « 13 h 30 à 16 h » with non-breaking spaces', () => {
    expect(expected).toBe('13\u00a0h\u00a030 à 16\u00a0h');
  });

  it('on the listing page', () => {
    const thursday = toView(model, initiative, now).hours?.week[3];
    expect(thursday?.text).toBe(expected);
  });

  it('in search hits (the day text stored in the index)', () => {
    expect(initiativeDocument(model, initiative, now).weekHours[3]).toBe(expected);
  });

  it('in the HSDS export', () => {
    const page = JSON.parse(hsdsExporter.export([initiative], exportContext(model, '2027-01-05T10:00:00Z'))) as HsdsServicePage;
    expect(page.contents[0]?.schedules[0]?.description).toContain(expected);
  });

  it('in the e-mail that tells the submitter the listing is published', () => {
    const mail = approvedMail(
      {
        submission: { id: 'sub_1', type: 'create', submitter: { name: 'Awa', email: 'awa@example.be' }, createdAt: now.toISOString() },
        initiative,
        moderator: 'marie@charleroi.be',
      },
      normalizeSiteUrl('https://passerelle.example'),
    );
    expect(mail.text).toContain(`Jeudi : ${expected}`);
    expect(mail.html).toContain(`Jeudi : ${expected}`);
  });
});
