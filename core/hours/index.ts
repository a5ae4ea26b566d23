// Opening hours: parse and check (parse.ts), evaluate (evaluate.ts), and the one French
// formatter (format.ts, also imported alone by browser scripts).

export * from './evaluate.ts';
export * from './format.ts';
export * from './parse.ts';
