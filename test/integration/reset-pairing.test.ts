/**
 * `npm start -- --reset-pairing`: the bridge CLI as a child process, paired by a real matter.js
 * controller, then started again with the flag: refused without a confirmation, and with `--yes`
 * every fabric is forgotten and the bridge runs on, showing its pairing code.
 */
import { createSocket } from "node:dgram";
import { afterAll, expect, it } from "@jest/globals";
import type { CommissioningController } from "@project-chip/matter.js";
import { configFile, launch, startBridge, tempDir } from "../helpers/cli-bridge.js";
import { call } from "../helpers/http.js";
import { commission, startController } from "../helpers/matter-controller.js";

const controllers: CommissioningController[] = [];
afterAll(async () => {
  for (const c of controllers) await c.close().catch(() => {});
});

async function freeUdpPort(): Promise<number> {
  const socket = createSocket("udp6");
  await new Promise<void>((r) => socket.bind(0, "::", () => r()));
  const { port } = socket.address();
  await new Promise<void>((r) => socket.close(() => r()));
  return port;
}

it("forgets every fabric only when confirmed (--yes without a terminal), then runs on unpaired", async () => {
  const storage = await tempDir();
  const config = await configFile(storage);
  const port = await freeUdpPort();
  const codes = ["--matter-port", String(port), "--passcode", "20202021", "--discriminator", "3840"];

  const first = await startBridge(storage, config, codes);
  const controller = await startController(await tempDir(), "reset-test");
  controllers.push(controller);
  await commission(controller, port, 20202021, 3840);
  const paired = await call(first.url, "GET", "/v1/pairing", { token: first.token });
  expect(paired.body).toMatchObject({ commissioned: true, fabrics: [{ vendorName: "Test controller" }] });
  await controller.close();
  first.child.kill("SIGTERM");
  expect((await first.exited).code).toBe(0);

  // No terminal to ask and no --yes: refused, nothing touched.
  const refused = launch(["--storage", storage, "--config", config, "--api-port", "0", ...codes, "--reset-pairing"]);
  expect((await refused.exited).code).toBe(2);
  expect(refused.output()).toMatch(/--reset-pairing .*add --yes.*Nothing was changed/s);
  expect(refused.output()).not.toMatch(/bridge ready/);

  const reset = await startBridge(storage, config, [...codes, "--reset-pairing", "--yes"]);
  expect(reset.output()).toMatch(/forgot 1 Matter pairing: Test controller \(biolight test\)/);
  expect(reset.output()).toMatch(/scan this QR code/);
  const after = await call(reset.url, "GET", "/v1/pairing", { token: reset.token });
  expect(after.body).toMatchObject({ commissioned: false, fabrics: [], window: { open: true, kind: "basic" } });
  reset.child.kill("SIGTERM");
  expect((await reset.exited).code).toBe(0);
}, 120_000);

it("on a terminal (npm start): asks y/N, and anything but yes keeps every pairing", async () => {
  const storage = await tempDir();
  const config = await configFile(storage);
  const b = launch(
    ["--storage", storage, "--config", config, "--api-port", "0", "--matter-port", String(await freeUdpPort()), "--reset-pairing"],
    {
      pty: true,
    },
  );
  await b.waitFor(/\[y\/N\]/);
  b.child.stdin.write("n\r");
  expect((await b.exited).code).toBe(1);
  expect(b.output()).toMatch(/Pairing kept: nothing was changed/);
  expect(b.output()).not.toMatch(/bridge ready/);
}, 60_000);
