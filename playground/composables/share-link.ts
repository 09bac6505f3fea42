import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";

/** The URL hash parameter that carries shared code. */
export const SHARE_PARAM = "code";

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

/** The code in a `#code=…` value, or an Error saying why it cannot be read (a link cut short, say). */
export function decodeSharedCode(value: string): string | Error {
  try {
    return strFromU8(inflateSync(fromBase64Url(value)));
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The shared code in a location hash (`#code=…`), if there is any. */
export function sharedCodeFromHash(hash: string): string | Error | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const value = params.get(SHARE_PARAM);
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
export function fullPlaygroundPath(locale: "en" | "es"): string {
  return locale === "es" ? "/es/playground" : "/playground";
}
