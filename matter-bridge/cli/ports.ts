/**
 * A busy port, said in one line that names the flag to change. The CLI probes both ports before
 * matter.js loads or a panel is touched (a probe binds the way the bridge will, then lets go), and
 * maps the same failure to the same line should a port be taken between the probe and the bind.
 */
import { createSocket, type SocketType } from "node:dgram";
import { createServer } from "node:net";

/** The only port Alexa looks for Matter devices on. */
export const ALEXA_MATTER_PORT = 5540;

export const matterPortBusy = (port: number): string =>
  `UDP port ${port} is already in use (another Matter bridge or app, or this bridge running twice): stop the other program, or choose a free port with --matter-port N (env MATTER_PORT). Alexa only finds Matter devices on UDP ${ALEXA_MATTER_PORT}, so to pair with Alexa keep the bridge on ${ALEXA_MATTER_PORT} and free it.`;

export const apiPortBusy = (host: string, port: number): string =>
  `TCP port ${port} on ${host} for the control API is already in use (another program, or this bridge running twice): stop the other program, or choose a free port with --api-port N (env BRIDGE_API_PORT).`;

const inUse = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code === "EADDRINUSE";

/**
 * matter.js binds the Matter port on every address, IPv6 (v6-only) and IPv4, without address reuse,
 * so a port another socket holds on any address fails here as it would there. Other errors (no IPv6
 * on the host, say) are left for matter.js to report.
 */
async function udpPortBusy(port: number): Promise<boolean> {
  const probe = (type: SocketType, address: string) =>
    new Promise<boolean>((resolve) => {
      const socket = createSocket({ type, ipv6Only: type === "udp6" });
      socket.once("error", (err) => {
        socket.close();
        resolve(inUse(err));
      });
      socket.bind(port, address, () => socket.close(() => resolve(false)));
    });
  return (await probe("udp6", "::")) || (await probe("udp4", "0.0.0.0"));
}

async function tcpPortBusy(host: string, port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", (err) => resolve(inUse(err)));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(false)));
  });
}

/** The one-line message for the first busy port, or undefined. Port 0 (any free port) is never busy. */
export async function busyPort(opts: { matterPort: number; apiPort: number; apiHost: string }): Promise<string | undefined> {
  if (opts.matterPort !== 0 && (await udpPortBusy(opts.matterPort))) return matterPortBusy(opts.matterPort);
  if (opts.apiPort !== 0 && (await tcpPortBusy(opts.apiHost, opts.apiPort))) return apiPortBusy(opts.apiHost, opts.apiPort);
  return undefined;
}

/** The same line for a bind that failed at start-up (the port was taken after the probe). */
export function busyPortOf(err: unknown, opts: { matterPort: number; apiPort: number; apiHost: string }): string | undefined {
  const seen = new Set<unknown>();
  for (let e = err; e instanceof Error && !seen.has(e); e = e.cause) {
    seen.add(e);
    // The API's listen error carries Node's EADDRINUSE as its cause (api/server.ts).
    if (inUse(e) && /Control API/.test((err as Error).message)) return apiPortBusy(opts.apiHost, opts.apiPort);
    // matter.js: AddressInUseError "Cannot bind {::}:5540 because port is already in use".
    if (/already in use/.test(e.message) && e.message.includes(`:${opts.matterPort} `)) return matterPortBusy(opts.matterPort);
  }
  return undefined;
}
