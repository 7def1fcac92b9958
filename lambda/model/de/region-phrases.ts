/** How German puts a {region} into a request: the determiners and prepositions the samples combine. */

/** Determiners before a region, whatever its gender or number ("den Nacken", "meine Hüften"). */
export const MY = ["{region}", "meinen {region}", "meine {region}", "mein {region}", "den {region}", "die {region}"];
export const FOR = MY.map((r) => `für ${r}`);
