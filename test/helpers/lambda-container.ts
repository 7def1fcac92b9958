/**
 * The built Lambda bundle in a Node process of its own, as one Lambda container: loaded once with
 * `require`, then invoked once per event while warm (over IPC), so a connection it keeps (the MQTT
 * link) lives across invocations as it does in Lambda. `alexa()` drives it with virtual-alexa on the
 * real interaction model.
 */
import { type ChildProcess, spawn } from "node:child_process";
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import { VirtualAlexa } from "virtual-alexa";
import { MODEL } from "./voice.js";

const CHILD = `
const { handler } = require(process.argv[1]);
process.on("message", async ({ n, event }) => {
  try { process.send({ n, response: await handler(event, {}) }); }
  catch (err) { process.send({ n, error: String(err && err.stack || err) }); }
});
process.on("disconnect", () => process.exit(0));`;

export interface LambdaContainer {
  invoke(event: RequestEnvelope): Promise<ResponseEnvelope>;
  /** virtual-alexa on the real en-US model, with this container as its skill. */
  alexa(userId: string): VirtualAlexa;
  close(): Promise<void>;
}

export function startLambdaContainer(bundle: string, env: Record<string, string>, cwd: string): LambdaContainer {
  const child: ChildProcess = spawn(process.execPath, ["-e", CHILD, bundle], {
    cwd,
    // A Lambda's bare environment, but the test run's switch for the SDK's Node 20 warning (jest.config.js).
    env: { PATH: process.env.PATH ?? "", NODE_PATH: "", ...quietSdk(), ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<number, { resolve(r: ResponseEnvelope): void; reject(e: Error): void }>();
  let next = 0;
  child.on("message", (m: { n: number; response?: ResponseEnvelope; error?: string }) => {
    const w = waiting.get(m.n);
    waiting.delete(m.n);
    if (m.error) w?.reject(new Error(m.error));
    else w?.resolve(m.response as ResponseEnvelope);
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const container: LambdaContainer = {
    invoke: (event) =>
      new Promise((resolve, reject) => {
        const n = next++;
        waiting.set(n, { resolve, reject });
        child.send({ n, event });
      }),
    alexa(userId) {
      const alexa = VirtualAlexa.Builder()
        .handler((event: RequestEnvelope) => container.invoke(event))
        .interactionModelFile(MODEL)
        .locale("en-US")
        .create();
      // biome-ignore lint/suspicious/useIterableCallbackReturn: virtual-alexa's request filter, not Array#filter
      alexa.filter((request: RequestEnvelope) => {
        request.context.System.user.userId = userId;
      });
      return alexa;
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
  return container;
}

/** The test run's switch that keeps AWS SDK v3 from warning about Node 20 (set in jest.config.js). */
function quietSdk(): Record<string, string> {
  const quiet = process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  return quiet ? { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: quiet } : {};
}
