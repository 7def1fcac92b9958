/** The body of every error answer. */
import * as z from "zod";

export const ErrorBodySchema = z.object({
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      retryAfterSeconds: z.number().optional(),
      nextAllowedAt: z.string().optional(),
    })
    .passthrough(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
