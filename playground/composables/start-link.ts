/**
 * `?start=1`: the home page's one-click path into a running playground. The full page that opens with it
 * loads the example, runs it, and sends the first message; the parameter is then removed from the URL so
 * a reload does not run anything again.
 */
export const START_PARAM = "start";

/** Whether `search` (a location's query string) asks the playground to start by itself. */
export function asksToStart(search: string): boolean {
  return new URLSearchParams(search).get(START_PARAM) === "1";
}

/** `href` without the start parameter (and without a `#code=` hash, which a start link never honours). */
export function withoutStart(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(START_PARAM);
  url.hash = "";
  return url.toString();
}

/** What Ana writes first in her private chat: a pizza, so the session is read and written at once. */
export const FIRST_MESSAGE = "🍕";
