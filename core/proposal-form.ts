// The proposal form's fields (flat names, as an HTML form posts them) turned into the
// submission JSON of POST /api/submissions. One function for both ways in: the page's
// script (JSON) and the plain no-JavaScript POST handled by the server.
export type FormFields = Record<string, string | string[] | undefined>;

const one = (f: FormFields, name: string): string | undefined => {
  const v = f[name];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
};
const many = (f: FormFields, name: string): string[] => {
  const v = f[name];
  return (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
};
const compact = <T extends Record<string, unknown>>(o: T): Partial<T> | undefined => {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as Partial<T>) : undefined;
};

/** Field name in the form for a path of the API's `fields` (e.g. initiative.address.street → address_street). */
export function formFieldFor(path: string): string {
  return path
    .replace(/^initiative\./, '')
    .replace(/\.\d+$/, '')
    .replace(/\./g, '_');
}

export function formToSubmission(f: FormFields): Record<string, unknown> {
  const type = one(f, 'type') ?? 'create';
  const initiative =
    type === 'report'
      ? undefined
      : {
          name: one(f, 'name'),
          kind: one(f, 'kind'),
          summary: one(f, 'summary'),
          description: one(f, 'description'),
          organisation: compact({ name: one(f, 'organisation_name'), website: one(f, 'organisation_website') }),
          services: many(f, 'services'),
          publics: many(f, 'publics'),
          languages: many(f, 'languages'),
          access: {
            cost: one(f, 'access_cost'),
            appointment: one(f, 'access_appointment'),
            modes: many(f, 'access_modes'),
            accessibility: many(f, 'access_accessibility'),
          },
          address: {
            street: one(f, 'address_street'),
            postcode: one(f, 'address_postcode'),
            locality: one(f, 'address_locality'),
            commune: one(f, 'address_commune'),
          },
          hours: one(f, 'hours'),
          contact: compact({ phone: one(f, 'contact_phone'), email: one(f, 'contact_email'), website: one(f, 'contact_website') }),
          period: compact({ start: one(f, 'period_start'), end: one(f, 'period_end') }),
        };
  return JSON.parse(
    JSON.stringify({
      type,
      targetId: one(f, 'targetId'),
      initiative,
      message: one(f, 'message'),
      submitter: { name: one(f, 'submitter_name') ?? '', email: one(f, 'submitter_email') ?? '', organisation: one(f, 'submitter_organisation') },
      website: one(f, 'website'),
    }),
  ) as Record<string, unknown>;
}
