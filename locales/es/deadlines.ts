import type { DeadlineStrings } from "../../playground/compare/strings/deadlines";

/** What a comparison view says when a wait ran out of time. */
export const deadlines: DeadlineStrings = {
  compile: (s) => `el compilador no terminó los programas en ${s} s.`,
  "sandbox-start": (s) => `los sandboxes no estuvieron listos en ${s} s.`,
  update: (s, n) => `la actualización ${n ?? "?"} no se procesó en todos los lados en ${s} s.`,
  database: (s) => `el IndexedDB del navegador no respondió en ${s} s.`,
  retry: (button) => `Pulsa «${button}» para intentarlo otra vez.`,
};
