// A speech engine for browser tests: headless Chromium has `speechSynthesis` but no voice,
// so every utterance fails at once. This one (installed with page.addInitScript before the
// page's scripts) keeps what it is asked to say in `window.__spoken`, and says it until it
// is cancelled, or ends each utterance on the next tick when `autoEnd` is set (with
// page.clock, a whole page is "read" in an instant).
export interface FakeSpeechWindow {
  __spoken: string[];
  /** Ends the utterance being spoken, as the engine does when it has said it. */
  __endUtterance(): void;
}

export function fakeSpeech({ autoEnd }: { autoEnd: boolean }): void {
  type Utterance = { text: string; lang: string; voice: unknown; onend: (() => void) | null; onerror: ((e: { error: string }) => void) | null };
  const w = window as unknown as FakeSpeechWindow & Record<string, unknown>;
  w.__spoken = [];
  let current: Utterance | null = null;
  const end = () => {
    const u = current;
    current = null;
    u?.onend?.();
  };
  const engine = {
    speaking: false,
    paused: false,
    speak(u: Utterance) {
      w.__spoken.push(u.text);
      current = u;
      if (autoEnd) setTimeout(end, 0);
    },
    cancel() {
      const u = current;
      current = null;
      u?.onerror?.({ error: 'canceled' });
    },
    pause() {
      engine.paused = true;
    },
    resume() {
      engine.paused = false;
    },
    getVoices: () => [{ lang: 'fr-BE', name: 'Voix de test' }],
  };
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
  w.SpeechSynthesisUtterance = class {
    lang = '';
    voice: unknown = null;
    onend: (() => void) | null = null;
    onerror: ((e: { error: string }) => void) | null = null;
    constructor(public text: string) {}
  };
  w.__endUtterance = end;
}
