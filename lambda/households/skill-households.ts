/**
 * The skill's view of households (HOUSEHOLDS=dynamodb): which bridge a request's Alexa user is
 * linked to, and the codes and unlinking behind "link my bridge" / "unlink my bridge". Each thing
 * gets its own BridgeClient whose link publishes only to that thing's topics.
 */
import type { BridgeClient } from "../bridge-api/client.js";
import type { HouseholdStore, IssuedCode } from "./store.js";

export interface Households {
  /** The bridge of the household `userId` is linked to; undefined when it is linked to none. */
  bridgeFor(userId: string): Promise<BridgeClient | undefined>;
  issueCode(userId: string): Promise<IssuedCode>;
  /** Unlinks the user; the thing it was linked to, if any. */
  unlink(userId: string): Promise<string | undefined>;
}

export function storeHouseholds(store: HouseholdStore, clientFor: (thing: string) => BridgeClient): Households {
  const clients = new Map<string, BridgeClient>();
  return {
    async bridgeFor(userId) {
      const thing = await store.thingOf(userId);
      if (thing === undefined) return undefined;
      const known = clients.get(thing);
      if (known) return known;
      const client = clientFor(thing);
      clients.set(thing, client);
      return client;
    },
    issueCode: (userId) => store.issueCode(userId),
    unlink: (userId) => store.unlinkUser(userId),
  };
}
