export { type Api, type ApiOptions, type StaticHandler, startApi } from "./server.js";
export type { Reply, Route, RouteRequest } from "./router.js";
export { HttpError } from "./errors.js";
export { loadOrCreateToken, type ApiToken } from "./token.js";
