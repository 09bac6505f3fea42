import { afterEach, describe, expect, it, vi } from "vitest";
import { DeadlineError, seconds, withDeadline } from "./deadline";

describe("withDeadline", () => {
  afterEach(() => vi.useRealTimers());

  it("settles like the promise when it settles in time", async () => {
    await expect(withDeadline(Promise.resolve(3), 1000, () => new DeadlineError("database", 1000))).resolves.toBe(3);
    await expect(withDeadline(Promise.reject(new Error("no")), 1000, () => new DeadlineError("database", 1000))).rejects.toThrow("no");
  });

  it("rejects at the deadline, stops what still runs, and hands a late value to onLate", async () => {
    vi.useFakeTimers();
    let answer!: (value: string) => void;
    const slow = new Promise<string>((resolve) => (answer = resolve));
    const onTimeout = vi.fn();
    const onLate = vi.fn();
    const waiting = withDeadline(slow, 500, () => new DeadlineError("update", 500, 4), { onTimeout, onLate }).catch((e: unknown) => e);
    vi.advanceTimersByTime(499);
    expect(onTimeout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    const error = (await waiting) as DeadlineError;
    expect(error).toBeInstanceOf(DeadlineError);
    expect([error.name, error.waitingFor, error.ms, error.updateNumber]).toEqual(["DeadlineError", "update", 500, 4]);
    expect(onTimeout).toHaveBeenCalledOnce();
    answer("late");
    await vi.advanceTimersByTimeAsync(0);
    expect(onLate).toHaveBeenCalledWith("late");
  });

  it("keeps its name when the class is renamed, as a minifier would", () => {
    class X extends DeadlineError {}
    expect(new X("compile", 1).name).toBe("DeadlineError");
  });

  it("gives seconds to one decimal", () => {
    expect([seconds(20_000), seconds(2500), seconds(1234)]).toEqual([20, 2.5, 1.2]);
  });
});
