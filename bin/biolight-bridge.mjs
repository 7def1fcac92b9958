#!/usr/bin/env node
// `biolight-bridge [flags]`: the bridge CLI (matter-bridge/main.ts) run through tsx, no build step.
import { register } from "tsx/esm/api";

register();
await import("../matter-bridge/main.ts");
