import { describeSummary } from "../components/describe-update";
import type { PlaygroundMessages } from "../i18n";
import type { PlaygroundStore } from "../store";

/** "update 3 (Ana in private chat: 🍕)": one update of the current run, named inside a sentence. */
export function updateInSentence(t: PlaygroundMessages, store: PlaygroundStore, updateId: number): string {
  return `${t.console.update(updateId)} (${describeSummary(t, store.summaryOf(updateId))})`;
}

/** `text` with its first letter in upper case, to start a sentence with a phrase made for its middle. */
export function sentenceStart(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
