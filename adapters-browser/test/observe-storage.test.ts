import { observerCases } from "./suites/observer-cases.js";

observerCases("Node, fake-indexeddb");
