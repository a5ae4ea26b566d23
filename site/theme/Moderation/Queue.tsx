// The queue: search, filters (state, type, commune, kind of place, age, corrected by the
// association), sort, and one line per submission with what a moderator needs to choose:
// its name, commune, when it came, whether it came back corrected, whether it looks like
// another one. Filters apply at once; the count is announced.
import type { ReactNode } from 'react';
import type { ProposalVocabularies } from '../../../core/proposal-form.ts';
import { SUBMISSION_STATUS_LABELS, SUBMISSION_TYPE_LABELS } from '../../../core/statuses.ts';
import type { ModerationView } from '../../../core/wire/moderation.ts';
import { when } from './api.ts';

export interface QueueFilters {
  status: string;
  q: string;
  type: string;
  commune: string;
  kind: string;
  age: string;
  resubmitted: boolean;
  sort: string;
}

export const DEFAULT_FILTERS: QueueFilters = { status: 'pending', q: '', type: '', commune: '', kind: '', age: '', resubmitted: false, sort: 'oldest' };

/** The API's query string of the filters. */
export function queueQuery(f: QueueFilters): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'q', 'type', 'commune', 'kind', 'age', 'sort'] as const) if (f[key]) params.set(key, f[key]);
  if (f.resubmitted) params.set('resubmitted', 'true');
  return params.toString();
}

function FilterSelect({
  id,
  label,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  choices: [string, string][];
  onChange(v: string): void;
}): ReactNode {
  return (
    <div className="recherche__champ">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {choices.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function Queue({
  items,
  filters,
  vocab,
  loading,
  onFilters,
  onOpen,
}: {
  items: ModerationView[];
  filters: QueueFilters;
  vocab: ProposalVocabularies | null;
  loading: boolean;
  onFilters(f: QueueFilters): void;
  onOpen(id: string): void;
}): ReactNode {
  const set = (patch: Partial<QueueFilters>) => onFilters({ ...filters, ...patch });
  return (
    <section aria-labelledby="file-titre">
      <h2 id="file-titre" tabIndex={-1}>
        File : {items.length} demande{items.length > 1 ? 's' : ''}
      </h2>
      <form role="search" aria-label="Chercher dans la file" className="recherche__filtres bureau__filtres" onSubmit={(e) => e.preventDefault()}>
        <div className="recherche__champ bureau__recherche">
          <label htmlFor="file-q">Chercher (nom, commune, organisation, personne)</label>
          <input id="file-q" type="search" value={filters.q} onChange={(e) => set({ q: e.currentTarget.value })} aria-keyshortcuts="/" />
        </div>
        <FilterSelect
          id="file-etat"
          label="État"
          value={filters.status}
          choices={[...Object.entries(SUBMISSION_STATUS_LABELS), ['', 'Toutes']]}
          onChange={(status) => set({ status })}
        />
        <FilterSelect
          id="file-type"
          label="Demande"
          value={filters.type}
          choices={[['', 'Toutes'], ...Object.entries(SUBMISSION_TYPE_LABELS)]}
          onChange={(type) => set({ type })}
        />
        <FilterSelect
          id="file-commune"
          label="Commune"
          value={filters.commune}
          choices={[['', 'Toutes'], ...(vocab?.communes.map((c) => [c.value, c.label] as [string, string]) ?? [])]}
          onChange={(commune) => set({ commune })}
        />
        <FilterSelect
          id="file-genre"
          label="Type de lieu"
          value={filters.kind}
          choices={[['', 'Tous'], ...(vocab?.kinds.map((c) => [c.value, c.label] as [string, string]) ?? [])]}
          onChange={(kind) => set({ kind })}
        />
        <FilterSelect
          id="file-age"
          label="Reçue"
          value={filters.age}
          choices={[
            ['', 'Quand que ce soit'],
            ['today', "Aujourd'hui (moins de 24 h)"],
            ['week', 'Cette semaine (moins de 7 jours)'],
            ['older', 'Il y a plus de 7 jours'],
          ]}
          onChange={(age) => set({ age })}
        />
        <FilterSelect
          id="file-tri"
          label="Trier par"
          value={filters.sort}
          choices={[
            ['oldest', 'Les plus anciennes d’abord'],
            ['newest', 'Les plus récentes d’abord'],
            ['name', 'Nom'],
            ['commune', 'Commune'],
          ]}
          onChange={(sort) => set({ sort })}
        />
        <div className="recherche__case">
          <input id="file-corrigees" type="checkbox" checked={filters.resubmitted} onChange={(e) => set({ resubmitted: e.currentTarget.checked })} />
          <label htmlFor="file-corrigees">Seulement celles corrigées par l'association</label>
        </div>
      </form>
      {loading ? (
        <p>Chargement…</p>
      ) : items.length === 0 ? (
        <p>Rien dans cette file.</p>
      ) : (
        <ol className="bureau__file">
          {items.map((i) => (
            <li key={i.id} className="bureau__ligne">
              <button type="button" className="button button--link bureau__ouvrir" onClick={() => onOpen(i.id)} data-demande={i.id}>
                {SUBMISSION_TYPE_LABELS[i.type]} : {i.name}
              </button>
              <span className="bureau__details">{[i.communeName, i.kindLabel, `reçue le ${when(i.createdAt)}`].filter(Boolean).join(' · ')}</span>
              {(i.resubmittedAt || i.duplicate) && (
                <span className="bureau__marques-ligne">
                  {i.resubmittedAt && <span className="marque marque--corrigee">Corrigée par l'association le {when(i.resubmittedAt)}</span>}
                  {i.duplicate && (
                    <span className="marque marque--alerte">
                      Doublon possible : {i.duplicate.name} ({i.duplicate.why})
                    </span>
                  )}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
