import { deflateSync, Inflate, strFromU8, strToU8 } from "fflate";
import { errorMessage } from "../error-text";
import { localePath, type Locale } from "../i18n/locale";

/** The URL hash parameter that carries shared code. */
export const SHARE_PARAM = "code";

/**
 * The most code a link may carry, in UTF-8 bytes: 256 KiB. The examples are under 3 KB and a long bot program
 * is some tens of KB, so no real program comes near it; a link that inflates past it (a "zip bomb": 190 KB
 * that would grow to 150 MB and take the tab down) is refused as soon as the output passes it.
 */
export const MAX_SHARED_CODE_BYTES = 256 * 1024;

/**
 * The longest `#code=` value read at all: 360,000 characters, checked before any decoding. Room for any code
 * under MAX_SHARED_CODE_BYTES even if it did not compress at all (stored deflate blocks add 5 bytes per
 * 64 KiB, base64 a third), so every link the Share button makes opens again.
 */
export const MAX_SHARED_LINK_CHARS = 360_000;

/** Input fed to the inflater per step: deflate grows 1 byte into at most ~1,032, so one step yields ≤ ~1 MB. */
const INFLATE_STEP = 1024;

/** Why a link's code was not loaded: too long to read, inflating past the cap, or not a valid link. */
export type SharedLinkProblem = "too-long" | "too-large" | "damaged";

/** A link that could not be read, and why; nothing from it was loaded. */
export class SharedLinkError extends Error {
  constructor(
    readonly problem: SharedLinkProblem,
    message: string,
    /** For "too-large": how many bytes had been inflated when inflating stopped (bounded, never the whole). */
    readonly inflatedBytes = 0,
  ) {
    super(message);
    this.name = "SharedLinkError";
  }
}

/** Bytes → base64url without padding, so the code fits in a URL hash untouched by encoders. */
function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `code` as the value of `#code=…`: UTF-8, deflated (fflate, level 9), base64url. */
export function encodeSharedCode(code: string): string {
  return toBase64Url(deflateSync(strToU8(code), { level: 9 }));
}

/** True when `code` is too large for a link (the Share button refuses it rather than make a link that won't open). */
export function tooLargeToShare(code: string): boolean {
  return strToU8(code).length > MAX_SHARED_CODE_BYTES;
}

/**
 * Inflates `data` step by step and stops as soon as the output passes `limit` bytes, so a tiny input that
 * would inflate to gigabytes costs at most `limit` plus one step's output (fflate's inflateSync has no limit).
 */
export function inflateWithLimit(data: Uint8Array, limit: number): Uint8Array {
  if (data.length === 0) throw new SharedLinkError("damaged", "empty");
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
  });
  for (let at = 0; at < data.length; at += INFLATE_STEP) {
    inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
    if (total > limit) throw new SharedLinkError("too-large", `inflates past ${limit} bytes`, total);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * The code in a `#code=…` value, or a SharedLinkError saying why it cannot be read: too long, inflating
 * past MAX_SHARED_CODE_BYTES, or damaged (cut short, say).
 */
export function decodeSharedCode(value: string): string | SharedLinkError {
  if (value.length > MAX_SHARED_LINK_CHARS) return new SharedLinkError("too-long", `longer than ${MAX_SHARED_LINK_CHARS} characters`);
  try {
    return strFromU8(inflateWithLimit(fromBase64Url(value), MAX_SHARED_CODE_BYTES));
  } catch (error) {
    if (error instanceof SharedLinkError) return error;
    return new SharedLinkError("damaged", errorMessage(error));
  }
}

/** The raw `#code=…` value in a location hash, if there is one. */
export function sharedValueFromHash(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, "")).get(SHARE_PARAM) || undefined;
}

/** The shared code in a location hash (`#code=…`), if there is any. */
export function sharedCodeFromHash(hash: string): string | SharedLinkError | undefined {
  const value = sharedValueFromHash(hash);
  return value ? decodeSharedCode(value) : undefined;
}

/**
 * The link that opens the full playground on `example` with `code` in it. The code rides in the hash, so it
 * never reaches a server log; opening the link never runs it.
 */
export function shareUrl(base: string, example: string, code: string): string {
  const url = new URL(base);
  url.search = new URLSearchParams({ example }).toString();
  url.hash = `${SHARE_PARAM}=${encodeSharedCode(code)}`;
  return url.toString();
}

/** The full playground's path in `locale` (before the site base is added). */
export function fullPlaygroundPath(locale: Locale): string {
  return localePath(locale, "/playground");
}
