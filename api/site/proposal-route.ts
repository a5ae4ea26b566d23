// The proposal form and the tracking page as the server renders them, so both work
// without JavaScript, through the same mapping (core/proposal-form.ts) and the same
// service as the JSON API:
//   GET  /proposer?type=update|report&id=…  the form pre-filled with the listing (found by
//        identifier, page address or name); anything else is Docusaurus' built page
//   POST /proposer/envoyer  the plain form: on success, 303 to the tracking page (its
//        address is the link to keep); otherwise the form again, values kept, errors named
//   GET  /suivi?id=…&token=…  where a proposal stands, the proposal, the exchange
//   POST /suivi/renvoyer  a correction asked by the team, from that page
import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import type { ContentModel } from '../../core/model/index.ts';
import {
  type FormFields,
  formFieldFor,
  fieldsOf as formFields,
  formToSubmission,
  formValuesOf,
  initiativeFromForm,
  proposalVocabularies,
} from '../../core/proposal-form.ts';
import { absoluteUrl, normalizeSiteUrl, sitePaths } from '../../core/urls.ts';
import { type ProposalInitial, RESUBMIT_PATH, renderMessagePage, renderProposalPage, renderTrackingPage } from '../../site/directory/index.ts';
import { HttpError } from '../http/errors.ts';
import { describeChanges } from '../moderation/changes.ts';
import { fieldsOf } from '../submissions/prepare.ts';
import { type ListingLookup, resolveTarget, type SubmissionsService } from '../submissions/service.ts';

export interface ProposalRouteDeps {
  service: SubmissionsService;
  limiter: RequestHandler;
  model: ContentModel;
  listings: ListingLookup;
  buildDir?: string;
}

const one = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);

/** API field errors as the form's fields (by their form names). */
function formErrors(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields ?? {})) out[formFieldFor(key)] ??= message;
  return out;
}

export function proposalRoute({ service, limiter, model, listings, buildDir }: ProposalRouteDeps): Router {
  const router = Router();
  const vocab = proposalVocabularies(model);
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  const html = (res: Response, status: number, page: string) => res.status(status).type('html').set('Cache-Control', 'no-store').send(page);

  /** The listing a correction or report names, with the form's starting point. */
  function startingPoint(type: 'update' | 'report', raw: string): ProposalInitial {
    const found = resolveTarget(listings, raw);
    const listing = 'id' in found ? listings.get(found.id) : undefined;
    if (!listing) {
      return {
        type: 'create',
        values: {},
        chooser: { value: raw, type, error: 'message' in found ? found.message : 'Cette fiche n’est plus dans l’annuaire.' },
      };
    }
    const values = type === 'update' ? formValuesOf(fieldsOf(listing)) : {};
    return { type, target: { id: listing.id, name: listing.name }, values, ...(type === 'update' ? { base: values } : {}) };
  }

  router.get(sitePaths.proposal, (req, res, next) => {
    const type = one(req.query.type);
    const id = one(req.query.id) ?? one(req.query.targetId);
    if ((type !== 'update' && type !== 'report') || !id?.trim()) return next();
    const initial = { ...startingPoint(type, id), url: req.originalUrl };
    html(res, initial.chooser ? 404 : 200, renderProposalPage(buildDir, vocab, initial));
  });

  router.post(sitePaths.proposalPost, limiter, form, async (req, res) => {
    const fields = req.body as FormFields;
    const type = one(fields.type) === 'update' || one(fields.type) === 'report' ? (one(fields.type) as 'update' | 'report') : 'create';
    const start = type === 'create' ? undefined : startingPoint(type, one(fields.targetId) ?? '');
    const base = start?.base;
    try {
      const receipt = await service.create(formToSubmission(fields, base ? { base } : {}));
      res.redirect(303, `${sitePaths.tracking(receipt.id, receipt.trackingToken)}&envoyee=1`);
    } catch (e) {
      if (!(e instanceof HttpError) || e.status >= 500) throw e;
      const initial: ProposalInitial = {
        type: start?.target ? type : 'create',
        ...(start?.target ? { target: start.target } : {}),
        values: { ...fields, website: undefined },
        ...(base ? { base } : {}),
        errors: formErrors(e.fields),
        message: e.message,
      };
      html(res, e.status, renderProposalPage(buildDir, vocab, initial, { live: false }));
    }
  });

  /** The tracking page of a submission (its token checked by the service). */
  function tracking(
    req: Request,
    res: Response,
    extra: { id?: string; token?: string; values?: FormFields; errors?: Record<string, string>; message?: string; status?: number } = {},
  ): void {
    const id = extra.id ?? one(req.query.id) ?? '';
    const token = extra.token ?? one(req.query.token) ?? '';
    if (!id || !token) {
      html(
        res,
        400,
        renderMessagePage(buildDir, 'Lien de suivi incomplet', [
          'Ce lien de suivi est incomplet. Utilisez le lien complet reçu après l’envoi (par e-mail ou sur la page de confirmation) : copiez-le en entier, jusqu’au bout.',
        ]),
      );
      return;
    }
    let status: ReturnType<SubmissionsService['status']>;
    try {
      status = service.status(id, token);
    } catch (e) {
      if (!(e instanceof HttpError) || e.status >= 500) throw e;
      html(
        res,
        e.status,
        renderMessagePage(buildDir, 'Proposition introuvable', [e.message], { href: sitePaths.proposal, label: 'Faire une nouvelle proposition' }),
      );
      return;
    }
    const listing = status.targetId ? listings.get(status.targetId) : status.published ? listings.get(status.published) : undefined;
    const current = status.type === 'update' && listing ? fieldsOf(listing) : undefined;
    const values = extra.values ?? (status.status === 'changes_requested' && status.initiative ? formValuesOf(status.initiative) : undefined);
    const notice = one(req.query.envoyee) === '1' ? 'sent' : one(req.query.renvoyee) === '1' ? 'resent' : undefined;
    const link = absoluteUrl(normalizeSiteUrl(`${req.protocol}://${req.get('host') ?? 'localhost'}`), sitePaths.tracking(id, token));
    html(
      res,
      extra.status ?? 200,
      renderTrackingPage(buildDir, model, {
        status,
        token,
        link,
        vocab,
        ...(status.initiative ? { proposal: status.initiative } : {}),
        ...(listing ? { listing } : {}),
        ...(current && status.initiative ? { changes: describeChanges(model, current, status.initiative) } : {}),
        ...(notice ? { notice } : {}),
        ...(values ? { values } : {}),
        ...(extra.errors ? { errors: extra.errors } : {}),
        ...(extra.message ? { message: extra.message } : {}),
      }),
    );
  }

  router.get('/suivi', (req, res) => tracking(req, res));

  router.post(RESUBMIT_PATH, limiter, form, async (req, res) => {
    const fields = req.body as FormFields;
    const id = one(fields.id) ?? '';
    const token = one(fields.token) ?? '';
    let type: string | undefined;
    try {
      const status = service.status(id, token);
      type = status.type;
      const listing = status.type === 'update' && status.targetId ? listings.get(status.targetId) : undefined;
      const body = {
        message: one(fields.message) ?? '',
        ...(status.type === 'report' ? {} : { initiative: initiativeFromForm(fields, listing ? formValuesOf(fieldsOf(listing)) : undefined) }),
      };
      await service.resubmit(id, token, body);
      res.redirect(303, `${sitePaths.tracking(id, token)}&renvoyee=1`);
    } catch (e) {
      if (!(e instanceof HttpError) || e.status >= 500 || !type) {
        if (e instanceof HttpError && e.status < 500) {
          html(res, e.status, renderMessagePage(buildDir, 'Proposition introuvable', [e.message]));
          return;
        }
        throw e;
      }
      tracking(req, res, { id, token, values: formFields(Object.entries(fields)), errors: formErrors(e.fields), message: e.message, status: e.status });
    }
  });
  return router;
}
