/** The bridge's public contract. lambda/ imports only this module (no matter.js behind it). */
export * from "./api.js";
export * from "./caution.js";
export * from "./config.js";
export * from "./issues.js";
export * from "./numbers.js";
export * from "./regions.js";
export * from "./storage.js";
export * from "./units.js";
