import { faultCases } from "./suites/fault-cases.js";

faultCases("Node, fake-indexeddb");
