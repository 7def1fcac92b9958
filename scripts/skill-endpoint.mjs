// `npm run endpoint -- <function ARN>` or `npm run endpoint -- --stack <stack name> [--region r] [--profile p]`:
// writes the SAM stack's function into the skill package (models/skill.json, apis.custom.endpoint.uri)
// so that `ask deploy` points the skill at it. The ASK CLI deploys only the skill package here
// (ask-resources.json has no code or infrastructure deployer); SAM owns the function.
//   --stack reads the SkillFunctionArn output with `sam list stack-outputs --stack-name <name> --output json`.
//   --manifest <path> edits another skill.json (default: models/skill.json).
// Only the endpoint changes; the rest of the file keeps its text and formatting.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";

/** Alexa calls Lambda endpoints only in these AWS regions. */
const ALEXA_LAMBDA_REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1"];
const ARN = /^arn:aws:lambda:([a-z0-9-]+):(\d{12}):function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$/;
const OUTPUT_KEY = "SkillFunctionArn";

function fail(message) {
  console.error(message);
  process.exit(2);
}

function checkArn(arn) {
  const m = ARN.exec(arn);
  if (!m) fail(`Not a Lambda function ARN: ${JSON.stringify(arn)} (expected arn:aws:lambda:<region>:<account>:function:<name>)`);
  if (!ALEXA_LAMBDA_REGIONS.includes(m[1]))
    fail(`Alexa cannot call a Lambda function in ${m[1]}: deploy the stack to one of ${ALEXA_LAMBDA_REGIONS.join(", ")}`);
  return arn;
}

function arnFromStack(stack, region, profile) {
  const args = ["list", "stack-outputs", "--stack-name", stack, "--output", "json"];
  if (region) args.push("--region", region);
  if (profile) args.push("--profile", profile);
  let out;
  try {
    out = execFileSync("sam", args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  } catch (e) {
    fail(`\`sam ${args.join(" ")}\` failed (${e.code ?? `exit ${e.status}`}): is the SAM CLI installed and the stack deployed?`);
  }
  let outputs;
  try {
    outputs = JSON.parse(out.slice(out.indexOf("[")));
  } catch {
    fail(`\`sam ${args.join(" ")}\` did not print JSON:\n${out}`);
  }
  const output = Array.isArray(outputs) ? outputs.find((o) => o?.OutputKey === OUTPUT_KEY) : undefined;
  if (!output) fail(`Stack ${stack} has no ${OUTPUT_KEY} output (deploy/template.yaml declares it)`);
  return String(output.OutputValue);
}

/**
 * The manifest's text with apis.custom.endpoint (and events.endpoint, where the skill subscribes to
 * skill events such as SKILL_DISABLED) set to { uri }, keeping the rest of the text as it is.
 */
function withEndpoint(text, uri) {
  const json = JSON.parse(text);
  const custom = json?.manifest?.apis?.custom;
  if (!custom || typeof custom !== "object") throw new Error("skill.json has no manifest.apis.custom");
  const { endpoint: _old, ...rest } = custom;
  json.manifest.apis.custom = { endpoint: { uri }, ...rest };
  const events = json.manifest.events;
  if (events && typeof events === "object") {
    const { endpoint: _oldEvents, ...eventsRest } = events;
    json.manifest.events = { endpoint: { uri }, ...eventsRest };
  }
  const value = `"endpoint": { "uri": ${JSON.stringify(uri)} }`;
  const existing = /"endpoint"\s*:\s*\{[^{}]*\}/g;
  let spliced = text;
  if ((text.match(existing) ?? []).length > 0) spliced = text.replace(existing, value);
  for (const owner of ["custom", "events"]) {
    if (owner === "events" && !events) continue;
    const open = new RegExp(`("${owner}"\\s*:\\s*\\{)(\\s*)(\\}?)`);
    if (
      (spliced.match(new RegExp(`"${owner}"\\s*:`, "g")) ?? []).length === 1 &&
      !new RegExp(`"${owner}"\\s*:\\s*\\{\\s*"endpoint"`).test(spliced)
    )
      spliced = spliced.replace(open, (_m, head, ws, close) => (close ? `${head} ${value} }` : `${head}${ws}${value},${ws}`));
  }
  // The splice is kept only if it says exactly what was meant; otherwise the file is rewritten whole.
  try {
    if (isDeepStrictEqual(JSON.parse(spliced), json)) return spliced;
  } catch {}
  return `${JSON.stringify(json, null, 2)}\n`;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    stack: { type: "string" },
    region: { type: "string" },
    profile: { type: "string" },
    manifest: { type: "string", default: fileURLToPath(new URL("../models/skill.json", import.meta.url)) },
  },
});
if ((positionals.length === 1) === Boolean(values.stack))
  fail(
    "usage: npm run endpoint -- <function ARN>\n       npm run endpoint -- --stack <stack name> [--region <region>] [--profile <profile>]",
  );
const arn = checkArn(positionals[0] ?? arnFromStack(values.stack, values.region, values.profile));
writeFileSync(values.manifest, withEndpoint(readFileSync(values.manifest, "utf8"), arn));
console.log(`${values.manifest}: apis.custom.endpoint.uri = ${arn}\nNext: ask deploy`);
