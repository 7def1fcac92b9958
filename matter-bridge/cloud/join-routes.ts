/**
 * `POST /v1/cloud/join {code, provisionUrl}`: the dashboard's "Join the cloud", an owner route
 * (HTTP only, like owner-routes.ts: the cloud link never serves it, and before joining there is no
 * link). It does what `biolight-bridge cloud join` does (cloud/join.ts: key and CSR made here, the
 * endpoint called, certificate and `cloud` section written), then hands the new section to the
 * running bridge, which starts its link in place: no restart.
 */

import { HttpError } from "../api/errors.js";
import type { Route } from "../api/router.js";
import { parse } from "../api/routes.js";
import { ConfigError } from "../config/load.js";
import { CLOUD_JOIN_ERRORS, CloudJoinRequestSchema, type CloudJoinResponse } from "../contract/api.js";
import { JoinError, joinCloud } from "./join.js";
import type { CloudLink } from "./link.js";
import { type CloudConnection, cloudConnection } from "./options.js";

export interface CloudJoinOptions {
  /** The config file the bridge was started with (undefined: none, so nowhere to write the section). */
  configPath?: string;
  storage: string;
  /** The running link, if any. */
  cloud(): CloudLink | undefined;
  /** Starts the link for the new section and makes it the bridge's (health, the Alexa routes, shutdown). */
  startLink(connection: CloudConnection): Promise<CloudLink>;
  log(message: string): void;
  /** A CA file for a broker whose certificate is not in Node's roots, as `cloud join --ca` (a self-hosted broker; AWS needs none). */
  caPath?: string;
}

export function cloudJoinRoutes(o: CloudJoinOptions): Route[] {
  let joining = false;
  return [
    {
      method: "POST",
      path: "/v1/cloud/join",
      async handle({ body }) {
        const { code, provisionUrl } = parse(CloudJoinRequestSchema, await body());
        const running = o.cloud();
        if (running)
          throw new HttpError(
            409,
            CLOUD_JOIN_ERRORS.joined,
            "This bridge has joined the cloud already (its config has a cloud section). Remove that section to join another deployment.",
          );
        if (joining)
          throw new HttpError(409, CLOUD_JOIN_ERRORS.joined, "This bridge is joining the cloud right now: wait for that answer.");
        if (!o.configPath)
          throw new HttpError(
            409,
            CLOUD_JOIN_ERRORS.noConfig,
            "This bridge was started without a config file (--config or BRIDGE_CONFIG), so there is nowhere to write the cloud section. Start it with one, then join.",
          );
        joining = true;
        try {
          let section: Awaited<ReturnType<typeof joinCloud>>;
          try {
            section = await joinCloud({ code, provisionUrl, storage: o.storage, configPath: o.configPath, caPath: o.caPath });
          } catch (err) {
            if (err instanceof JoinError) throw new HttpError(422, CLOUD_JOIN_ERRORS.refused, err.message);
            throw err;
          }
          let connection: CloudConnection;
          try {
            connection = await cloudConnection(section, o.storage);
          } catch (err) {
            // Written but not usable (cannot happen after join's own checks, but never a silent half-join).
            if (err instanceof ConfigError) throw new HttpError(422, CLOUD_JOIN_ERRORS.refused, err.message);
            throw err;
          }
          const link = await o.startLink(connection);
          o.log(`Joined the cloud as ${section.thing} (${section.url}); the cloud link is starting, no restart needed.`);
          const reply: CloudJoinResponse = { thing: section.thing, url: section.url, cloud: link.state };
          return { status: 200, body: reply };
        } finally {
          joining = false;
        }
      },
    },
  ];
}
