import { describe, expect, it } from "vitest";
import { isButtonUrlAllowed } from "./button-url";

describe("isButtonUrlAllowed", () => {
  it("accepts http, https and tg URLs, as Telegram does", () => {
    for (const url of ["https://grammy.dev", "http://example.com/a?b=1", "tg://resolve?domain=botfather", "HTTPS://T.ME/botfather"]) {
      expect(isButtonUrlAllowed(url), url).toBe(true);
    }
  });

  it("refuses every other scheme, however it is disguised, and what is not a URL", () => {
    for (const url of [
      "blob:http://localhost:5173/0d9c0f1e-9d2c-4b4a-8f0e-2c1b7c1d2e3f",
      "javascript:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "ftp://example.com",
      "//example.com",
      "/playground",
      "grammy.dev",
      "",
      42,
      undefined,
    ]) {
      expect(isButtonUrlAllowed(url), String(url)).toBe(false);
    }
  });
});
