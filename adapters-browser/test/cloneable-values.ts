import fc from "fast-check";

/**
 * Any value structured clone copies (Dates, Maps, Sets, typed arrays, BigInts, boxed primitives,
 * null-prototype objects), five levels deep at most: what the copiers are checked against. `holes`
 * adds sparse arrays, which only the snapshot's fast path keeps sparse.
 */
export function cloneableValues({ holes }: { holes: boolean }): fc.Arbitrary<unknown> {
  return fc.anything({
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: holes,
    withTypedArray: true,
    withBigInt: true,
    withBoxedValues: true,
    maxDepth: 5,
  });
}
