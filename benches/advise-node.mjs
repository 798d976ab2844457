// Runs N advise calls of the page benchmark's 2,000-transaction persona on a package in Node:
// the workload benches/cold-instructions.sh counts instructions of (N = 0 and N = 1).
// Usage: node benches/advise-node.mjs PKG_DIR N
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { persona } from "./page-server.mjs";

const [dir = "pkg", n = "1"] = process.argv.slice(2);
const { init, Advisor } = await import(pathToFileURL(resolve(dir, "index.js")).href);
await init();
const advisor = new Advisor();
const profile = persona(2000);
for (let i = 0; i < Number(n); i++) advisor.advise(profile);
