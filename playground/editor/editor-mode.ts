/** Below this viewport width Monaco is more hindrance than help (and its widgets overflow). */
export const TEXTAREA_BELOW_WIDTH = 640;

/** What decides between Monaco and the plain text area. */
export interface EditorEnvironment {
  /** The parent asked for the text area. */
  forced: boolean;
  /** The viewport is narrower than {@link TEXTAREA_BELOW_WIDTH}. */
  narrow: boolean;
  /** The primary pointer is a finger (`(pointer: coarse)`): a phone or a tablet. */
  coarsePointer: boolean;
}

/** True when the plain text area should be the editor: Monaco is then never downloaded. */
export function prefersTextarea(env: EditorEnvironment): boolean {
  return env.forced || env.narrow || env.coarsePointer;
}

/** Reads the environment from the browser. Call it only on the client. */
export function readEnvironment(win: Window, forced: boolean): EditorEnvironment {
  return {
    forced,
    narrow: win.matchMedia(`(max-width: ${TEXTAREA_BELOW_WIDTH - 0.02}px)`).matches,
    coarsePointer: win.matchMedia("(pointer: coarse)").matches,
  };
}

let modelCounter = 0;

/**
 * A model URI no other editor on the page uses: Monaco keeps one model per URI for the whole page,
 * and two playgrounds on one docs page would otherwise share (and overwrite) one `bot.ts`.
 * The filename is kept as the last segment so the TypeScript service sees a `.ts` file.
 */
export function nextModelUri(filename: string): string {
  const safe = filename.replace(/[^\w.-]+/g, "_") || "bot.ts";
  return `file:///playground-${++modelCounter}/${safe}`;
}
