// The /integrer page's live preview: each change of the form updates the two snippets and
// the preview frame at once, without reloading (the form still works without JavaScript).
import { sitePaths } from '../../../core/urls.ts';

const form = document.getElementById('integrer-form') as HTMLFormElement | null;
const frame = document.getElementById('integrer-apercu') as HTMLIFrameElement | null;
const iframeCode = document.getElementById('code-iframe');
const scriptCode = document.getElementById('code-script');

function query(): URLSearchParams {
  const params = new URLSearchParams();
  if (!form) return params;
  const data = new FormData(form);
  const kinds: string[] = [];
  data.forEach((value, key) => {
    const text = String(value).trim();
    if (!text) return;
    if (key === 'kind') kinds.push(text);
    else params.set(key, text);
  });
  if (kinds.length) params.set('kind', kinds.join(','));
  return params;
}

function update(): void {
  const params = query();
  const text = params.toString();
  if (frame) frame.src = `${sitePaths.widget}${text ? `?${text}` : ''}`;
  history.replaceState(null, '', `${sitePaths.embed}${text ? `?${text}` : ''}`);
  const origin = iframeCode?.textContent?.match(/src="(https?:\/\/[^/"]+)/)?.[1] ?? location.origin;
  if (iframeCode)
    iframeCode.textContent = `<iframe src="${origin}${sitePaths.widget}${text ? `?${text}` : ''}" title="Aide numérique près de chez vous" width="100%" height="480" style="border:0" loading="lazy"></iframe>`;
  if (scriptCode) {
    const attrs: string[] = [];
    params.forEach((value, key) => {
      if (key === 'lang') return;
      attrs.push(` ${key === 'openNow' ? 'open-now' : key}="${value.replace(/"/g, '&quot;')}"`);
    });
    scriptCode.textContent = `<script src="${origin}${sitePaths.widgetScript}" defer></script>\n<passerelle-annuaire${attrs.join('')}></passerelle-annuaire>`;
  }
}

form?.addEventListener('change', update);
form?.addEventListener('input', (event) => {
  if ((event.target as HTMLElement).id === 'integrer-near') update();
});
