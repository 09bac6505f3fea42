/**
 * `@session-lab/adapters-browser/values`: the one walk over session values that `observeStorage`
 * copies with, for code that copies or shows such values the same way (the Session Lab playground
 * posts its events and formats stored values with it).
 *
 * ```ts
 * import { copyValue, walkValue } from "@session-lab/adapters-browser/values";
 *
 * copyValue({ greet() {}, at: new Date() }); // { greet: "[Function greet]", at: Date }
 * ```
 *
 * {@link walkValue} classifies each part of a value ({@link kindOf}), reads children getter-safely and
 * tracks cycles and depth; a {@link ValueVisitor} says what to make of each part. {@link copyValue}
 * is the copier built on it.
 *
 * @module
 */
export { copyValue, type CopyOptions } from "./copy-value.js";
export {
  describeLeaf,
  kindOf,
  walkValue,
  type ContainerKind,
  type LeafKind,
  type ValueKind,
  type ValueVisitor,
  type WalkOptions,
} from "./walk-value.js";
