// A labelled list of terms in the citizen's words (services, publics…), or nothing when empty.
import type React from 'react';

export default function TermList({ title, items }: { title: string; items: string[] }): React.JSX.Element | null {
  if (!items.length) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="liste-termes">
        {items.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </>
  );
}
