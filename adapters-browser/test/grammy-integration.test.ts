import { grammyIntegration } from "./suites/grammy-integration.js";

grammyIntegration("Node, fake-indexeddb");
