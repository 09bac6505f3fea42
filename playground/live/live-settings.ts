/**
 * Where live mode's settings are kept: `sessionStorage`, so they last for this tab only and never reach
 * `localStorage` (drafts, pane sizes), a share link or a server. The full playground's controller reads them
 * once when it starts and keeps them in memory; each change is written back here.
 */
import { DEFAULT_API_ROOT } from "./api-root";

/** Simulated Telegram (the default) or the reader's own bot. */
export type TelegramMode = "simulated" | "live";

/** What live mode needs to run. */
export interface LiveSettings {
  mode: TelegramMode;
  token: string;
  /** As typed; `parseApiRoot` reads it. */
  apiRoot: string;
}

/** The keys, all under `sessionStorage`. */
export const LIVE_KEYS = Object.freeze({
  mode: "session-lab:live:mode",
  token: "session-lab:live:token",
  apiRoot: "session-lab:live:api-root",
});

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === "undefined" ? undefined : sessionStorage;
  } catch {
    // A browser that refuses storage to this page: live mode still works for as long as the page is open.
    return undefined;
  }
}

/** The tab's settings (simulated, no token and Telegram's root when there are none). */
export function loadLiveSettings(): LiveSettings {
  const store = storage();
  return {
    mode: store?.getItem(LIVE_KEYS.mode) === "live" ? "live" : "simulated",
    token: store?.getItem(LIVE_KEYS.token) ?? "",
    apiRoot: store?.getItem(LIVE_KEYS.apiRoot) ?? DEFAULT_API_ROOT,
  };
}

/** Keeps `change` for this tab; an empty token is removed rather than kept. */
export function saveLiveSettings(change: Partial<LiveSettings>): void {
  const store = storage();
  if (!store) return;
  try {
    if (change.mode !== undefined) store.setItem(LIVE_KEYS.mode, change.mode);
    if (change.apiRoot !== undefined) store.setItem(LIVE_KEYS.apiRoot, change.apiRoot);
    if (change.token !== undefined) {
      if (change.token.trim()) store.setItem(LIVE_KEYS.token, change.token.trim());
      else store.removeItem(LIVE_KEYS.token);
    }
  } catch {
    // Storage full or refused: the settings hold for this page only.
  }
}
