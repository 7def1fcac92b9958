/**
 * The household table (one DynamoDB table, string keys `pk` and `sk`, TTL attribute `ttl`):
 *   code#<digest>  / code          a spoken link code: userId, expiresAt, usedAt/usedBy once used
 *   thing#<thing>  / wrong         the refused codes of the last hour (epoch ms), for the rate limit
 *   user#<userId>  / binding       the Alexa user's household: thing, linkedAt
 *   thing#<thing>  / user#<userId> the same binding seen from the thing (the dashboard's list, "unlink all")
 */
export const TABLE_KEYS = { partition: "pk", sort: "sk", ttl: "ttl" } as const;

export const keys = {
  code: (digest: string) => ({ pk: `code#${digest}`, sk: "code" }),
  wrong: (thing: string) => ({ pk: `thing#${thing}`, sk: "wrong" }),
  binding: (userId: string) => ({ pk: `user#${userId}`, sk: "binding" }),
  member: (thing: string, userId: string) => ({ pk: `thing#${thing}`, sk: `user#${userId}` }),
  thing: (thing: string) => `thing#${thing}`,
  memberPrefix: "user#",
};
