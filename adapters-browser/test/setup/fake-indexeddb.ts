// Installs fake-indexeddb's `indexedDB`, `IDBKeyRange`… as globals, as a browser would have them.
import "fake-indexeddb/auto";
