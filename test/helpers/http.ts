import { request } from "node:http";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: test code reads arbitrary JSON answers
  body: any;
  text: string;
}

/**
 * One HTTP request with node:http (so bodies can be streamed without a Content-Length and headers
 * set exactly). `body`: an object is sent as JSON, a string or Buffer as is.
 */
export function call(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string>; chunked?: boolean } = {},
): Promise<Answer> {
  const url = new URL(path, base);
  const payload =
    opts.body === undefined
      ? undefined
      : typeof opts.body === "string" || Buffer.isBuffer(opts.body)
        ? Buffer.from(opts.body as string)
        : Buffer.from(JSON.stringify(opts.body));
  const headers: Record<string, string> = {
    ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
    ...(payload && typeof opts.body === "object" && !Buffer.isBuffer(opts.body) ? { "Content-Type": "application/json" } : {}),
    ...(payload && !opts.chunked ? { "Content-Length": String(payload.length) } : {}),
    ...opts.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    if (payload && opts.chunked) {
      // Several writes without Content-Length: Transfer-Encoding chunked.
      for (let i = 0; i < payload.length; i += 4096) req.write(payload.subarray(i, i + 4096));
      req.end();
    } else req.end(payload);
  });
}
