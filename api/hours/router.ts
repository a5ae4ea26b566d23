// GET /api/hours/parse?text=: opening hours written in French, understood (core/hours/
// french-input.ts) and checked by the opening_hours library, for the forms' live preview
// and for partners' tools. Answers the OSM value, the reading in French and the structure,
// or a French message saying what to write instead.
import { Router } from 'express';
import { understandHours } from '../../core/hours/french-input.ts';
import { hoursError } from '../../core/hours/index.ts';
import { HttpError } from '../http/errors.ts';

export function hoursRouter(): Router {
  const router = Router();
  router.get('/parse', (req, res) => {
    const text = req.query.text;
    if (typeof text !== 'string') {
      const message = 'Donnez le texte des horaires, par exemple /api/hours/parse?text=le mardi de 9h à 12h';
      throw new HttpError(400, 'invalid_query', message, { text: message });
    }
    const understood = understandHours(text);
    if (!understood.ok) throw new HttpError(400, 'hours_not_understood', understood.message, { text: understood.message });
    // What every tool will read must agree with what we understood.
    const problem = understood.hours ? hoursError(understood.hours) : null;
    if (problem) {
      const message = `Ces horaires ne peuvent pas être enregistrés tels quels (${problem}). Simplifiez-les, par exemple « le mardi de 9 h à 12 h ».`;
      throw new HttpError(400, 'hours_not_understood', message, { text: message });
    }
    res.set('Cache-Control', 'public, max-age=300').json({ hours: understood.hours, reading: understood.reading, structure: understood.structure });
  });
  return router;
}
