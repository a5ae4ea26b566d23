// The Markdown elements of Docusaurus pages, with our tables (Table.tsx).

import MDXComponents from '@theme-init/MDXComponents';
import Table from './Table.tsx';

export default { ...MDXComponents, table: Table };
