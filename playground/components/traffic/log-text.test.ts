import { describe, expect, it } from "vitest";
import { messagesFor } from "../../i18n";
import type { StorageOpEvent } from "../../protocol";
import { TrafficLog } from "../../store/traffic-log";
import { trafficLogText } from "./log-text";

let nextId = 1;
const call = (op: StorageOpEvent["op"], updateId: number, extra: Partial<StorageOpEvent> = {}): StorageOpEvent => ({
  type: "storage",
  id: nextId++,
  op,
  key: "424242",
  startedAt: 0,
  durationMs: 0.3,
  storageIndex: 0,
  updateId,
  ...extra,
});

describe("traffic log as text", () => {
  it("lists every call under its update, with the totals first, in the reader's language", () => {
    const log = new TrafficLog();
    log.add(call("read", 1, { found: false }), () => undefined);
    log.add(call("write", 1, { value: { pizzaCount: 1 }, durationMs: 2.4 }), () => undefined);
    log.add(call("read", 2, { found: true, value: { pizzaCount: 1 } }), () => undefined);
    log.add(call("write", 2, { value: { pizzaCount: 1 }, before: { pizzaCount: 1 }, storageIndex: 1 }), () => undefined);
    const title = (row: { updateId?: number }) => `U${row.updateId}`;

    expect(trafficLogText(messagesFor("en"), log.rows, log.totals, title)).toBe(
      [
        "Storage traffic: 2 reads, 2 writes",
        "",
        "U1",
        "  read 424242 not found · 0.3 ms",
        `  write 424242 {"pizzaCount": 1} · 2.4 ms`,
        "",
        "U2",
        `  read 424242 {"pizzaCount": 1} · 0.3 ms`,
        `  write 424242 (session #2) {"pizzaCount": 1} (unchanged) · 0.3 ms`,
        "",
      ].join("\n"),
    );
    const es = trafficLogText(messagesFor("es"), log.rows, log.totals, title);
    expect(es.split("\n")[0]).toBe("Tráfico de almacenamiento: 2 lecturas, 2 escrituras");
    expect(es).toContain("  read 424242 no encontrado · ");
    expect(es).toContain("write 424242 {\"pizzaCount\": 1} · 2,4 ms");
  });
});
