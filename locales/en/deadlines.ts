import type { DeadlineStrings } from "../../playground/compare/strings/deadlines";

/** What a comparison view says when a wait ran out of time. */
export const deadlines: DeadlineStrings = {
  compile: (s) => `the compiler did not finish the programs within ${s} s.`,
  "sandbox-start": (s) => `the sandboxes did not get ready within ${s} s.`,
  update: (s, n) => `update ${n ?? "?"} was not handled on every side within ${s} s.`,
  database: (s) => `the browser's IndexedDB did not answer within ${s} s.`,
  retry: (button) => `Press “${button}” to try again.`,
};
