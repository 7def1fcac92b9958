/**
 * `npm run say -- "<utterance>"`: what Alexa would say. The real interaction model turns the
 * words into an intent (virtual-alexa), the real skill handles it in-process, and the running
 * bridge at BRIDGE_URL does the rest. With no utterance: an interactive conversation.
 *
 * A one-shot reply that leaves the conversation open (a question, e.g. the caution) is continued
 * by the next `npm run say` within ten minutes, so "no" can answer it.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import { SkillEnvError } from "../lambda/entry/env.js";
import { skillFromEnv } from "../lambda/entry/from-env.js";

const MODEL = fileURLToPath(new URL("../models/interactionModels/custom/en-US.json", import.meta.url));
const OPEN_CONVERSATION_MS = 10 * 60 * 1000;
const LOCAL_USER = "amzn1.ask.account.BIOLIGHT-LOCAL-SIMULATOR";

const args = process.argv.slice(2);
const newUser = args.includes("--new-user");
const voiceAt = args.indexOf("--voice");
const voice = voiceAt >= 0 ? args[voiceAt + 1] : undefined;
const words = args
  .filter((a, i) => a !== "--new-user" && (voiceAt < 0 || (i !== voiceAt && i !== voiceAt + 1)))
  .join(" ")
  .trim();
if (args.includes("--help") || args.includes("-h")) {
  console.log(`usage: npm run say -- [--new-user] [--voice NAME] ["<utterance>"]
  "<utterance>"   what you would say after "Alexa, ask bio light to ..."; "open bio light" launches
  (none)          an interactive conversation; an empty line or "exit" ends it
  --new-user      talk as a brand-new Alexa user (hears the first-use caution)
  --voice NAME    talk as a recognised Alexa voice profile called NAME (a home with several people
                  asks once who that voice is); without it, Alexa does not recognise the speaker
env: BRIDGE_URL (default http://127.0.0.1:8787), BRIDGE_TOKEN (default: ./.data/api-token), SKILL_DATA_DIR (default ./.data/skill)`);
  process.exit(0);
}

const dataDir = process.env.SKILL_DATA_DIR || "./.data/skill";
const conversationFile = join(dataDir, "say-conversation.json");
const userId = newUser ? `amzn1.ask.account.NEW-${Date.now()}` : LOCAL_USER;

interface OpenConversation {
  sessionId: string;
  attributes: Record<string, unknown>;
  at: number;
  userId: string;
  /** The voice that spoke (a conversation is continued only by the same voice). */
  voice?: string;
}

let skill: Awaited<ReturnType<typeof skillFromEnv>>;
try {
  skill = await skillFromEnv({ SKILL_DATA_DIR: dataDir, ...process.env });
} catch (err) {
  console.error(err instanceof SkillEnvError ? err.message : String(err));
  process.exit(1);
}

let open: OpenConversation | undefined;
if (!newUser) {
  try {
    const saved: OpenConversation = JSON.parse(await readFile(conversationFile, "utf8"));
    if (Date.now() - saved.at < OPEN_CONVERSATION_MS && saved.userId === userId && saved.voice === voice) open = saved;
  } catch {}
}

let lastReply: ResponseEnvelope | undefined;
// virtual-alexa loads aws-sdk v2 for a mock this tool does not use; keep its notice out of the conversation.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";
const { VirtualAlexa } = await import("virtual-alexa");
const alexa = VirtualAlexa.Builder()
  .handler(async (event: RequestEnvelope) => {
    lastReply = await skill.invoke(event);
    return lastReply;
  })
  .interactionModelFile(MODEL)
  .locale("en-US")
  .create();
// biome-ignore lint/suspicious/useIterableCallbackReturn: virtual-alexa's request filter, not Array#filter
alexa.filter((request: RequestEnvelope) => {
  request.context.System.user.userId = userId;
  if (voice) (request.context.System as { person?: unknown }).person = { personId: `amzn1.ask.person.LOCAL-${voice}` };
  // No Alexa service API here: the skill skips progressive responses and timers.
  request.context.System.apiAccessToken = "";
  if (request.session) {
    request.session.user.userId = userId;
    if (open) {
      request.session.new = false;
      request.session.sessionId = open.sessionId;
      request.session.attributes = open.attributes;
    }
  }
});

const speechOf = (reply: ResponseEnvelope | undefined) =>
  ((reply?.response.outputSpeech as { ssml?: string } | undefined)?.ssml ?? "").replace(/<[^>]+>/g, "").trim();

async function say(utterance: string): Promise<boolean> {
  lastReply = undefined;
  const launch = /^(open|launch|start) bio ?light$/i.test(utterance);
  try {
    if (launch) await alexa.launch();
    else await alexa.utter(utterance);
  } catch (err) {
    // Words the model has no sample for: real Alexa sends the fallback intent.
    if (!String(err).includes("Unable to match utterance")) throw err;
    await alexa.intend("AMAZON.FallbackIntent");
  }
  const reply = lastReply as ResponseEnvelope | undefined;
  console.log(`alexa> ${speechOf(reply) || "(nothing)"}`);
  const keepsOpen = reply?.response.shouldEndSession === false;
  open = keepsOpen
    ? {
        sessionId: open?.sessionId ?? `amzn1.echo-api.session.say-${Date.now()}`,
        attributes: reply?.sessionAttributes ?? {},
        at: Date.now(),
        userId,
        ...(voice ? { voice } : {}),
      }
    : undefined;
  return keepsOpen;
}

async function remember(): Promise<void> {
  if (newUser) return;
  if (open) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(conversationFile, JSON.stringify(open));
  } else await rm(conversationFile, { force: true });
}

if (words) {
  await say(words);
  await remember();
  if (open) console.log('(Alexa is waiting for an answer: reply with npm run say -- "<answer>")');
} else {
  console.log('Talk to Bio Light as you would after "Alexa, ask bio light to ...". Empty line or "exit" to stop.');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY, prompt: "you> " });
  try {
    rl.prompt();
    for await (const raw of rl) {
      const line = raw.trim();
      if (!process.stdin.isTTY) console.log(line);
      if (!line || line === "exit" || line === "quit") break;
      await say(line);
      rl.prompt();
    }
  } finally {
    rl.close();
    await remember();
  }
}
