/**
 * Self-hosted skill endpoint (`npm run skill:serve`): the same skill over HTTPS-terminated HTTP
 * with Alexa's request signature and timestamp verification on. Put it behind a TLS proxy.
 */

import type { AddressInfo } from "node:net";
import { ExpressAdapter } from "ask-sdk-express-adapter";
import express from "express";
import { skillFromEnv } from "./from-env.js";

const port = Number(process.env.SKILL_PORT ?? 8788);
const host = process.env.SKILL_HOST ?? "127.0.0.1";
const path = process.env.SKILL_PATH ?? "/alexa";

const skill = await skillFromEnv(process.env).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
// Verification stays on: signature (certificate chain from Amazon) and a 150 s timestamp window.
const adapter = new ExpressAdapter(skill, true, true);
const app = express();
app.post(path, adapter.getRequestHandlers());
app.get("/health", (_req, res) => void res.json({ status: "ok" }));
const server = app.listen(port, host, () => {
  const bound = (server.address() as AddressInfo).port;
  console.log(`Biolight skill listening on http://${host}:${bound}${path} (signature and timestamp verification on)`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.close(() => process.exit(0)));
