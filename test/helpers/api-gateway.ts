/** A Lambda behind API Gateway's HTTP API (payload 2.0), served on a free loopback port: the request as the event, the result as the reply. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpApiEvent, HttpApiResult } from "../../lambda/provision/handler.js";

export async function serveHttpApi(
  handler: (event: HttpApiEvent) => Promise<HttpApiResult>,
  sourceIp?: () => string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const result = await handler({
      requestContext: { http: { method: req.method, sourceIp: sourceIp?.() ?? req.socket.remoteAddress } },
      body: Buffer.concat(chunks).toString("utf8"),
      isBase64Encoded: false,
    });
    res.writeHead(result.statusCode, result.headers).end(result.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
