// A Markdown table in guides and curriculum pages: its words never break inside, and when
// it is wider than a phone it scrolls in its own box, never the page (WCAG 1.4.10). That
// box can take the keyboard focus, named for screen readers (WCAG 2.1.1): always in the
// server's HTML (it may scroll), then, once the page runs, only while it does scroll.

import { type ComponentProps, type ReactNode, useEffect, useRef } from 'react';

export default function Table(props: ComponentProps<'table'>): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => {
      const scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls) {
        el.tabIndex = 0;
        el.setAttribute('role', 'region');
        el.setAttribute('aria-label', 'Tableau, faites défiler vers la droite pour tout voir');
      } else {
        el.removeAttribute('tabindex');
        el.removeAttribute('role');
        el.removeAttribute('aria-label');
      }
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(update);
    watch.observe(el);
    const table = el.firstElementChild;
    if (table) watch.observe(table);
    return () => watch.disconnect();
  }, []);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must take the focus, or the keyboard cannot scroll it.
    <div className="tableau-defilant" ref={box} tabIndex={0} role="region" aria-label="Tableau, faites défiler vers la droite pour tout voir">
      <table {...props} />
    </div>
  );
}
