import { describe, expect, it } from "vitest";
import type { SandboxEvent } from "../protocol";
import { EventOutbox } from "./event-outbox";

const line = (text: string): SandboxEvent => ({ type: "console", level: "log", text });

function setup(send: (batch: SandboxEvent[]) => void = () => {}) {
  const batches: SandboxEvent[][] = [];
  const singles: SandboxEvent[] = [];
  const soon: (() => void)[] = [];
  const outbox = new EventOutbox({
    send: (batch) => {
      send(batch);
      batches.push(batch);
    },
    sendOne: (event) => singles.push(event),
    soon: (fn) => soon.push(fn),
    maxBatch: 3,
  });
  return { outbox, batches, singles, soon };
}

describe("EventOutbox", () => {
  it("sends what one task emitted as one batch, in order, after the task", () => {
    const { outbox, batches, soon } = setup();
    outbox.push(line("a"));
    outbox.push(line("b"));
    expect(batches).toEqual([]);
    expect(soon).toHaveLength(1);
    soon[0]();
    expect(batches).toEqual([[line("a"), line("b")]]);
  });

  it("sends a full batch at once, so a long burst does not wait for the task to end", () => {
    const { outbox, batches } = setup();
    for (const text of ["a", "b", "c", "d"]) outbox.push(line(text));
    expect(batches).toEqual([[line("a"), line("b"), line("c")]]);
  });

  it("sends the events one by one when the batch cannot be cloned, so one bad value costs no other event", () => {
    const { outbox, singles, soon } = setup(() => {
      throw new DOMException("could not be cloned", "DataCloneError");
    });
    outbox.push(line("a"));
    outbox.push(line("b"));
    soon[0]();
    expect(singles).toEqual([line("a"), line("b")]);
  });
});
