/**
 * What a call's row says about the value it moved, and when that value is too long for its line: then
 * the row shows it collapsed on one line with a disclosure button, and expanding shows it whole,
 * pretty-printed. Nothing is ever cut with "…", except levels nested deeper than a reader can follow,
 * which both forms collapse into a count in the reader's language. Pure: no DOM, no Vue.
 */
import type { PlaygroundMessages } from "../../i18n";
import type { StorageOpEvent } from "../../store";
import { formatValue } from "../../store/format-value";

/** A call's value as its row shows it. */
export interface CallValue {
  /** The value on one line, or a word ("not found") when the call moved no value. */
  line: string;
  /** The line is a word, not data: drawn muted. */
  word: boolean;
  /** The value pretty-printed, for the expanded row (made on demand); undefined when there is no value. */
  whole?: () => string;
  /** A write that stored exactly what the key held before (strict sessions write back unchanged data). */
  unchanged: boolean;
}

/** What the row of `event` shows as its value. */
export function callValue(event: StorageOpEvent, t: PlaygroundMessages): CallValue {
  const deeper = t.deeperLevels;
  const data = (value: unknown): CallValue => ({
    line: formatValue(value, { deeper }),
    word: false,
    whole: () => formatValue(value, { pretty: true, deeper }),
    unchanged: false,
  });
  const word = (line: string): CallValue => ({ line, word: true, unchanged: false });
  if (event.error !== undefined) return word(`✗ ${t.traffic.error}: ${event.error}`);
  switch (event.op) {
    case "read":
      return event.found ? data(event.value) : word(t.traffic.notFound);
    case "write": {
      const shown = data(event.value);
      // Compared as the reader sees them: two values that print the same are the same to them.
      shown.unchanged = event.before !== undefined && formatValue(event.before, { deeper }) === shown.line;
      return shown;
    }
    case "delete":
      return event.before === undefined ? word("") : data(event.before);
    case "has":
      return word(event.found ? t.traffic.found : t.traffic.notFound);
    default:
      return "value" in event ? data(event.value) : word("");
  }
}

/**
 * How many characters of a monospace value fit on a row `rowWidth` px wide, after the fixed columns
 * (glyph, op, duration, button) and the key. `charWidth` errs on the wide side, so a value that might not
 * fit gets its disclosure button: a button too many costs nothing, a clipped value without one hides data.
 */
export function charsThatFit(rowWidth: number, keyLength: number, charWidth = 7.4): number {
  // Glyph and gaps, the op's 6ch, a duration of up to 8 characters, the button.
  const fixed = 40 + 6 * charWidth + 8 * charWidth + 26;
  return Math.max(0, Math.floor((rowWidth - fixed - (keyLength + 1) * charWidth) / charWidth));
}

/** The value needs a disclosure button: it is longer than its line, or its pretty form says more. */
export function needsDisclosure(value: CallValue, fit: number): boolean {
  return value.whole !== undefined && value.line.length > fit;
}
