import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleProgram } from "../compiler/bundle";
import { StackMapper } from "./stack-mapper";

const source = ['import { Bot } from "grammy";', "", "const bot = new Bot(\"\");", "function fail(): never {", '  throw new Error("x");', "}", "fail();"].join("\n");

async function compiled() {
  const result = await bundleProgram(esbuild, source, "bot.ts");
  if (!result.ok) throw new Error("does not compile");
  return result;
}

/** The generated 1-based line and column of `needle` in the bundle. */
function generated(code: string, needle: string) {
  const lines = code.split("\n");
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

describe("StackMapper", () => {
  it("maps the first bundle frame of a stack to the user's line and column", async () => {
    const { code, map } = await compiled();
    const url = "blob:http://localhost:5173/1c9e-uuid";
    const at = generated(code, 'new Error("x")');
    const stack = [
      "Error: x",
      "    at fail (" + url + ":" + at.line + ":" + at.column + ")",
      "    at " + url + ":999:1",
    ].join("\n");
    const mapper = new StackMapper(url, map, "bot.ts");
    expect(mapper.locateStack(stack)).toEqual({ line: 5, column: 9 });
    expect(mapper.locate({ stack })).toEqual({ line: 5, column: 9 });
    expect(mapper.rewriteStack(stack, "bot.ts").split("\n")[1]).toBe("    at fail (bot.ts:5:9)");
  });

  it("skips frames outside the bundle and positions outside the user's file", async () => {
    const { code, map } = await compiled();
    const url = "blob:http://localhost/abc";
    const shim = generated(code, "module.exports = registry");
    const user = generated(code, "fail();");
    const stack = [
      "Error",
      "    at http://localhost/assets/sandbox.worker-x.js:1:200",
      "    at " + url + ":" + shim.line + ":" + shim.column,
      "    at " + url + ":" + user.line + ":" + user.column,
    ].join("\n");
    expect(new StackMapper(url, map, "bot.ts").locateStack(stack)).toEqual({ line: 7, column: 1 });
  });

  it("gives no position for unrelated stacks or an unreadable map", async () => {
    const { map } = await compiled();
    expect(new StackMapper("blob:a", map).locateStack("Error\n    at blob:b:3:4")).toBeUndefined();
    expect(new StackMapper("blob:a", "not json").locateStack("Error\n    at blob:a:3:4")).toBeUndefined();
    expect(new StackMapper("blob:a", map).locate("just a string")).toBeUndefined();
  });
});
