/**
 * Households in DynamoDB (AWS SDK v3): link codes (single use, 10 minutes, TTL), the check of a code
 * a thing sends (at most 5 refused codes per thing per hour), and the bindings Alexa user → thing.
 * One table, laid out in ./schema.ts. Used by the skill, the link function and the provisioning
 * endpoint alike, so that every way in checks a code the same way.
 */
import { ConditionalCheckFailedException, DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { CODE_LIFETIME_MS, codeDigest, isCodeShaped, makeCode, sameDigest } from "./codes.js";
import { keys } from "./schema.js";

/** Refused codes a thing may send per hour before every code it sends is refused until the hour has passed. */
export const MAX_WRONG_CODES_PER_HOUR = 5;
const HOUR_MS = 3_600_000;
/** Optimistic-lock retries of the rate-limit item under contention. */
const MAX_TRIES = 12;

export type CodeRefusal = "wrong" | "expired" | "reused" | "rate-limited";

export type RedeemResult = { ok: true; userId: string } | { ok: false; reason: CodeRefusal; retryAfterSeconds?: number };

export interface LinkedAccount {
  /** When this account was linked (ISO). Alexa user ids are not shown: they are the users' own. */
  linkedAt: string;
}

export interface IssuedCode {
  code: string;
  expiresAt: number;
}

export interface HouseholdStoreOptions {
  table: string;
  now?: () => number;
  dynamo?: DynamoDBClientConfig;
}

const epochSeconds = (ms: number) => Math.ceil(ms / 1000);
const conditionFailed = (err: unknown) =>
  err instanceof ConditionalCheckFailedException || (err as { name?: string })?.name === "ConditionalCheckFailedException";

export class HouseholdStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly now: () => number;

  constructor(options: HouseholdStoreOptions) {
    this.table = options.table;
    this.now = options.now ?? Date.now;
    this.db = DynamoDBDocumentClient.from(new DynamoDBClient(options.dynamo ?? {}), {
      marshallOptions: { removeUndefinedValues: true },
    });
  }

  /** A new code for `userId`, valid for 10 minutes; a code still valid for someone else is never handed out again. */
  async issueCode(userId: string): Promise<IssuedCode> {
    for (let i = 0; i < MAX_TRIES; i++) {
      const code = makeCode();
      const now = this.now();
      const expiresAt = now + CODE_LIFETIME_MS;
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: {
              ...keys.code(codeDigest(code)),
              digest: codeDigest(code),
              userId,
              createdAt: now,
              expiresAt,
              ttl: epochSeconds(expiresAt),
            },
            // A slot is free when nobody holds it or its code has expired (TTL deletes lazily, within days).
            ConditionExpression: "attribute_not_exists(pk) OR expiresAt < :now",
            ExpressionAttributeValues: { ":now": now },
          }),
        );
        return { code, expiresAt };
      } catch (err) {
        if (!conditionFailed(err)) throw err;
      }
    }
    throw new Error("no free link code after several tries");
  }

  /**
   * Checks a code `thing` sent and, when it is good, uses it up and binds its user to `thing`. A thing
   * that had 5 codes refused in the last hour has every code refused (unchecked) until an hour after the first.
   * `limitedAs`: whom the refusals count against when `thing` is new (provisioning: the caller's address).
   */
  async redeem(code: string, thing: string, limitedAs: string = thing): Promise<RedeemResult> {
    const attempt = await this.reserveAttempt(limitedAs);
    if (!attempt.ok) return { ok: false, reason: "rate-limited", retryAfterSeconds: attempt.retryAfterSeconds };
    const used = await this.useCode(code, thing);
    if (!used.ok) return used;
    await this.releaseAttempt(limitedAs, attempt.at);
    await this.bind(used.userId, thing);
    return { ok: true, userId: used.userId };
  }

  /** The thing `userId` is linked to, if any. */
  async thingOf(userId: string): Promise<string | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.binding(userId), ConsistentRead: true }));
    return typeof out.Item?.thing === "string" ? out.Item.thing : undefined;
  }

  /** Links `userId` to `thing` (instead of any household it was linked to before). */
  async bind(userId: string, thing: string): Promise<void> {
    const before = await this.thingOf(userId);
    const linkedAt = new Date(this.now()).toISOString();
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table, Item: { ...keys.binding(userId), thing, linkedAt } } },
          { Put: { TableName: this.table, Item: { ...keys.member(thing, userId), userId, linkedAt } } },
          ...(before && before !== thing ? [{ Delete: { TableName: this.table, Key: keys.member(before, userId) } }] : []),
        ],
      }),
    );
  }

  /** Unlinks one Alexa user (the skill's "unlink my bridge", SkillDisabled). Returns the thing it was linked to. */
  async unlinkUser(userId: string): Promise<string | undefined> {
    const thing = await this.thingOf(userId);
    if (!thing) return undefined;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.table, Key: keys.binding(userId) } },
          { Delete: { TableName: this.table, Key: keys.member(thing, userId) } },
        ],
      }),
    );
    return thing;
  }

  /** Unlinks every account linked to `thing` (the dashboard's "unlink all"). Returns how many. */
  async unlinkAll(thing: string): Promise<number> {
    const members = await this.members(thing);
    for (const userId of members) {
      await this.db
        .send(
          new TransactWriteCommand({
            TransactItems: [
              // Only while the user is still linked to this thing: one who moved meanwhile stays where they went.
              {
                Delete: {
                  TableName: this.table,
                  Key: keys.binding(userId),
                  ConditionExpression: "attribute_not_exists(pk) OR thing = :thing",
                  ExpressionAttributeValues: { ":thing": thing },
                },
              },
              { Delete: { TableName: this.table, Key: keys.member(thing, userId) } },
            ],
          }),
        )
        .catch((err) => {
          if ((err as { name?: string })?.name !== "TransactionCanceledException") throw err;
          return this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.member(thing, userId) }));
        });
    }
    return members.length;
  }

  /** The accounts linked to `thing`, oldest first. */
  async accounts(thing: string): Promise<LinkedAccount[]> {
    const items = await this.memberItems(thing);
    return items.map((i) => ({ linkedAt: String(i.linkedAt) })).sort((a, b) => a.linkedAt.localeCompare(b.linkedAt));
  }

  destroy(): void {
    this.db.destroy();
  }

  private async members(thing: string): Promise<string[]> {
    return (await this.memberItems(thing)).map((i) => String(i.userId));
  }

  private async memberItems(thing: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": keys.thing(thing), ":prefix": keys.memberPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** Uses the code up for `thing`, or says why not. */
  private async useCode(code: string, thing: string): Promise<{ ok: true; userId: string } | { ok: false; reason: CodeRefusal }> {
    if (!isCodeShaped(code)) return { ok: false, reason: "wrong" };
    const digest = codeDigest(code);
    const now = this.now();
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.code(digest),
          UpdateExpression: "SET usedAt = :now, usedBy = :thing",
          ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :now",
          ExpressionAttributeValues: { ":now": now, ":thing": thing },
          ReturnValues: "ALL_NEW",
        }),
      );
      const item = out.Attributes ?? {};
      if (typeof item.digest !== "string" || !sameDigest(item.digest, digest) || typeof item.userId !== "string")
        return { ok: false, reason: "wrong" };
      return { ok: true, userId: item.userId };
    } catch (err) {
      if (!conditionFailed(err)) throw err;
    }
    const seen = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.code(digest), ConsistentRead: true }));
    if (!seen.Item) return { ok: false, reason: "wrong" };
    return { ok: false, reason: seen.Item.usedAt !== undefined ? "reused" : "expired" };
  }

  /**
   * Counts this attempt among the thing's refused codes of the last hour before the code is looked at
   * (so that many codes sent at once cannot all be checked), or refuses it when 5 are already there.
   */
  private async reserveAttempt(thing: string): Promise<{ ok: true; at: number } | { ok: false; retryAfterSeconds: number }> {
    for (let i = 0; i < MAX_TRIES; i++) {
      const now = this.now();
      const { recent, version } = await this.readAttempts(thing, now);
      if (recent.length >= MAX_WRONG_CODES_PER_HOUR)
        return { ok: false, retryAfterSeconds: Math.max(1, epochSeconds(Math.min(...recent) + HOUR_MS - now)) };
      if (await this.writeAttempts(thing, [...recent, now], version)) return { ok: true, at: now };
    }
    throw new Error(`link codes for ${thing}: the rate limit is too contended`);
  }

  /** The attempt was a good code: it does not count. */
  private async releaseAttempt(thing: string, at: number): Promise<void> {
    for (let i = 0; i < MAX_TRIES; i++) {
      const { recent, version } = await this.readAttempts(thing, this.now());
      const index = recent.indexOf(at);
      if (index < 0) return;
      if (await this.writeAttempts(thing, recent.toSpliced(index, 1), version)) return;
    }
  }

  private async readAttempts(thing: string, now: number): Promise<{ recent: number[]; version: number }> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.wrong(thing), ConsistentRead: true }));
    const at = Array.isArray(out.Item?.at) ? (out.Item.at as unknown[]).filter((t): t is number => typeof t === "number") : [];
    return { recent: at.filter((t) => t > now - HOUR_MS), version: typeof out.Item?.v === "number" ? out.Item.v : 0 };
  }

  private async writeAttempts(thing: string, at: number[], version: number): Promise<boolean> {
    const last = at.length ? Math.max(...at) : this.now();
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.wrong(thing), at, v: version + 1, ttl: epochSeconds(last + HOUR_MS) },
          ConditionExpression: version === 0 ? "attribute_not_exists(pk) OR v = :v" : "v = :v",
          ExpressionAttributeValues: { ":v": version },
        }),
      );
      return true;
    } catch (err) {
      if (conditionFailed(err)) return false;
      throw err;
    }
  }
}
