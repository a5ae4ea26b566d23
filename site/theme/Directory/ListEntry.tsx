// One listing in a list: its name (the link to its page), kind, place and summary.
import type React from 'react';

export interface ListEntryView {
  id: string;
  url: string;
  name: string;
  kindLabel: string;
  locality: string;
  summary: string;
  demo: boolean;
}

export default function ListEntry({ entry, headingLevel = 3 }: { entry: ListEntryView; headingLevel?: 3 | 4 }): React.JSX.Element {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <li className="annuaire__resultat">
      <Heading>
        <a href={entry.url}>{entry.name}</a>
      </Heading>
      <p>
        <span className="badge-type">{entry.kindLabel}</span> · {entry.locality}
        {entry.demo && ' · données de démonstration'}
      </p>
      <p>{entry.summary}</p>
    </li>
  );
}
