import { describe, expect, it } from "vitest";
import { StallDetector } from "./stall-detector";

describe("StallDetector", () => {
  it("reports an update that has been in progress and quiet for the threshold, once", () => {
    const detector = new StallDetector({ thresholdMs: 4000 });
    detector.started(3, 1000);
    expect(detector.check(4999)).toEqual([]);
    expect(detector.check(5000)).toEqual([{ updateId: 3, waitedMs: 4000 }]);
    expect(detector.check(9000)).toEqual([]);
  });

  it("counts from the update's last storage or API call", () => {
    const detector = new StallDetector({ thresholdMs: 4000 });
    detector.started(1, 0);
    detector.activity(1, 3000);
    expect(detector.check(5000)).toEqual([]);
    expect(detector.check(7000)).toEqual([{ updateId: 1, waitedMs: 7000 }]);
  });

  it("forgets updates that finish", () => {
    const detector = new StallDetector({ thresholdMs: 1000 });
    detector.started(1, 0);
    detector.finished(1);
    expect(detector.inProgress).toBe(0);
    expect(detector.check(5000)).toEqual([]);
  });

  it("reports nothing from a late check: the worker was busy, not idle", () => {
    const detector = new StallDetector({ thresholdMs: 1000, lateMs: 200 });
    detector.started(1, 0);
    expect(detector.check(3000, 1000)).toEqual([]);
    // The busy spell counts as activity: the quiet time starts again after it.
    expect(detector.check(3500, 3500)).toEqual([]);
    expect(detector.check(4000, 4000)).toEqual([{ updateId: 1, waitedMs: 4000 }]);
  });

  it("lists several waiting updates oldest first", () => {
    const detector = new StallDetector({ thresholdMs: 1000 });
    detector.started(2, 500);
    detector.started(1, 0);
    expect(detector.check(2000).map((w) => w.updateId)).toEqual([1, 2]);
  });
});
