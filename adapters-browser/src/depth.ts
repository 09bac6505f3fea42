import { readDeeperLevels } from "./deeper-levels.js";
import { eachChild, isContainer, kindOf, type ValueKind } from "./walk-value.js";

// The marker itself lives in deeper-levels.ts (the walker needs it, and depthOf needs the walker);
// it is re-exported here, where the entry points and older imports find it.
export { deeperLevels, MAX_COPY_DEPTH, readDeeperLevels } from "./deeper-levels.js";

/** How many objects {@link depthOf} visits before giving up on counting. */
const MAX_MEASURED_NODES = 100_000;

/**
 * How many levels of objects `value` holds (a primitive 0, `{}` 1, `{a: {}}` 2), counting a marker
 * as the levels it stands for; undefined when the value is too large to measure. Iterative, so any
 * depth is measured without recursion; an object already visited (a cycle, shared data) is not
 * walked again, so the result can be smaller than the deepest path through shared parts. Children
 * are what `walkValue` walks; a read that throws holds no levels we can see.
 */
export function depthOf(value: unknown): number | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<object>();
  let deepest = 0;
  let visited = 0;
  while (stack.length > 0) {
    const [item, above] = stack.pop()!;
    const marked = readDeeperLevels(item);
    if (marked !== undefined) {
      if (marked === null) return undefined;
      deepest = Math.max(deepest, above + marked);
      continue;
    }
    if (typeof item !== "object" || item === null || seen.has(item)) continue;
    if (++visited > MAX_MEASURED_NODES) return undefined;
    seen.add(item);
    const depth = above + 1;
    deepest = Math.max(deepest, depth);
    let kind: ValueKind;
    try {
      kind = kindOf(item);
      if (!isContainer(kind)) continue;
      eachChild(item, kind, (child, key, threw) => {
        if (kind === "map") stack.push([key, depth]);
        if (!threw) stack.push([child, depth]);
      });
    } catch {
      // A revoked Proxy…: what it holds cannot be counted.
    }
  }
  return deepest;
}
