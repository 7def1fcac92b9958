// `npm run cloud:csr -- [--storage DIR] [--thing NAME]`: the bridge's private key (mode 0600, made
// here, never sent anywhere) and a certificate signing request for AWS IoT Core, in DIR/cloud/.
// A key already there is kept (its CSR is made again): nothing is ever overwritten.
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLOUD_FILES, fail, parseFlags, storageOf } from "./cloud-files.mjs";

const flags = parseFlags(process.argv.slice(2), ["storage", "thing"]);
const thing = flags.thing ?? "biolight-home";
if (!/^[A-Za-z0-9:_-]{1,128}$/.test(thing)) fail(`--thing ${JSON.stringify(thing)} must be 1–128 letters, digits, ':', '_' or '-'`);
const storage = storageOf(flags);
const key = join(storage, CLOUD_FILES.key);
const csr = join(storage, CLOUD_FILES.csr);
mkdirSync(join(storage, CLOUD_FILES.dir), { recursive: true, mode: 0o700 });

const kept = existsSync(key);
if (!kept) {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  writeFileSync(key, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
}
chmodSync(key, 0o600);
try {
  execFileSync("openssl", ["req", "-new", "-key", key, "-subj", `/CN=${thing}`, "-out", csr], { stdio: ["ignore", "ignore", "pipe"] });
} catch (err) {
  fail(`openssl could not make the CSR from ${key}: ${String(err.stderr ?? err.message).trim()}`);
}
console.log(`${kept ? "Kept the private key" : "Private key"}: ${key} (mode 0600; it never leaves this machine)`);
console.log(`Certificate signing request: ${csr}`);
console.log(`Next: sam deploy ... --parameter-overrides ThingName=${thing} CertificateCsr="$(cat ${csr})"`);
