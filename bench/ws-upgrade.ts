/**
 * The broker's WebSocket upgrade alone, on a raw socket (no MQTT.js, no `ws`): from connected to
 * `101 Switching Protocols`. Every cold connect to the skill's listener pays it, the floor's too.
 */
import { connect } from "node:net";
import { median } from "./stats.js";

const once = (url: URL) =>
  new Promise<number>((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      const t0 = performance.now();
      socket.once("data", (d: Buffer) => {
        const ms = performance.now() - t0;
        socket.destroy();
        if (d.toString().startsWith("HTTP/1.1 101")) resolve(ms);
        else reject(new Error(`no upgrade: ${d.toString().split("\r\n")[0]}`));
      });
      socket.write(
        `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n",
      );
    });
    socket.setNoDelay(true);
    socket.once("error", reject);
  });

/** Median ms of `n` upgrades at `wsUrl`, one after another. */
export async function wsUpgradeMs(wsUrl: string, n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await once(new URL(wsUrl)));
  return median(times);
}
