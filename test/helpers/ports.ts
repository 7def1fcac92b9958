import { createSocket } from "node:dgram";

/** A UDP port free on loopback right now (for a Matter node in a test). */
export async function freeUdpPort(): Promise<number> {
  const s = createSocket("udp4");
  await new Promise<void>((r) => s.bind(0, "127.0.0.1", r));
  const { port } = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
