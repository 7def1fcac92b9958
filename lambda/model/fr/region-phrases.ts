/** How French puts a {region} into a request: the determiners and prepositions the samples combine. */

/** Determiners before a region, whatever its gender or number ("ma nuque", "le bas du dos", "mes hanches"). */
export const MY = ["{region}", "ma {region}", "mon {region}", "mes {region}", "le {region}", "la {region}", "les {region}"];
export const FOR = [...MY.map((r) => `pour ${r}`), ...MY.map((r) => `sur ${r}`)];
