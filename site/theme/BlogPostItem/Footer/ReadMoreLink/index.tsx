// "Lire la suite" under a news excerpt. The classic theme puts the post title in an
// aria-label that hides the visible words (WCAG 2.5.3, label in name); here the visible
// text starts the accessible name and the title follows for screen readers.

import Link from '@docusaurus/Link';
import type { ReactNode } from 'react';

interface Props {
  blogPostTitle: string;
  to: string;
}

export default function BlogPostItemFooterReadMoreLink({ blogPostTitle, to }: Props): ReactNode {
  return (
    <Link to={to}>
      <b>Lire la suite</b>
      <span className="sr-only"> : {blogPostTitle}</span>
    </Link>
  );
}
