/** The real skill on the real en-US interaction model through virtual-alexa, against a real bridge. */
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Skill } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";
import { VirtualAlexa } from "virtual-alexa";
import { BridgeClient } from "../../lambda/bridge-api/client.js";
import { createSkill, type SkillOptions } from "../../lambda/entry/skill.js";
import { TIMERS_SCOPE } from "../../lambda/flows/alexa-api.js";
import { FilePersistenceAdapter } from "../../lambda/user-data/persistence/file.js";
import { type CautionStatusResponse, CautionStatusResponseSchema } from "../../matter-bridge/contract/index.js";
import { call } from "./http.js";
import { tempDirs } from "./temp-dirs.js";

// virtual-alexa loads nock, which patches node:http process-wide on load (and breaks
// request(url, options, callback) for every later test in this jest worker). Nothing here uses it.
createRequire(import.meta.url)("nock").restore();

/** A locale's generated interaction model file. */
export const modelFile = (locale: string) =>
  fileURLToPath(new URL(`../../models/interactionModels/custom/${locale}.json`, import.meta.url));
export const MODEL = modelFile("en-US");

/** The user-data folders testSkill makes, removed after the test file that imports this helper. */
const tempDir = tempDirs("biolight-skill-");

/**
 * The real skill on a bridge; its user data in `opts.dataDir`, else in a temp folder of its own (removed after the file's tests).
 * `opts.clock` is the skill's and its bridge client's (a test's fake clock moves their timeouts).
 */
export async function testSkill(
  bridgeUrl: string,
  token: string,
  opts: Partial<SkillOptions> & { dataDir?: string; timeoutMs?: number } = {},
) {
  const dataDir = opts.dataDir ?? (await tempDir());
  const skill = createSkill({
    bridge: new BridgeClient({ url: bridgeUrl, token, timeoutMs: opts.timeoutMs, clock: opts.clock }),
    persistence: opts.persistence ?? new FilePersistenceAdapter(dataDir),
    alexaApiTimeoutMs: 500,
    ...opts,
  });
  return { skill, dataDir };
}

/**
 * `skill`: the skill, or the built Lambda bundle's module (its `handler`); `locale`: the request
 * locale and the interaction model it is matched against.
 * Sets the Alexa API endpoint (and optionally the timers permission) on every request. `personId`:
 * the speaker is a recognised Alexa voice profile (context.System.person), as on a real Echo.
 */
export function alexaFor(
  skill: Skill | { handler: (event: RequestEnvelope, context?: unknown) => Promise<unknown> },
  api: { url: string },
  opts: { timers?: boolean; userId?: string; personId?: string; locale?: string } = {},
) {
  const locale = opts.locale ?? "en-US";
  const alexa = VirtualAlexa.Builder()
    .handler((event: RequestEnvelope, context: unknown) =>
      "invoke" in skill ? skill.invoke(event, context) : skill.handler(event, context),
    )
    .interactionModelFile(modelFile(locale))
    .locale(locale)
    .create();
  // biome-ignore lint/suspicious/useIterableCallbackReturn: virtual-alexa's request filter, not Array#filter
  alexa.filter((request: RequestEnvelope) => {
    const system = request.context.System;
    system.apiEndpoint = api.url;
    system.apiAccessToken = "test-api-access-token";
    if (opts.userId) system.user.userId = opts.userId;
    if (opts.personId) (system as { person?: unknown }).person = { personId: opts.personId, personAccessToken: "test-person-access-token" };
    if (opts.timers) system.user.permissions = { ...system.user.permissions, scopes: { [TIMERS_SCOPE]: { status: "GRANTED" } } };
  });
  return alexa;
}

/** The plain text of what Alexa would say. */
// biome-ignore lint/suspicious/noExplicitAny: virtual-alexa's response type is loose
export const said = (reply: any): string => (reply?.response?.outputSpeech?.ssml ?? "").replace(/<[^>]+>/g, "").trim();
// biome-ignore lint/suspicious/noExplicitAny: virtual-alexa's response type is loose
export const ended = (reply: any): boolean => reply?.response?.shouldEndSession === true;

/** The bridge's household gate as its API reports it (`GET /v1/caution`), as another household member would see it. */
export async function householdCaution(bridgeUrl: string, token: string): Promise<CautionStatusResponse> {
  const answer = await call(bridgeUrl, "GET", "/v1/caution", { token });
  if (answer.status !== 200) throw new Error(`GET /v1/caution answered ${answer.status}: ${answer.text}`);
  return CautionStatusResponseSchema.parse(answer.body);
}

/** What this user's skill data holds (file persistence: one JSON file per user in `dataDir`). */
export async function storedUsers(dataDir: string): Promise<Array<Record<string, unknown>>> {
  const files = await readdir(dataDir);
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dataDir, f), "utf8")) as Record<string, unknown>));
}
