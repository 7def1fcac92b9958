/**
 * Numbers written as text (query strings, CLI flags, environment) are read in plain decimal only:
 * an optional "-", ASCII digits, and for fractions a "." with digits on both sides. No hex, octal or
 * binary prefixes, no exponent, no blanks, no "+", no Infinity/NaN, no empty string: whatever
 * JavaScript's Number() would also read is refused rather than guessed at. "-0" and "1.50" are plain.
 */
import * as z from "zod";

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
