/** A region id, checked against the catalogue (its own file: the skill needs it without the bridge's config schemas). */
import * as z from "zod";
import { REGION_IDS } from "./regions.js";

export const RegionIdSchema = z.enum(REGION_IDS, {
  error: () => `must be one of: ${REGION_IDS.join(", ")}`,
});
