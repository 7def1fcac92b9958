#!/usr/bin/env node
// `biolight-bridge [flags]`: the compiled bridge (`npm run build:bridge` writes dist/bridge/), in this one Node process.
import { existsSync } from "node:fs";

const entry = new URL("../dist/bridge/main.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("The bridge is not built yet: run `npm run build:bridge` in the project folder first.");
  process.exit(1);
}
await import(entry.href);
