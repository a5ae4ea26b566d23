// An initiative as sent (a whole new listing, or a correction naming only what changes)
// made into the listing it proposes, checked: hours written in French (`hoursText`)
// understood, the commune and locality taken from the postcode when it says them (asked
// only when it covers several), the map point kept unless the address changed, the
// postcode's centre for a new listing without one (approximate, the moderator places it).
// One path for the API, the form, the tracking page and the moderators' edits.
import { toFieldErrors } from '../../core/field-errors.ts';
import { joinFr } from '../../core/hours/format.ts';
import { understandHours } from '../../core/hours/french-input.ts';
import type { ContentModel, Initiative, InitiativeFields } from '../../core/model/index.ts';
import { addressChanged, applyPatch, diffPatch, isPlainObject, type Patch } from '../../core/model/initiative-patch.ts';
import type { FieldErrors } from '../http/errors.ts';

export interface Prepared {
  /** The listing's fields as proposed (checked). */
  initiative: InitiativeFields;
  /** For a correction: what changes against the base. */
  patch?: Patch;
  /** The point is the postcode's centre (no address geocoding here): the moderator should place it. */
  geoApproximate?: boolean;
  /** A correction moved the address but kept the old point: the moderator confirms it. */
  geoToConfirm?: boolean;
}

export type PrepareResult = { ok: true; value: Prepared } | { ok: false; fields: FieldErrors };

export interface PrepareOptions {
  /** The listing as it is (a correction's base); absent for a new listing. */
  base?: InitiativeFields;
  /** Prefix of field errors (`initiative`, or `edits` for moderators). */
  prefix: string;
}

const mean = (values: number[]) => Number((values.reduce((a, b) => a + b, 0) / values.length).toFixed(5));

/** The fields of a listing file (without id, source, updated, status). */
export function fieldsOf(listing: Initiative): InitiativeFields {
  const { id: _id, source: _source, updated: _updated, status: _status, ...fields } = listing;
  return fields;
}

export function prepareInitiative(model: ContentModel, sent: unknown, { base, prefix }: PrepareOptions): PrepareResult {
  if (!isPlainObject(sent)) return { ok: false, fields: { [prefix]: "Les informations de l'initiative sont attendues sous la forme d'un objet." } };
  const fields: FieldErrors = {};
  const input: Record<string, unknown> = structuredClone(sent);

  // Hours in French: understood, or a message saying what to write.
  if ('hoursText' in input) {
    const text = input.hoursText;
    delete input.hoursText;
    if ('hours' in input) fields[`${prefix}.hoursText`] = 'Horaires : donnez soit hours (syntaxe opening_hours), soit hoursText (en français), pas les deux.';
    else if (typeof text !== 'string') fields[`${prefix}.hoursText`] = 'Horaires : du texte en français est attendu, par exemple « le mardi de 9 h à 12 h ».';
    else {
      const understood = understandHours(text);
      if (understood.ok) input.hours = understood.hours;
      else fields[`${prefix}.hoursText`] = `Horaires : ${understood.message}`;
    }
  }
  if (input.hours === null && !base) delete input.hours;

  const merged = base ? applyPatch(base as unknown as Record<string, unknown>, input) : (applyPatch({}, input) as Record<string, unknown>);

  // The address: commune and locality follow the postcode unless the person chose them.
  const sentAddress = isPlainObject(input.address) ? input.address : {};
  const address = isPlainObject(merged.address) ? merged.address : undefined;
  const postcodeMoved = !base || (isPlainObject(base.address) && sentAddress.postcode !== undefined && sentAddress.postcode !== base.address.postcode);
  if (address && typeof address.postcode === 'string' && postcodeMoved) {
    const sections = model.territory.sectionsByPostcode(address.postcode);
    const communes = [...new Set(sections.map((s) => s.commune))];
    const names = (slugs: string[]) => joinFr(slugs.map((c) => model.territory.commune(c)?.name ?? c));
    if (/^\d{4}$/.test(address.postcode) && !sections.length)
      fields[`${prefix}.address.postcode`] =
        `Code postal : ${address.postcode} n'est pas le code postal d'une commune de l'annuaire. Vérifiez-le (par exemple 6000 pour Charleroi).`;
    if (sentAddress.commune === undefined || sentAddress.commune === null) {
      if (communes.length === 1) address.commune = communes[0];
      else if (communes.length > 1) {
        delete address.commune;
        fields[`${prefix}.address.commune`] = `Commune : le code postal ${address.postcode} couvre ${names(communes)}. Choisissez la commune.`;
      }
    }
    if (sentAddress.locality === undefined || sentAddress.locality === null) {
      const localities = sections.filter((s) => !address.commune || s.commune === address.commune).map((s) => s.name);
      const kept = typeof address.locality === 'string' && localities.includes(address.locality);
      if (localities.length === 1) address.locality = localities[0];
      else if (localities.length > 1 && !kept) {
        delete address.locality;
        fields[`${prefix}.address.locality`] = `Localité : le code postal ${address.postcode} couvre ${joinFr(localities)}. Écrivez laquelle.`;
      }
    }
  }

  // The map point: a new listing without one gets its locality's (or postcode's) centre.
  let geoApproximate = false;
  if (!base && !isPlainObject(merged.geo) && address && typeof address.postcode === 'string') {
    const sections = model.territory.sectionsByPostcode(address.postcode);
    const here = sections.filter((s) => typeof address.locality === 'string' && s.name.toLowerCase() === address.locality.toLowerCase());
    const chosen = here.length ? here : sections;
    if (chosen.length) {
      merged.geo = { lat: mean(chosen.map((s) => s.lat)), lng: mean(chosen.map((s) => s.lng)) };
      geoApproximate = true;
    }
  }
  const geoToConfirm = Boolean(base && addressChanged(base, merged as { address?: Record<string, unknown> }) && !isPlainObject(input.geo));

  const parsed = model.fieldsSchema.safeParse(merged);
  if (!parsed.success) for (const [path, message] of Object.entries(toFieldErrors(parsed.error.issues, { prefix: [prefix] }))) fields[path] ??= message;
  if (Object.keys(fields).length || !parsed.success) return { ok: false, fields };
  const initiative = parsed.data;
  return {
    ok: true,
    value: {
      initiative,
      ...(base ? { patch: diffPatch(base as unknown as Record<string, unknown>, initiative as unknown as Record<string, unknown>) } : {}),
      ...(geoApproximate ? { geoApproximate } : {}),
      ...(geoToConfirm ? { geoToConfirm } : {}),
    },
  };
}
