/**
 * The shape of the concurrency view's words (each language's are in `locales/<lang>/concurrency.ts`).
 * Only wording: every number, key and value the view shows comes from the storage calls real grammY made.
 */
import type { Schedule } from "../../scenario/schedules";
import type { Step } from "../../scenario/format";
import type { KeyStrategy } from "../../scenario/programs";

/** Every string of the concurrency view in one language. */
export interface ConcurrencyStrings {
  /** The view's accessible name and heading. */
  title: string;
  intro: string;
  updatesHeading: string;
  /** A scenario step as a line: "Ana in her private chat: 🍕". */
  describe(step: Step): string;
  keyLabel: string;
  keys: Record<KeyStrategy, string>;
  /** Introduces the keys the runs used, as observed in their storage calls. */
  keysUsed: string;
  runAgain: string;
  status: { idle: string; running(column: string): string; done(counts: string, sent: number): string; failed: string };
  /** The three runs: a heading and the words used inside other labels ("at the same time"). */
  columns: Record<Schedule, { title: string; short: string; detail: string }>;
  timelineLabel(short: string): string;
  finalCountLabel(short: string): string;
  finalCount: string;
  waiting: string;
  running: string;
  update(id: number): string;
  /** The storage calls' names: the adapter's own method names in every language, as in the other views and the traffic log. */
  ops: Record<"read" | "write" | "delete", string>;
  phase: {
    readStart: string;
    readEnd(found: string | undefined): string;
    writeStart(value: string): string;
    writeEnd: string;
    deleteStart: string;
    deleteEnd: string;
    failed(message: string): string;
  };
  overlapMark: string;
  overlapNote: string;
  /** Precedes a key and the session stored under it after the run. */
  storedUnder: string;
  nothingStored: string;
  verdict(sent: number, counted: number): string;
  handlerError(updateId: number, message: string): string;
  failed(column: string, message: string): string;
  explanation: string;
  /** Unfolds the generated programs the runs' sandboxes ran. */
  programs: string;
  /** The accessible name of one run's program. */
  programOf(column: string): string;
  /** The strip of the three outcomes at the top of the view. */
  outcomesLabel: string;
  outcomeName: Record<Schedule, string>;
  outcome(counted: number, sent: number): string;
  outcomeLost(lost: number): string;
  outcomeKept: string;
  outcomeFailed: string;
}
