import type { IncomingMessage } from "node:http";
import { exponentInJson } from "../contract/numbers.js";
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
  const { value, text } = parseJson(await readAtMost(req, limit), "body");
  const exponent = plainNumbersError(text, (field) => field ?? "(body)");
  if (exponent) throw exponent;
  return value;
}

/**
 * JSON from bytes, as every way in reads it (HTTP bodies and the cloud link's requests): strict
 * UTF-8, not empty, valid JSON; else 400 INVALID_JSON naming `what` was wrong.
 */
export function parseJson(bytes: Uint8Array, what: string): { value: unknown; text: string } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, "INVALID_JSON", `The ${what} is not valid UTF-8.`);
  }
  if (text.trim() === "") throw new HttpError(400, "INVALID_JSON", `The ${what} is empty; send a JSON object.`);
  try {
    return { value: JSON.parse(text), text };
  } catch (err) {
    throw new HttpError(400, "INVALID_JSON", `The ${what} is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * The refusal of a number written with an exponent (numbers are plain decimal everywhere in the
 * contract: contract/numbers.ts), naming its field as `name` gives it; undefined when there is none.
 */
export function plainNumbersError(text: string, name: (field: string | undefined) => string): HttpError | undefined {
  const found = exponentInJson(text);
  if (!found) return undefined;
  const field = name(found.field);
  return new HttpError(400, "VALIDATION_ERROR", `Invalid request: ${field}: ${found.message}`, {
    issues: [{ field, message: found.message }],
  });
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
