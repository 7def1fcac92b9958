/**
 * Numbers written as text (query strings, CLI flags, environment) are read in plain decimal only:
 * an optional "-", ASCII digits, and for fractions a "." with digits on both sides. No hex, octal or
 * binary prefixes, no exponent, no blanks, no "+", no Infinity/NaN, no empty string: whatever
 * JavaScript's Number() would also read is refused rather than guessed at. "-0" and "1.50" are plain.
 */
import * as z from "zod";
import { fieldPath } from "./issues.js";

export const PLAIN_INTEGER = /^-?[0-9]+$/;
export const PLAIN_DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/** "must be a whole number written in plain digits (e.g. 7)": the wording for the refusal. */
export const plainNumberMessage = (integer: boolean, example: string) =>
  integer
    ? `must be a whole number written in plain digits (e.g. ${example})`
    : `must be a number written in plain decimal digits (e.g. ${example})`;

/**
 * A decimal string (or an already-typed number, e.g. a default) → number, then checked by `number`
 * (ranges, int). `integer`: only digits, so "1.5" is refused up front. `message`: the whole refusal,
 * naming the field or flag when the path alone does not.
 */
export function decimalNumber<T extends z.ZodType<number, number>>(
  number: T,
  { integer = false, message = plainNumberMessage(integer, integer ? "7" : "1.5") }: { integer?: boolean; message?: string } = {},
) {
  const pattern = integer ? PLAIN_INTEGER : PLAIN_DECIMAL;
  return z
    .unknown()
    .transform((value, ctx) => {
      if (typeof value === "number" && Number.isFinite(value)) return value;
      // A plain string of 400 digits is still Infinity to Number(): refused the same way.
      if (typeof value === "string" && pattern.test(value) && Number.isFinite(Number(value))) return Number(value);
      ctx.addIssue({ code: "custom", message, input: value });
      return z.NEVER;
    })
    .pipe(number);
}

/**
 * JSON allows an exponent (`1e2`, `6E1`), which the parsed value no longer shows, so the raw text is
 * scanned (skipping strings): the first number written with one, with the path of the field it is
 * the value of (`panels[0].watts`; none for a bare number) and the refusal's words. Only for text
 * JSON.parse accepted.
 */
export function exponentInJson(text: string): { field: string | undefined; message: string } | undefined {
  const stringToken = /"(?:[^"\\]|\\.)*"/y;
  const numberToken = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
  const colon = /\s*:/y;
  // Where the scan is: per open object the key being read, per open array the index.
  const path: Array<string | number | undefined> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const last = path.length - 1;
    if (c === '"') {
      stringToken.lastIndex = i;
      const literal = stringToken.exec(text)?.[0] ?? c;
      i += literal.length - 1;
      colon.lastIndex = i + 1;
      if (colon.test(text)) path[last] = JSON.parse(literal) as string;
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      numberToken.lastIndex = i;
      const token = numberToken.exec(text)?.[0] ?? c;
      if (/[eE]/.test(token)) {
        const n = Number(token);
        const plain = Number.isFinite(n) && !/e/.test(String(n)) ? ` (write ${n})` : "";
        const field = fieldPath(path.filter((k) => k !== undefined)) || undefined;
        return { field, message: `${token} is written with an exponent; numbers must be plain decimal digits${plain}` };
      }
      i += token.length - 1;
    } else if (c === "{") path.push(undefined);
    else if (c === "[") path.push(0);
    else if (c === "}" || c === "]") path.pop();
    else if (c === ",") path[last] = typeof path[last] === "number" ? (path[last] as number) + 1 : undefined;
  }
  return undefined;
}
