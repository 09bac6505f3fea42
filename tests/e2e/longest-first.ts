/**
 * The order the e2e files start in: the longest first, so the two workers end together instead of one
 * finishing a long file alone at the end. vitest's own order needs the timings of an earlier run, which a
 * fresh clone (CI) does not have, and falls back to file size, which says little about a file's time.
 */
import { basename } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Seconds each file takes in `npm test` on a 2-core machine (vitest prints them; these are the mean of two idle
 * runs and one beside two CPU hogs). Only the order matters; a file missing here runs first, as vitest runs
 * files it knows nothing about.
 */
const TYPICAL_SECONDS: Record<string, number> = {
  "a11y.test.ts": 75,
  "playground.test.ts": 55,
  "compare.test.ts": 55,
  "compare-layout.test.ts": 55,
  "a11y-playground.test.ts": 49,
  "home.test.ts": 47,
  "editor.test.ts": 31,
  "live-mode.test.ts": 25,
  "docs.test.ts": 25,
  "export.test.ts": 22,
  "storage-kinds.test.ts": 20,
  "run-status.test.ts": 20,
  "playground-es.test.ts": 18,
  "share-links.test.ts": 16,
  "hostile-sandbox.test.ts": 16,
  "layout.test.ts": 13,
  "keyboard.test.ts": 11,
  "concurrency.test.ts": 10,
  "hostile-values.test.ts": 8,
  "compile-messages.test.ts": 4,
  "chat-formatting.test.ts": 4,
  "traffic-announcements.test.ts": 3,
};

const UNKNOWN = Number.MAX_SAFE_INTEGER;

/** vitest's sequencer with {@link TYPICAL_SECONDS} for the order. */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (file: TestSpecification) => TYPICAL_SECONDS[basename(file.moduleId)] ?? UNKNOWN;
    return [...files].sort((a, b) => seconds(b) - seconds(a));
  }
}
