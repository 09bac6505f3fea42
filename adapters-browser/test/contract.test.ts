import { adapterContract } from "./suites/adapter-contract.js";

adapterContract("Node, fake-indexeddb");
