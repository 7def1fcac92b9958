/** The people route. */
import * as z from "zod";

/** `GET /v1/people`: who the guard keeps doses for, and the panels each is the default person of. */
export const PeopleResponseSchema = z.object({
  people: z.array(z.object({ id: z.string(), name: z.string(), defaultForPanels: z.array(z.string()) })),
});
export type PeopleResponse = z.infer<typeof PeopleResponseSchema>;
