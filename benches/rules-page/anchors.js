// Bundled by benches/rules.mjs with esbuild into an IIFE, so the page can use the two anchors.
import jsonLogic from "json-logic-js";
import { Engine } from "json-rules-engine";

globalThis.anchors = { jsonLogic, Engine };
