import { modelProperties } from "./suites/model-properties.js";

modelProperties("Node, fake-indexeddb", 200);
