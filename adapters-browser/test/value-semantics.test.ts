import { valueSemantics } from "./suites/value-semantics.js";

valueSemantics("Node, fake-indexeddb");
