import { describe, expect, it, vi } from "vitest";
import type { SandboxWorker } from "../run/runner";
import { createWarmWorkers } from "./warm-worker";

function fakeWorker(id: number): SandboxWorker & { id: number; terminated: boolean } {
  return {
    id,
    terminated: false,
    postMessage() {},
    terminate() {
      this.terminated = true;
    },
    onmessage: null,
    onerror: null,
  };
}

describe("warm sandbox workers", () => {
  it("hands out a never-used worker each time, prepared in advance after the first", () => {
    vi.useFakeTimers();
    let made = 0;
    const pool = createWarmWorkers(() => fakeWorker(++made), 100);
    expect(made).toBe(0); // nothing before the first run
    const first = pool.take() as ReturnType<typeof fakeWorker>;
    expect(first.id).toBe(1);
    expect(made).toBe(1);
    vi.advanceTimersByTime(100);
    expect(made).toBe(2); // the spare
    const second = pool.take() as ReturnType<typeof fakeWorker>;
    expect(second.id).toBe(2);
    expect(made).toBe(2);
    const third = pool.take() as ReturnType<typeof fakeWorker>; // taken before the next spare was ready
    expect(third.id).toBe(3);
    vi.advanceTimersByTime(100);
    expect(made).toBe(4);
    pool.dispose();
    vi.advanceTimersByTime(1_000);
    expect(made).toBe(4);
    vi.useRealTimers();
  });

  it("terminates its spare when disposed", () => {
    vi.useFakeTimers();
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const pool = createWarmWorkers(() => {
      const worker = fakeWorker(workers.length + 1);
      workers.push(worker);
      return worker;
    }, 10);
    pool.take();
    vi.advanceTimersByTime(10);
    pool.dispose();
    expect(workers.map((w) => w.terminated)).toEqual([false, true]);
    vi.useRealTimers();
  });
});
