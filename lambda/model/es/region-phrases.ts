/** How Spanish puts a {region} into a request: the determiners and prepositions the samples combine. */

/** Determiners before a region, whatever its gender or number ("el cuello", "la zona lumbar", "mis caderas"). */
export const MY = ["{region}", "mi {region}", "mis {region}", "el {region}", "la {region}", "los {region}", "las {region}"];
export const FOR = [...MY.map((r) => `para ${r}`), ...MY.map((r) => `en ${r}`)];
