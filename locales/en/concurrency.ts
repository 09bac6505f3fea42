import type { ConcurrencyStrings } from "../../playground/compare/strings/concurrency";
import { describeStep } from "../../playground/compare/describe-step";
import { comparison } from "./comparison";

/** The lost-update view (its numbers, keys and values all come from the storage calls real grammY made). */
export const concurrency: ConcurrencyStrings = {
  title: "A lost update, three ways",
  intro: "The same two updates, with a per-user key, handled by the playground's grammY pizza counter on IndexedDB in your browser: once one after another, once at the same time, and once at the same time with sequentialize.",
  updatesHeading: "The updates",
  describe: (step) => describeStep(step, comparison),
  keyLabel: "Session key",
  keys: {
    chat: "per chat (grammY's default, ctx.chatId)",
    user: "per user (ctx.from.id)",
    "user-chat": "per user and chat (ctx.from.id/ctx.chatId)",
  },
  keysUsed: "the runs used",
  runAgain: "Run again",
  status: {
    idle: "Ready.",
    running: (column) => `Running: ${column}…`,
    done: (counts, sent) => `Done. Final counts: ${counts}, of ${sent} pizzas sent.`,
    failed: "A run failed; see the message below.",
  },
  columns: {
    sequential: { title: "One after another (bot.start())", short: "one after another", detail: "Each update is handled to the end before the next one starts." },
    concurrent: { title: "At the same time (webhooks, runner)", short: "at the same time", detail: "Both updates are handed to the bot at once." },
    sequentialized: {
      title: "At the same time with sequentialize",
      short: "at the same time with sequentialize",
      detail: "Both at once, through sequentialize with the session's key function.",
    },
  },
  timelineLabel: (short) => `Storage calls, ${short}`,
  finalCountLabel: (short) => `Final count, ${short}`,
  finalCount: "Final count",
  waiting: "Waiting for its turn.",
  running: "Running…",
  update: (id) => `Update ${id}`,
  ops: { read: "read", write: "write", delete: "delete" },
  phase: {
    readStart: "starts",
    readEnd: (found) => (found === undefined ? "done: finds nothing" : `done: finds ${found}`),
    writeStart: (value) => `starts: ${value}`,
    writeEnd: "done: stored",
    deleteStart: "starts",
    deleteEnd: "done: deleted",
    failed: (message) => `failed: ${message}`,
  },
  overlapMark: "overlaps",
  overlapNote:
    "Highlighted: reads made while another update with the same key had read the session and not yet written it back. Both start from the same old value, so the last write wins.",
  storedUnder: "Stored under",
  nothingStored: "Nothing stored.",
  verdict(sent, counted) {
    const lost = sent - counted;
    const head = `${sent} ${sent === 1 ? "pizza" : "pizzas"} sent, ${counted} counted`;
    if (lost <= 0) return `${head}: nothing lost.`;
    return `${head}: ${lost === 1 ? "one update" : `${lost} updates`} lost.`;
  },
  handlerError: (updateId, message) => `Update ${updateId} failed: ${message}`,
  failed: (column, message) => `${column}: the run failed. ${message}`,
  programs: "The code each run ran",
  programOf: (column) => `The program of “${column}”`,
  explanation:
    "grammY reads the session before your handlers and writes it after them, so two updates with one key must not overlap; sequentialize(getSessionKey), installed before the session, makes them take turns.",
  outcomesLabel: "Pizzas counted in each run",
  outcomeName: { sequential: "One after another", concurrent: "At the same time", sequentialized: "With sequentialize" },
  outcome: (counted, sent) => `${counted} of ${sent} counted`,
  outcomeLost: (lost) => (lost === 1 ? "one lost" : `${lost} lost`),
  outcomeKept: "none lost",
  outcomeFailed: "failed",
};
