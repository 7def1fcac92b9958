import type { IncomingMessage } from "node:http";
import { HttpError } from "./errors.js";

export const MAX_BODY_BYTES = 16 * 1024;

const tooLarge = (limit: number) =>
  new HttpError(413, "BODY_TOO_LARGE", `Request bodies are limited to ${limit / 1024} KiB.`, {}, { Connection: "close" });

const incomplete = () => new HttpError(400, "INCOMPLETE_BODY", "The request body ended early.", {}, { Connection: "close" });

const hasBody = (req: IncomingMessage) => req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;

function isJsonType(contentType: string | undefined): boolean {
  const [type, ...params] = (contentType ?? "")
    .toLowerCase()
    .split(";")
    .map((s) => s.trim());
  const json = type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
  const charset = params
    .find((p) => p.startsWith("charset="))
    ?.slice(8)
    .replace(/"/g, "");
  return json && (charset === undefined || charset === "utf-8" || charset === "utf8");
}

/**
 * Reads a JSON request body of at most `limit` bytes. Stops reading at the limit (the connection is
 * then closed) instead of buffering whatever the client sends. `optional`: an absent body reads as `{}`
 * (a body that is there, `null` included, is what it says and is validated as such).
 */
export async function readJson(req: IncomingMessage, { limit = MAX_BODY_BYTES, optional = false } = {}): Promise<unknown> {
  if (optional && !hasBody(req)) return {};
  if (!isJsonType(req.headers["content-type"]))
    throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  if (Number(req.headers["content-length"] ?? 0) > limit) throw tooLarge(limit);
  const bytes = await readAtMost(req, limit);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, "INVALID_JSON", "The body is not valid UTF-8.");
  }
  if (text.trim() === "") throw new HttpError(400, "INVALID_JSON", "The body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, "INVALID_JSON", `The body is not valid JSON: ${(err as Error).message}`);
  }
  requirePlainNumbers(text);
  return value;
}

/**
 * Numbers in a body are plain decimal, as everywhere in the contract (contract/numbers.ts). JSON also
 * allows an exponent (`1e2`, `6E1`); the parsed value no longer shows how a number was written, so
 * the raw text is scanned (skipping strings). Runs only on text JSON.parse accepted, so a malformed
 * body is still INVALID_JSON. Names the key when the number is a member's value.
 */
function requirePlainNumbers(text: string): void {
  const stringToken = /"(?:[^"\\]|\\.)*"/y;
  const numberToken = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
  const colon = /\s*:/y;
  let key: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      stringToken.lastIndex = i;
      const literal = stringToken.exec(text)?.[0] ?? c;
      i += literal.length - 1;
      colon.lastIndex = i + 1;
      key = colon.test(text) ? (JSON.parse(literal) as string) : undefined;
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      numberToken.lastIndex = i;
      const token = numberToken.exec(text)?.[0] ?? c;
      if (/[eE]/.test(token)) {
        const n = Number(token);
        const plain = Number.isFinite(n) && !/e/.test(String(n)) ? ` (write ${n})` : "";
        const message = `${token} is written with an exponent; numbers must be plain decimal digits${plain}`;
        const field = key ?? "(body)";
        throw new HttpError(400, "VALIDATION_ERROR", `Invalid request: ${field}: ${message}`, { issues: [{ field, message }] });
      }
      i += token.length - 1;
    } else if (c === "," || c === "[" || c === "{") key = undefined;
  }
}

function readAtMost(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off("data", onData).off("end", onEnd).off("error", onIncomplete).off("close", onIncomplete);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      done();
      req.pause();
      reject(tooLarge(limit));
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks));
    };
    // A client that drops mid-body: the stream errs ("aborted") and closes. Its mistake, not the
    // bridge's: answered (if anyone still listens) as INCOMPLETE_BODY, never logged as a fault.
    const onIncomplete = () => {
      done();
      reject(incomplete());
    };
    if (req.destroyed) return void reject(incomplete());
    req.on("data", onData).on("end", onEnd).on("error", onIncomplete).on("close", onIncomplete);
  });
}
