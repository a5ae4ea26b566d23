// The one script of every light page (home, directory, listings; site/directory/shell.ts
// adds it): the header's menu, a <details> that works without it, also closes with
// Escape (the focus goes back to « Menu »), when the focus or a tap goes elsewhere, and
// when the page is left (back button). The same as the header does on Docusaurus pages.

function enhanceMenu(menu: HTMLDetailsElement): void {
  const summary = menu.querySelector('summary');
  const close = (focusButton: boolean) => {
    if (!menu.open) return;
    menu.open = false;
    if (focusButton) summary?.focus();
  };
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close(true);
  });
  menu.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (next instanceof Node && !menu.contains(next)) close(false);
  });
  document.addEventListener('click', (event) => {
    if (event.target instanceof Node && !menu.contains(event.target)) close(false);
  });
  window.addEventListener('pageshow', () => close(false));
}

const menu = document.querySelector<HTMLDetailsElement>('details.entete__menu');
if (menu) enhanceMenu(menu);
