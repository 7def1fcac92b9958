/** The cloud link put together: the public control API's door, its request handling, the connection. */
import { door } from "../api/door.js";
import { controlRoutes } from "../api/routes.js";
import type { SessionController } from "../sessions/controller.js";
import { CloudLink, type CloudLinkOptions } from "./link.js";
import type { CloudConnection } from "./options.js";
import { linkRequests } from "./requests.js";

export interface StartCloudLink extends Partial<Omit<CloudLinkOptions, "connection" | "handle" | "log" | "version">> {
  connection: CloudConnection;
  controller: SessionController;
  version: string;
  log: (m: string) => void;
  stopTimeoutMs?: number;
}

/** Starts connecting (returns at once); the routes are the HTTP API's own (routes.ts), never pairing's or the dashboard's. */
export function startCloudLink({ connection, controller, stopTimeoutMs, ...rest }: StartCloudLink): CloudLink {
  const enter = door(controlRoutes({ controller, stopTimeoutMs, cloud: () => link.state, clock: rest.clock }));
  const handle = linkRequests({ thing: connection.thing, enter, now: rest.now ?? Date.now, log: rest.log });
  const link = new CloudLink({ ...rest, connection, handle });
  link.start();
  return link;
}
