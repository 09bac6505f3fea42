/**
 * The order the e2e files start in: the longest first, so the two workers end together instead of one
 * finishing a long file alone at the end. vitest's own order needs the timings of an earlier run, which a
 * fresh clone (CI) does not have, and falls back to file size, which says little about a file's time.
 */
import { basename } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Seconds each file took in an idle `npm run test:e2e` on a 2-core machine (vitest prints them). Only the
 * order matters; a file missing here runs first, as vitest runs files it knows nothing about.
 */
const TYPICAL_SECONDS: Record<string, number> = {
  "a11y.test.ts": 114,
  "compare.test.ts": 88,
  "compare-layout.test.ts": 88,
  "playground.test.ts": 85,
  "a11y-playground.test.ts": 73,
  "editor.test.ts": 66,
  "docs.test.ts": 65,
  "home.test.ts": 62,
  "live-mode.test.ts": 55,
  "export.test.ts": 49,
  "storage-kinds.test.ts": 48,
  "share-links.test.ts": 44,
  "run-status.test.ts": 44,
  "playground-es.test.ts": 40,
  "hostile-sandbox.test.ts": 37,
  "layout.test.ts": 25,
  "keyboard.test.ts": 23,
  "concurrency.test.ts": 20,
  "hostile-values.test.ts": 15,
  "compile-messages.test.ts": 12,
  "chat-formatting.test.ts": 12,
  "traffic-announcements.test.ts": 6,
};

const UNKNOWN = Number.MAX_SAFE_INTEGER;

/** vitest's sequencer with {@link TYPICAL_SECONDS} for the order. */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (file: TestSpecification) => TYPICAL_SECONDS[basename(file.moduleId)] ?? UNKNOWN;
    return [...files].sort((a, b) => seconds(b) - seconds(a));
  }
}
