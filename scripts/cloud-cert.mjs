// `npm run cloud:cert -- --stack NAME [--storage DIR] [--config FILE]`: fetches the certificate AWS
// IoT Core issued from the CSR (the stack's CertificateId output, with the AWS CLI), checks it
// belongs to the private key `cloud:csr` made, writes it beside the key and sets the `cloud` section
// of the bridge's config from the stack's IotEndpoint and ThingName outputs. Nothing is written
// unless everything checked out.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CloudFilesError, certificateMatchesKey, writeCloudSection } from "../matter-bridge/cloud/files.mjs";
import { CLOUD_FILES, fail, parseFlags, storageOf } from "./cloud-files.mjs";

const flags = parseFlags(process.argv.slice(2), ["stack", "storage", "config"]);
if (!flags.stack) fail("--stack <name> is required: the SAM stack that made the thing and its certificate");
const storage = storageOf(flags);
const configPath = resolve(flags.config ?? process.env.BRIDGE_CONFIG ?? "bridge.json");
if (!existsSync(configPath)) fail(`--config ${configPath} does not exist: the bridge's config file gets the cloud section`);
let config;
try {
  config = JSON.parse(readFileSync(configPath, "utf8"));
} catch (err) {
  fail(`--config ${configPath} is not JSON: ${err.message}`);
}
const keyPath = join(storage, CLOUD_FILES.key);
if (!existsSync(keyPath)) fail(`no private key at ${keyPath}: run npm run cloud:csr first (with the same --storage)`);

function aws(args) {
  try {
    return JSON.parse(execFileSync("aws", [...args, "--output", "json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
  } catch (err) {
    fail(
      `aws ${args.slice(0, 2).join(" ")} failed: ${String(err.stderr ?? err.message)
        .trim()
        .split("\n")
        .pop()}`,
    );
  }
}

const stack = aws(["cloudformation", "describe-stacks", "--stack-name", flags.stack]).Stacks?.[0];
const outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
for (const name of ["IotEndpoint", "ThingName", "CertificateId"])
  if (!outputs[name]) fail(`stack ${flags.stack} has no ${name} output (was it deployed with BridgeLink=mqtt?)`);

const pem = aws(["iot", "describe-certificate", "--certificate-id", outputs.CertificateId]).certificateDescription?.certificatePem;
if (!pem) fail(`certificate ${outputs.CertificateId} has no PEM`);
let matches = false;
try {
  matches = certificateMatchesKey(storage, pem);
} catch (err) {
  fail(`certificate ${outputs.CertificateId}: ${err instanceof CloudFilesError ? err.message : String(err)}`);
}
if (!matches) fail(`certificate ${outputs.CertificateId} does not belong to the private key ${keyPath} (a CSR from another key?)`);

config.cloud = writeCloudSection({
  storage,
  configPath,
  config,
  url: `mqtts://${outputs.IotEndpoint}:8883`,
  thing: outputs.ThingName,
  certificatePem: pem,
});
console.log(`Certificate ${outputs.CertificateId}: ${join(storage, CLOUD_FILES.cert)}`);
console.log(`${configPath}: cloud = ${JSON.stringify(config.cloud)}`);
