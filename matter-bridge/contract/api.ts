/**
 * The control API's shapes, one file per route group in api/: a client that calls one route builds
 * only that route's schemas (the skill loads them on first use).
 */

export * from "./api/alexa.js";
export * from "./api/caution.js";
export * from "./api/clock.js";
export * from "./api/cloud-join.js";
export * from "./api/dose.js";
export * from "./api/errors.js";
export * from "./api/health.js";
export * from "./api/history.js";
export * from "./api/pairing.js";
export * from "./api/panels.js";
export * from "./api/people.js";
export * from "./api/person-id.js";
export * from "./api/refusals.js";
export * from "./api/sessions.js";
