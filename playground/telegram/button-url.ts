/**
 * Which URLs a url button may carry. Telegram refuses the rest with `BUTTON_URL_INVALID`; the
 * simulator does the same, and the chat draws a link only for these, so a program cannot make a
 * button that opens a `blob:`, `data:` or `javascript:` page on the site's origin.
 */

/** The schemes Telegram accepts in an inline keyboard button's `url`. */
export const BUTTON_URL_SCHEMES: readonly string[] = ["http:", "https:", "tg:"];

/**
 * Whether `url` is one Telegram accepts for a url button: an absolute URL with the `http`, `https`
 * or `tg` scheme (in any case). Parsed as the browser parses an `href`, so tabs, newlines and
 * leading spaces cannot hide another scheme.
 */
export function isButtonUrlAllowed(url: unknown): url is string {
  if (typeof url !== "string" || url === "") return false;
  try {
    return BUTTON_URL_SCHEMES.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
