/**
 * Keeps a bot token out of everything a reader or a screenshot could see. A token is `<bot id>:<secret>`;
 * the id is public (it is the bot's user id), the secret is what gives control of the bot, so the secret is
 * replaced by "•••" wherever it appears, also percent-encoded (a URL) and on its own: `123456:•••`.
 * The sandbox masks its events before they leave the worker and the page masks them again when they arrive,
 * so neither side alone has to be right.
 */
import { copyValue } from "@session-lab/adapters-browser/values";

/** What replaces a token's secret. */
export const MASK = "•••";

/** Shorter "secrets" are not masked: replacing two letters everywhere would garble every text. */
const MIN_SECRET = 6;

/** The secret part of `token` (all of it when it has no colon), trimmed. */
function secretOf(token: string): string {
  const trimmed = token.trim();
  const colon = trimmed.indexOf(":");
  return colon === -1 ? trimmed : trimmed.slice(colon + 1);
}

/** `token` as it may be shown: `123456:•••` (or `•••` for a token without an id). */
export function maskedToken(token: string): string {
  const trimmed = token.trim();
  const colon = trimmed.indexOf(":");
  return colon === -1 ? MASK : `${trimmed.slice(0, colon)}:${MASK}`;
}

/** A function that masks every spelling of `token`'s secret in a text; the identity for an empty or very short token. */
export function tokenMasker(token: string): (text: string) => string {
  const secret = secretOf(token);
  if (secret.length < MIN_SECRET) return (text) => text;
  const spellings = [...new Set([secret, encodeURIComponent(secret), encodeURI(secret)])].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const spelling of spellings) if (out.includes(spelling)) out = out.split(spelling).join(MASK);
    return out;
  };
}

/**
 * A copy of an event (already cloneable data) with `mask` applied to every string in it, keys included:
 * the adapter package's `copyValue`, rewriting strings as it copies.
 */
export function maskDeep<T>(value: T, mask: (text: string) => string): T {
  return copyValue(value, { forPosting: true, mapString: mask }) as T;
}
