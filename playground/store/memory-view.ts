import type { StorageOpEvent } from "../protocol";

/** One key the running program holds in memory, as far as its storage calls reveal it. */
export interface MemoryEntry {
  storageIndex: number;
  key: string;
  value: unknown;
}

/**
 * What a program on grammY's default `MemorySessionStorage` holds, rebuilt from its storage calls:
 * the data lives in the sandbox worker, out of the page's reach, but every write, delete and successful
 * read is reported with its value. Keys are kept per session middleware (multi sessions reuse keys).
 */
export class MemoryView {
  private readonly entries = new Map<string, MemoryEntry>();

  /** Applies one reported call. Failed calls change nothing, as they changed nothing in the program. */
  apply(event: StorageOpEvent): void {
    if (event.error !== undefined || event.key === undefined) return;
    const id = `${event.storageIndex}\u0000${event.key}`;
    switch (event.op) {
      case "write":
        this.entries.set(id, { storageIndex: event.storageIndex, key: event.key, value: event.after ?? event.value });
        break;
      case "delete":
        this.entries.delete(id);
        break;
      case "read":
        if (event.found) this.entries.set(id, { storageIndex: event.storageIndex, key: event.key, value: event.value });
        else this.entries.delete(id);
        break;
      default:
        break;
    }
  }

  /** Every key, ordered by session middleware then key. */
  list(): MemoryEntry[] {
    return [...this.entries.values()].sort((a, b) => a.storageIndex - b.storageIndex || compareKeys(a.key, b.key));
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Numeric keys (chat ids) in numeric order, others after them in text order. */
export function compareKeys(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  const aNum = a.trim() !== "" && Number.isFinite(na);
  const bNum = b.trim() !== "" && Number.isFinite(nb);
  if (aNum && bNum) return na - nb;
  if (aNum !== bNum) return aNum ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
