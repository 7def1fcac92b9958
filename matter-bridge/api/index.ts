export { HttpError } from "./errors.js";
export type { Reply, Route, RouteRequest } from "./router.js";
export { type Api, type ApiOptions, type StaticHandler, startApi } from "./server.js";
export { type ApiToken, loadOrCreateToken } from "./token.js";
