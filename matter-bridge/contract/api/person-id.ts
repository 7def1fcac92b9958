/** Whose dose a request is: a person id as the API takes it. */
import * as z from "zod";

/** A person id from the config's `people` (an unknown one is a 400 `UNKNOWN_PERSON` naming the known ids). */
export const PersonIdSchema = z.string().min(1).max(40);
