import { afterEach, describe, expect, it, vi } from "vitest";
import { FrameBatcher } from "./frame-batcher";

afterEach(() => {
  vi.useRealTimers();
});

describe("FrameBatcher", () => {
  it("hands over everything pushed before a flush as one batch", () => {
    const batches: number[][] = [];
    const queued: (() => void)[] = [];
    const batcher = new FrameBatcher<number>((b) => batches.push(b), (f) => queued.push(f));
    [1, 2, 3].forEach((n) => batcher.push(n));
    expect(queued).toHaveLength(1);
    queued.shift()!();
    batcher.push(4);
    queued.shift()!();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("spaces flushes out after a large batch, but shows small ones on the next frame", () => {
    vi.useFakeTimers();
    let clock = 0;
    const batches: number[][] = [];
    const queued: (() => void)[] = [];
    const batcher = new FrameBatcher<number>((b) => batches.push(b), (f) => queued.push(f), 60, 3, () => clock);
    batcher.push(1);
    expect(queued).toHaveLength(1); // quiet: next frame
    queued.shift()!();
    clock = 16;
    batcher.push(2);
    expect(queued).toHaveLength(1); // the last batch was small: next frame again
    queued.shift()!();
    clock = 32;
    [3, 4, 5].forEach((n) => batcher.push(n));
    queued.shift()!(); // a large batch, flushed at 32
    clock = 48;
    batcher.push(6);
    expect(queued).toHaveLength(0); // right after a large batch: waits until 32 + 60
    vi.advanceTimersByTime(43);
    expect(queued).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(queued).toHaveLength(1);
    clock = 92;
    queued.shift()!();
    clock = 1_000;
    batcher.push(7);
    expect(queued).toHaveLength(1);
    queued.shift()!();
    expect(batches).toEqual([[1], [2], [3, 4, 5], [6], [7]]);
  });

  it("drops pending items on request", () => {
    const batches: number[][] = [];
    const queued: (() => void)[] = [];
    const batcher = new FrameBatcher<number>((b) => batches.push(b), (f) => queued.push(f));
    batcher.push(1);
    batcher.drop();
    queued.shift()!();
    expect(batches).toEqual([]);
  });
});
