import { deflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  decodeSharedCode,
  encodeSharedCode,
  inflateWithLimit,
  MAX_SHARED_CODE_BYTES,
  MAX_SHARED_LINK_CHARS,
  SharedLinkError,
  sharedCodeFromHash,
  shareUrl,
  tooLargeToShare,
} from "./share-link";

const program = 'import { Bot } from "grammy";\n// ¡Hola! 🍕\nconst bot = new Bot("");\nbot.start();\n';

describe("share links", () => {
  it("round-trips code through the URL, Unicode included, in URL-safe characters", () => {
    const encoded = encodeSharedCode(program);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSharedCode(encoded)).toBe(program);
  });

  it("compresses repetitive code", () => {
    const long = program.repeat(50);
    expect(encodeSharedCode(long).length).toBeLessThan(long.length / 10);
  });

  it("puts the example in the query and the code in the hash", () => {
    const url = new URL(shareUrl("https://example.org/es/playground/?example=lazy#x", "pizza", program));
    expect(url.pathname).toBe("/es/playground/");
    expect(url.searchParams.get("example")).toBe("pizza");
    expect(sharedCodeFromHash(url.hash)).toBe(program);
  });

  it("reports a damaged link instead of loading garbage", () => {
    const encoded = encodeSharedCode(program);
    expect(sharedCodeFromHash(`#code=${encoded.slice(0, 10)}`)).toBeInstanceOf(Error);
    expect(sharedCodeFromHash("#other=1")).toBeUndefined();
  });
});

describe("share links that would take the tab down", () => {
  // 64 MB of one byte deflates to about 64 KB: a link of the kind that crashed the tab when inflated whole.
  const bombBytes = deflateSync(new Uint8Array(64 * 1024 * 1024).fill(0x61), { level: 9 });
  const bomb = toLink(bombBytes);

  it("refuses a zip bomb as soon as the output passes the cap, without inflating the rest", () => {
    expect(bomb.length).toBeLessThan(MAX_SHARED_LINK_CHARS);
    const result = decodeSharedCode(bomb);
    expect(result).toBeInstanceOf(SharedLinkError);
    const error = result as SharedLinkError;
    expect(error.problem).toBe("too-large");
    // Stopped within one step past the cap (≤ ~1 MB), nowhere near the 64 MB the link holds.
    expect(error.inflatedBytes).toBeGreaterThan(MAX_SHARED_CODE_BYTES);
    expect(error.inflatedBytes).toBeLessThan(MAX_SHARED_CODE_BYTES + 2 * 1024 * 1024);
  });

  it("inflates in bounded steps: the limit holds for any input", () => {
    const data = deflateSync(new Uint8Array(5_000).fill(1));
    expect(inflateWithLimit(data, 5_000)).toHaveLength(5_000);
    expect(() => inflateWithLimit(data, 4_999)).toThrow(SharedLinkError);
  });

  it("refuses a link over the length cap before decoding it", () => {
    const result = sharedCodeFromHash(`#code=${"A".repeat(MAX_SHARED_LINK_CHARS + 1)}`);
    expect(result).toBeInstanceOf(SharedLinkError);
    expect((result as SharedLinkError).problem).toBe("too-long");
  });

  it("still opens any code under the cap, even code that does not compress", () => {
    // Random printable ASCII barely compresses: the worst case for the link's length.
    let seed = 7;
    const random = Array.from({ length: MAX_SHARED_CODE_BYTES }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(32 + (seed % 95));
    }).join("");
    expect(tooLargeToShare(random)).toBe(false);
    const encoded = encodeSharedCode(random);
    expect(encoded.length).toBeLessThanOrEqual(MAX_SHARED_LINK_CHARS);
    expect(decodeSharedCode(encoded)).toBe(random);
    expect(tooLargeToShare(`${random}x`)).toBe(true);
    expect((decodeSharedCode(encodeSharedCode(`${random}x`)) as SharedLinkError).problem).toBe("too-large");
  });

  it("calls a link cut short damaged", () => {
    const result = decodeSharedCode(encodeSharedCode(program.repeat(20)).slice(0, 40));
    expect((result as SharedLinkError).problem).toBe("damaged");
    expect((decodeSharedCode("!!!") as SharedLinkError).problem).toBe("damaged");
  });
});

/** Deflated bytes as a `#code=` value (base64url), the way encodeSharedCode writes them. */
function toLink(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}
