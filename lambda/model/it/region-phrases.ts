/** How Italian puts a {region} into a request: the determiners and prepositions the samples combine. */

/** Determiners before a region, whatever its gender or number ("il collo", "la zona lombare", "le spalle"). */
export const MY = [
  "{region}",
  "il {region}",
  "la {region}",
  "le {region}",
  "i {region}",
  "il mio {region}",
  "la mia {region}",
  "le mie {region}",
  "i miei {region}",
];
export const FOR = [
  "per i {region}",
  "sui {region}",
  "per {region}",
  "per il {region}",
  "per la {region}",
  "per le {region}",
  "per il mio {region}",
  "per la mia {region}",
  "per le mie {region}",
  "sul {region}",
  "sulla {region}",
  "sulle {region}",
  "per i miei {region}",
  "sui miei {region}",
];
