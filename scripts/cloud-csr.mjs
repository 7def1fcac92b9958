// `npm run cloud:csr -- [--storage DIR] [--thing NAME]`: the bridge's private key (mode 0600, made
// here, never sent anywhere) and a certificate signing request for AWS IoT Core, in DIR/cloud/.
// A key already there is kept (its CSR is made again): nothing is ever overwritten.
import { CloudFilesError, makeKeyAndCsr } from "../matter-bridge/cloud/files.mjs";
import { fail, parseFlags, storageOf } from "./cloud-files.mjs";

const flags = parseFlags(process.argv.slice(2), ["storage", "thing"]);
const thing = flags.thing ?? "biolight-home";
if (!/^[A-Za-z0-9:_-]{1,128}$/.test(thing)) fail(`--thing ${JSON.stringify(thing)} must be 1–128 letters, digits, ':', '_' or '-'`);
const storage = storageOf(flags);
let made;
try {
  made = makeKeyAndCsr(storage, thing);
} catch (err) {
  fail(err instanceof CloudFilesError ? err.message : String(err));
}
const { kept, keyPath: key, csrPath: csr } = made;
console.log(`${kept ? "Kept the private key" : "Private key"}: ${key} (mode 0600; it never leaves this machine)`);
console.log(`Certificate signing request: ${csr}`);
console.log(`Next: sam deploy ... --parameter-overrides ThingName=${thing} CertificateCsr="$(cat ${csr})"`);
