import { createHash, timingSafeEqual } from "node:crypto";
import { HttpError } from "./errors.js";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/**
 * Checks `Authorization: Bearer <token>`. Both sides are hashed first so timingSafeEqual always
 * compares equal lengths and the comparison time says nothing about the token.
 */
export function bearerCheck(token: string): (authorization: string | undefined) => void {
  if (!token) throw new Error("the API token must not be empty");
  const expected = digest(token);
  return (authorization) => {
    const match = /^Bearer +(\S+) *$/i.exec(authorization ?? "");
    const ok = timingSafeEqual(digest(match?.[1] ?? ""), expected) && match !== null;
    if (ok) return;
    throw new HttpError(
      401,
      "UNAUTHORIZED",
      authorization ? "The API token was not accepted." : "Send the API token as Authorization: Bearer <token>.",
      {},
      { "WWW-Authenticate": authorization ? 'Bearer realm="biolight", error="invalid_token"' : 'Bearer realm="biolight"' },
    );
  };
}
