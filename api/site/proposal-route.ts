// POST /proposer/envoyer: the proposal form without JavaScript. The same mapping and the
// same service as the JSON API; the answer is a page of the site (in its shell) saying
// what happened: the tracking link, or the list of fields to correct.
import express, { type RequestHandler, Router } from 'express';
import { escapeHtml } from '../../core/html.ts';
import { type FormFields, formFieldFor, formToSubmission } from '../../core/proposal-form.ts';
import { sitePaths } from '../../core/urls.ts';
import { renderPlainPage } from '../../site/directory/index.ts';
import { HttpError } from '../http/errors.ts';
import type { SubmissionsService } from '../submissions/service.ts';

const page = (buildDir: string | undefined, title: string, body: string) => renderPlainPage(buildDir, { title, body, path: sitePaths.proposalPost });

export function proposalRoute(service: SubmissionsService, limiter: RequestHandler, buildDir?: string): Router {
  const router = Router();
  router.post('/proposer/envoyer', limiter, express.urlencoded({ extended: false, limit: '64kb' }), async (req, res) => {
    try {
      const receipt = await service.create(formToSubmission(req.body as FormFields));
      const link = sitePaths.tracking(receipt.id, receipt.trackingToken);
      res
        .status(202)
        .type('html')
        .send(
          page(
            buildDir,
            'Proposition envoyée',
            `<h1>Merci, votre proposition est envoyée</h1><p>Une personne de l'équipe va la relire. Vous pouvez suivre où elle en est avec ce lien. Gardez-le : il ne sera plus affiché.</p><p><a href="${escapeHtml(link)}">Suivre ma proposition</a></p>`,
          ),
        );
    } catch (e) {
      if (!(e instanceof HttpError) || e.status >= 500) throw e;
      const items = Object.entries(e.fields ?? {})
        .map(([path, message]) => `<li><strong>${escapeHtml(formFieldFor(path))}</strong> : ${escapeHtml(message)}</li>`)
        .join('');
      res
        .status(e.status)
        .type('html')
        .send(
          page(
            buildDir,
            'Proposition à corriger',
            `<h1>Votre proposition n'est pas encore envoyée</h1><p>${escapeHtml(e.message)}</p>${items ? `<ul>${items}</ul>` : ''}<p>Revenez à la page précédente avec le bouton « retour » de votre navigateur : ce que vous avez écrit y est toujours. Corrigez, puis envoyez à nouveau.</p>`,
          ),
        );
    }
  });
  return router;
}
