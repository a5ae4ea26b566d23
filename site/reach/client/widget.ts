// <passerelle-annuaire>: the directory in a partner's page. The partner writes
//   <script src="https://<passerelle>/widget.js" defer></script>
//   <passerelle-annuaire commune="charleroi" kind="epn,permanence" near="6000" limit="5"></passerelle-annuaire>
// and the element shows the places, nearest first, each linking to its Passerelle page.
// No framework, no cookie (the request carries no credentials), no tracking; its styles
// live in a shadow root so the partner's CSS and ours never mix. Labels follow the
// partner page's language (<html lang>), French by default. Old-phone friendly: no API
// younger than custom elements and shadow DOM (2018); without them, nothing is drawn (the
// iframe snippet is the no-JavaScript way).
import { formatDistance } from '../../../core/geo.ts';
import { WIDGET_LABELS, type WidgetEntry, widgetLanguage } from '../../../core/reach/widget-labels.ts';
import { sitePaths } from '../../../core/urls.ts';
import { stateText } from '../widget-text.ts';

const ATTRIBUTES = ['commune', 'kind', 'service', 'language', 'near', 'limit', 'open-now'] as const;

const CSS = `:host{display:block;font:1rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1c1e21;background:#fff;border:1px solid #ccc;border-radius:6px;padding:.5rem .75rem}
h2{font-size:1.1rem;margin:.25rem 0 .5rem}ul{list-style:none;margin:0;padding:0}li{padding:.4rem 0;border-bottom:1px solid #ddd}a{color:#0b5394}
a:focus-visible{outline:3px solid #1c1e21;outline-offset:2px}.petit{font-size:.9rem;color:#444}.ouvert{color:#1b5e20;font-weight:600}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

/** The script's own address tells where Passerelle is. */
const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src ?? '';
const ORIGIN = scriptSrc ? new URL(scriptSrc).origin : location.origin;

function el(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function link(href: string, text: string, newTab: string): HTMLAnchorElement {
  const a = el('a', text) as HTMLAnchorElement;
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener';
  a.appendChild(el('span', ` ${newTab}`, 'vh'));
  return a;
}

class PasserelleAnnuaire extends HTMLElement {
  private readonly root: ShadowRoot;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback(): void {
    void this.load();
  }

  private query(lang: string): string {
    const params = new URLSearchParams();
    for (const name of ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value) params.set(name === 'open-now' ? 'openNow' : name, value);
    }
    params.set('lang', lang);
    return params.toString();
  }

  private async load(): Promise<void> {
    const lang = widgetLanguage(this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
    const l = WIDGET_LABELS[lang];
    const style = el('style', CSS);
    const heading = el('h2', l.title);
    while (this.root.firstChild) this.root.removeChild(this.root.firstChild);
    this.root.appendChild(style);
    this.root.appendChild(heading);
    let data: { entries: WidgetEntry[]; moreUrl: string };
    try {
      const res = await fetch(`${ORIGIN}/api/widget?${this.query(lang)}`, { credentials: 'omit' });
      if (!res.ok) throw new Error(String(res.status));
      data = (await res.json()) as { entries: WidgetEntry[]; moreUrl: string };
    } catch {
      this.root.appendChild(el('p', l.none));
      return;
    }
    if (!data.entries.length) this.root.appendChild(el('p', l.none));
    else {
      const list = el('ul');
      for (const e of data.entries) {
        const item = el('li');
        item.appendChild(link(`${ORIGIN}${sitePaths.initiative(encodeURIComponent(e.id))}`, e.name, l.newTab));
        item.appendChild(el('br'));
        item.appendChild(el('span', `${e.kindLabel} · ${e.address}${e.metres !== undefined ? ` · ${formatDistance(e.metres)}` : ''}`, 'petit'));
        const state = stateText(e, lang);
        if (state) {
          item.appendChild(el('br'));
          item.appendChild(el('span', state, e.openNow ? 'ouvert' : 'petit'));
        }
        list.appendChild(item);
      }
      this.root.appendChild(list);
    }
    const more = el('p');
    more.appendChild(link(`${ORIGIN}${data.moreUrl}`, l.more, l.newTab));
    this.root.appendChild(more);
  }
}

if (window.customElements && !customElements.get('passerelle-annuaire')) customElements.define('passerelle-annuaire', PasserelleAnnuaire);
