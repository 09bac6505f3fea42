import { deeperLevels, depthOf, MAX_COPY_DEPTH } from "./depth.js";
import { describeLeaf, walkValue, type ContainerKind, type LeafKind, type ValueVisitor } from "./walk-value.js";

/** How {@link copyValue} copies. */
export interface CopyOptions {
  /**
   * A copy about to be posted (`postMessage` clones it once more): parts structured clone takes on
   * their own (Dates, RegExps, typed arrays, ArrayBuffers, host objects such as Blobs) are kept as
   * they are instead of copied, and errors become `{ name, message, stack }`, which keeps a custom
   * error's name that a clone would lose. Default `false`: everything is copied (a snapshot).
   */
  forPosting?: boolean;
  /**
   * What stands for a part that could not be read (a getter or Proxy trap threw). Default: none, and
   * the copy throws, for a caller that would rather replace the whole value than show half of it.
   */
  unreadable?: (error: unknown) => unknown;
  /**
   * Rewrites every string of the copy, property names and Map keys included (but not the markers of
   * levels a copy left out): the playground masks a bot token with it wherever a program put the token.
   * Default: strings are kept as they are.
   */
  mapString?: (text: string) => string;
}

/**
 * A copy of `value` that structured clone accepts: what it can clone is copied (or kept, with
 * {@link CopyOptions.forPosting}), functions, symbols and DOM nodes become short descriptions
 * (`"[Function greet]"`, `"Symbol(tag)"`, `"[HTMLDivElement]"`), class instances become plain objects,
 * cycles and shared parts stay shared, and objects deeper than {@link MAX_COPY_DEPTH} levels become a
 * `deeperLevels` marker saying how many levels were left out.
 */
export function copyValue(value: unknown, options: CopyOptions = {}): unknown {
  const { forPosting = false, unreadable, mapString } = options;
  const walk = { maxDepth: MAX_COPY_DEPTH, revisit: "share" } as const;
  // Rewriting strings is rare (a live bot's events): its copier is made for the call, the others once.
  if (mapString) return walkValue(value, copier(forPosting, unreadable, mapString), walk);
  let made = unreadable ? copiersFor.get(unreadable) : plainCopiers;
  if (!made) {
    made = [copier(false, unreadable), copier(true, unreadable)];
    copiersFor.set(unreadable!, made);
  }
  return walkValue(value, made[forPosting ? 1 : 0], walk);
}

type Copy = unknown[] | Map<unknown, unknown> | Set<unknown> | Record<string, unknown>;

/** Copiers are made once (for a snapshot, for posting) per `unreadable` function and reused. */
type Copiers = [ValueVisitor<unknown, Copy>, ValueVisitor<unknown, Copy>];
const copiersFor = new WeakMap<(error: unknown) => unknown, Copiers>();
const plainCopiers: Copiers = [copier(false, undefined), copier(true, undefined)];

function copier(
  forPosting: boolean,
  unreadable: ((error: unknown) => unknown) | undefined,
  mapString?: (text: string) => string,
): ValueVisitor<unknown, Copy> {
  return {
    leaf: (value, kind) => (mapString && typeof value === "string" && kind === "primitive" ? mapString(value) : copyLeaf(value, kind, forPosting)),
    whole(value, kind, depth) {
      if (kind !== "instance") return undefined;
      try {
        // Host objects (Blob, ImageData…) clone fine on their own even when the value around them
        // does not; a class instance clones to a plain object of its own fields.
        const below = depthOf(value);
        if (below !== undefined && depth + below <= MAX_COPY_DEPTH) {
          const clone: unknown = structuredClone(value);
          return { result: forPosting ? value : clone };
        }
      } catch {
        // Not cloneable: its fields are copied one by one.
      }
      return undefined;
    },
    open: (_value, kind) => emptyCopy(kind),
    add(into, child, key) {
      if (typeof key === "string") setOwn(into as Record<string, unknown>, mapString ? mapString(key) : key, child);
      else if (key === undefined) (into as Set<unknown>).add(child);
      else (into as unknown[]).push(child); // items come in index order
    },
    addEntry: (into, key, value) => void (into as Map<unknown, unknown>).set(key, value),
    close: (into) => into,
    cut: (value) => deeperLevels(depthOf(value)),
    again: (_value, into) => into,
    unreadable(error) {
      if (!unreadable) throw error;
      return unreadable(error);
    },
  };
}

function emptyCopy(kind: ContainerKind): Copy {
  if (kind === "array") return [];
  if (kind === "map") return new Map();
  if (kind === "set") return new Set();
  return {};
}

function copyLeaf(value: unknown, kind: LeafKind, forPosting: boolean): unknown {
  switch (kind) {
    case "function":
    case "symbol":
    case "node":
      return describeLeaf(value, kind);
    case "error": {
      const { name, message, stack } = value as Error;
      if (forPosting) return { name, message, stack };
      try {
        return structuredClone(value);
      } catch {
        return { name, message, stack };
      }
    }
    case "date":
      return forPosting ? value : new Date((value as Date).getTime());
    case "regexp":
      return forPosting ? value : new RegExp((value as RegExp).source, (value as RegExp).flags);
    case "binary":
      return forPosting ? value : structuredClone(value);
    default:
      return value; // primitives and markers
  }
}

/** `out[key] = value`, except that a key named "__proto__" becomes an own property, as in a clone. */
export function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
