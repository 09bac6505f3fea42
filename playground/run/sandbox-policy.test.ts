import { describe, expect, it } from "vitest";
import { sandboxPolicy } from "./sandbox-host";

const SITE = "https://session-lab.example";

/** The policy as directive → sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe("the sandbox's Content-Security-Policy", () => {
  it("in simulated mode connects nowhere, and runs scripts from the site and blob: only", () => {
    const policy = directives(sandboxPolicy(SITE));
    expect(policy["default-src"]).toEqual(["'none'"]);
    expect(policy["connect-src"]).toEqual(["'none'"]);
    expect(policy["script-src"]).toEqual([SITE, "blob:", "'unsafe-eval'"]);
    expect(policy["worker-src"]).toEqual([SITE, "blob:"]);
  });

  it("in live mode connects to the Bot API's origin and nothing else, every other directive unchanged", () => {
    const simulated = directives(sandboxPolicy(SITE));
    const live = directives(sandboxPolicy(SITE, "https://api.telegram.org"));
    expect(live["connect-src"]).toEqual(["https://api.telegram.org"]);
    expect({ ...live, "connect-src": [] }).toEqual({ ...simulated, "connect-src": [] });
    expect(directives(sandboxPolicy(SITE, "http://127.0.0.1:8081"))["connect-src"]).toEqual(["http://127.0.0.1:8081"]);
  });

  it("refuses an origin that would add sources or directives to the policy", () => {
    for (const bad of ["https://a.example https://b.example", "https://a.example; script-src *", "*", "'self'", "https://a.example/path", "data:"]) {
      expect(() => sandboxPolicy(SITE, bad)).toThrow(TypeError);
    }
  });
});
