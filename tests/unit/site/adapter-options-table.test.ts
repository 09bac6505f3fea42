/**
 * The guide's table of `IndexedDBAdapter` options, in both languages, against the adapter's own
 * options interface: every option it accepts is listed, with the default its doc comment states.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

/** `name → default` from the `IndexedDBAdapterOptions` interface ("Default `x`." or "Default 10,000."). */
function declaredOptions(): Record<string, string> {
  const source = ts.createSourceFile("adapter.ts", read("adapters-browser/src/indexeddb-adapter.ts"), ts.ScriptTarget.Latest, true);
  const options = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "IndexedDBAdapterOptions");
  if (!options) throw new Error("IndexedDBAdapterOptions is gone from the adapter");
  return Object.fromEntries(
    options.members.map((member) => {
      const comment = ts.getJSDocCommentsAndTags(member).map((doc) => (typeof doc.comment === "string" ? doc.comment : "")).join(" ");
      const stated = /Default (`[^`]+`|[\d,]+)/.exec(comment)?.[1];
      if (!stated) throw new Error(`${member.name?.getText(source)} states no default`);
      return [member.name!.getText(source), stated.replace(/`/g, "").replace(/,/g, "")];
    }),
  );
}

/** `name → default` from the table that follows the sentence introducing the constructor's options. */
function documentedOptions(page: string): Record<string, string> {
  const lines = page.slice(page.indexOf("`new IndexedDBAdapter<T>(options)`")).split("\n");
  const start = lines.findIndex((line) => line.startsWith("|"));
  const end = lines.findIndex((line, i) => i > start && !line.startsWith("|"));
  const rows = lines.slice(start, end).filter((line) => line.startsWith("| `"));
  return Object.fromEntries(rows.map((row) => row.split("|").slice(1, 3).map((cell) => cell.trim().replace(/`/g, "")) as [string, string]));
}

describe.each([
  ["en", "docs/sessions/storage.md"],
  ["es", "docs/es/sessions/storage.md"],
])("the IndexedDB options table (%s)", (_locale, path) => {
  it("lists every option the adapter accepts, with its default", () => {
    expect(documentedOptions(read(path))).toEqual(declaredOptions());
  });
});
