/**
 * A small scanner over TypeScript source that knows where strings, template literals and comments
 * are, so the export's rewrites find code (a `(` or an identifier) and never text that only looks
 * like it. Not a parser: it tracks exactly what the rewrites need and no more.
 */

/** For every offset of `source`, whether it lies in code (not in a string, template text or comment). */
export function codeMask(source: string): boolean[] {
  const mask = new Array<boolean>(source.length).fill(true);
  // Each open template literal records the brace depth of its `${`, so a `}` knows whether it ends one.
  const templates: number[] = [];
  let braces = 0;
  let i = 0;
  const mark = (from: number, to: number) => {
    for (let k = from; k < to && k < source.length; k++) mask[k] = false;
  };
  const templateText = (start: number): number => {
    // From `start` (just after "`" or "}"), text up to the closing "`" or the next "${".
    let k = start;
    while (k < source.length) {
      if (source[k] === "\\") k += 2;
      else if (source[k] === "`") {
        mark(start - 1, k + 1);
        return k + 1;
      } else if (source[k] === "$" && source[k + 1] === "{") {
        mark(start - 1, k + 2);
        templates.push(braces);
        braces++;
        return k + 2;
      } else k++;
    }
    mark(start - 1, k);
    return k;
  };
  while (i < source.length) {
    const c = source[i];
    if (c === "/" && source[i + 1] === "/") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      mark(i, stop);
      i = stop;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? source.length : end + 2;
      mark(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let k = i + 1;
      while (k < source.length && source[k] !== c && source[k] !== "\n") k += source[k] === "\\" ? 2 : 1;
      mark(i, k + 1);
      i = k + 1;
    } else if (c === "`") {
      i = templateText(i + 1);
    } else if (c === "{") {
      braces++;
      i++;
    } else if (c === "}") {
      braces--;
      if (templates.length > 0 && templates[templates.length - 1] === braces) {
        templates.pop();
        i = templateText(i + 1);
      } else i++;
    } else i++;
  }
  return mask;
}

/**
 * The offset just after the `)` that closes the `(` at `open`, counting only parentheses in code
 * (`mask` from {@link codeMask}); -1 when it is never closed.
 */
export function closingParen(source: string, mask: boolean[], open: number): number {
  let depth = 0;
  for (let k = open; k < source.length; k++) {
    if (!mask[k]) continue;
    if (source[k] === "(") depth++;
    else if (source[k] === ")") {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return -1;
}

/**
 * Where `new <name>` followed by optional type arguments and `(` occurs in code: the offset of `new`,
 * of the `(`, and just after the matching `)`. Type arguments may nest (`<Enhance<SessionData>>`).
 */
export function findConstructions(source: string, name: string): { start: number; open: number; end: number }[] {
  const mask = codeMask(source);
  const found: { start: number; open: number; end: number }[] = [];
  const pattern = new RegExp(`\\bnew\\s+${escapeRegExp(name)}\\b`, "g");
  for (const match of source.matchAll(pattern)) {
    const start = match.index;
    if (!mask[start]) continue;
    let k = start + match[0].length;
    while (/\s/.test(source[k] ?? "")) k++;
    if (source[k] === "<") {
      let angle = 0;
      for (; k < source.length; k++) {
        if (source[k] === "<") angle++;
        else if (source[k] === ">" && source[k - 1] !== "=") {
          angle--;
          if (angle === 0) break;
        }
      }
      k++;
      while (/\s/.test(source[k] ?? "")) k++;
    }
    if (source[k] !== "(") continue;
    const end = closingParen(source, mask, k);
    if (end !== -1) found.push({ start, open: k, end });
  }
  return found;
}

/** `text` with every regular-expression metacharacter escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
