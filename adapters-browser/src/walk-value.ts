import { readDeeperLevels } from "./deeper-levels.js";

/**
 * What a walk sees a value as. Containers (`array`, `map`, `set`, `object` for plain objects with
 * `Object.prototype` or no prototype, `instance` for class instances and host objects) have children
 * that are walked; every other kind is a leaf: `primitive` (strings, numbers, bigints, booleans,
 * `undefined`, `null`), `marker` (a `deeperLevels` string standing for levels a copy cut), `function`,
 * `symbol`, `date`, `regexp`, `error`, `binary` (typed arrays, DataViews, ArrayBuffers) and `node` (DOM nodes).
 */
export type ValueKind = LeafKind | ContainerKind;

/** The kinds whose children a walk enters. */
export type ContainerKind = "array" | "map" | "set" | "object" | "instance";

/** The kinds a walk does not enter. */
export type LeafKind = "primitive" | "marker" | "function" | "symbol" | "date" | "regexp" | "error" | "binary" | "node";

/**
 * The {@link ValueKind} of `value`. It can throw on a hostile object (a revoked Proxy); a walk turns
 * that into {@link ValueVisitor.unreadable}.
 */
export function kindOf(value: unknown): ValueKind {
  switch (typeof value) {
    case "function":
      return "function";
    case "symbol":
      return "symbol";
    case "string":
      return readDeeperLevels(value) === undefined ? "primitive" : "marker";
    case "object":
      if (value === null) return "primitive";
      break;
    default:
      return "primitive";
  }
  const proto: unknown = Object.getPrototypeOf(value);
  // Session data is nearly all plain objects and arrays: they are told apart before any instanceof.
  if (proto === Object.prototype || proto === null) return "object";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return "date";
  if (value instanceof Map) return "map";
  if (value instanceof Set) return "set";
  if (value instanceof RegExp) return "regexp";
  if (value instanceof Error) return "error";
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return "binary";
  if (typeof Node !== "undefined" && value instanceof Node) return "node";
  return "instance";
}

/**
 * The short text that stands for a leaf with no copy or text of its own, the same in copies and in
 * formatted values: `[Function greet]` (`[Function]` unnamed), `Symbol(tag)`, `[HTMLDivElement]`,
 * and binary data by type and length, `Uint8Array(3)` or `ArrayBuffer(8)`.
 */
export function describeLeaf(value: unknown, kind: "function" | "symbol" | "node" | "binary"): string {
  if (kind === "symbol") return (value as symbol).toString();
  if (kind === "function") {
    const name = (value as { name?: unknown }).name;
    return typeof name === "string" && name ? `[Function ${name}]` : "[Function]";
  }
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (kind === "node") return `[${tag}]`;
  const size = value instanceof ArrayBuffer ? value.byteLength : ((value as { length?: number }).length ?? (value as DataView).byteLength);
  return `${tag}(${size})`;
}

/** Whether a walk enters values of this kind. */
export function isContainer(kind: ValueKind): kind is ContainerKind {
  return kind === "object" || kind === "array" || kind === "map" || kind === "set" || kind === "instance";
}

/**
 * Calls `visit` for each child of a container as structured clone sees them: an array's items by
 * index (holes read as `undefined`), an object's own enumerable string keys, a Set's values, and a
 * Map's values with their keys (for a Map, `key` is the entry's key, itself a value to walk). A read
 * that throws (a getter, a Proxy trap) calls `visit` with the error and `threw` set, and the walk goes
 * on; listing the children can throw (a Proxy's `ownKeys`).
 */
export function eachChild(object: object, kind: ContainerKind, visit: (child: unknown, key: unknown, threw: boolean) => void): void {
  if (kind === "map") {
    for (const [key, child] of object as Map<unknown, unknown>) visit(child, key, false);
  } else if (kind === "set") {
    for (const child of object as Set<unknown>) visit(child, undefined, false);
  } else {
    const keys: (string | number)[] | undefined = kind === "array" ? undefined : Object.keys(object);
    const count = keys ? keys.length : (object as unknown[]).length;
    for (let i = 0; i < count; i++) {
      const key = keys ? keys[i] : i;
      let child: unknown;
      try {
        child = (object as Record<string | number, unknown>)[key];
      } catch (error) {
        visit(error, key, true);
        continue;
      }
      visit(child, key, false);
    }
  }
}

/**
 * What a {@link walkValue} makes of each value it meets: `R` is the result for one value (a copy, a
 * piece of text), `B` what a container's children are gathered into while it is walked.
 */
export interface ValueVisitor<R, B> {
  /** The result for a value of a {@link LeafKind}; `depth` counts the containers around it. */
  leaf(value: unknown, kind: LeafKind, depth: number): R;
  /**
   * Optional: the whole result for a container, without walking it (a copier hands a host object to
   * `structuredClone`), or `undefined` to walk it.
   */
  whole?(value: object, kind: ContainerKind, depth: number): { result: R } | undefined;
  /** Starts a container: what its children are gathered into. */
  open(value: object, kind: ContainerKind, depth: number): B;
  /** Adds one child's result: `key` is the property name, the array index, or `undefined` in a Set. */
  add(into: B, child: R, key: string | number | undefined): void;
  /** Adds one Map entry: the results for its key and its value. */
  addEntry(into: B, key: R, value: R): void;
  /** Finishes a container once every child is added. */
  close(into: B, value: object, kind: ContainerKind, depth: number): R;
  /** The result for a container at `maxDepth`, which is not entered. */
  cut(value: object, kind: ContainerKind, depth: number): R;
  /**
   * The result for a container met again: inside itself (a cycle), or, when `revisit` is `"share"`,
   * anywhere after its first visit. `into` is what {@link open} made for it then.
   */
  again(value: object, into: B): R;
  /** The result for a value that could not be read (a getter or Proxy trap threw); it may rethrow. */
  unreadable(error: unknown): R;
}

/** How {@link walkValue} treats depth and values met more than once. */
export interface WalkOptions {
  /** Containers this many containers down are not entered: {@link ValueVisitor.cut} stands for them. */
  maxDepth: number;
  /**
   * `"share"`: a container met a second time anywhere is not walked again ({@link ValueVisitor.again}
   * gets what was made for it, so a copy keeps cycles and shared parts shared, as a clone does).
   * `"repeat"`: only a container met inside itself goes to `again` (a formatter writes `[Circular]`);
   * a part shared by two others is walked at each place it appears.
   */
  revisit: "share" | "repeat";
}

/**
 * Walks `value` depth first, classifying each part with {@link kindOf}, reading children
 * getter-safely, tracking cycles and depth, and builds the result `visitor` makes. One walk serves
 * the copiers (`snapshot`, a copy that `postMessage` accepts) and the formatters of the playground.
 */
export function walkValue<R, B>(value: unknown, visitor: ValueVisitor<R, B>, options: WalkOptions): R {
  const { maxDepth } = options;
  // "share" remembers every container; "repeat" only the ones being walked, a stack no deeper than
  // maxDepth, where a linear search beats a Map.
  const made = options.revisit === "share" ? new Map<object, B>() : undefined;
  const open: object[] = [];
  const opened: B[] = [];
  const visit = (item: unknown, depth: number): R => {
    let kind: ValueKind;
    try {
      kind = kindOf(item);
    } catch (error) {
      return visitor.unreadable(error);
    }
    if (!isContainer(kind)) return visitor.leaf(item, kind, depth);
    const object = item as object;
    if (made) {
      const before = made.get(object);
      if (before !== undefined || made.has(object)) return visitor.again(object, before as B);
    } else {
      const at = open.indexOf(object);
      if (at >= 0) return visitor.again(object, opened[at]);
    }
    if (depth >= maxDepth) return visitor.cut(object, kind, depth);
    const whole = visitor.whole?.(object, kind, depth);
    if (whole) return whole.result;
    const into = visitor.open(object, kind, depth);
    if (made) made.set(object, into);
    else {
      open.push(object);
      opened.push(into);
    }
    const below = depth + 1;
    try {
      eachChild(object, kind, (child, key, threw) => {
        const result = threw ? visitor.unreadable(child) : visit(child, below);
        if (kind === "map") visitor.addEntry(into, visit(key, below), result);
        else visitor.add(into, result, key as string | number | undefined);
      });
    } catch (error) {
      return visitor.unreadable(error);
    } finally {
      if (!made) {
        open.pop();
        opened.pop();
      }
    }
    return visitor.close(into, object, kind, depth);
  };
  return visit(value, 0);
}
