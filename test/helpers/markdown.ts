// Markdown → HTML through our remark plugins, as Docusaurus runs them (directives parsed
// first), for golden tests of the plugins.
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type Pluggable, unified } from 'unified';
import { VFile } from 'vfile';

export async function toHtml(markdown: string, plugins: Pluggable[], path = 'content/guides/bases/exemple.md'): Promise<string> {
  const file = new VFile({ path, value: markdown });
  const out = await unified().use(remarkParse).use(remarkDirective).use(plugins).use(remarkRehype).use(rehypeStringify).process(file);
  return String(out).replace(/\n/g, '');
}
