// The cloud link's files in the bridge's storage folder, made and written in one place: the key and
// CSR (`npm run cloud:csr`, `cloud join`), and the issued certificate with the config's `cloud`
// section (`npm run cloud:cert`, `cloud join`). Plain JavaScript so the npm scripts run it with node.
import { execFileSync } from "node:child_process";
import { createPrivateKey, generateKeyPairSync, X509Certificate } from "node:crypto";
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";

/** Relative to the storage folder: the `cloud` config section names them so. */
export const CLOUD_FILES = {
  dir: "cloud",
  key: "cloud/private.key",
  csr: "cloud/certificate.csr",
  cert: "cloud/certificate.pem",
  ca: "cloud/ca.pem",
};

export class CloudFilesError extends Error {}

/**
 * The private key (P-256, mode 0600, made here and never sent anywhere; one already there is kept)
 * and a CSR for it with CN=`thing`. Returns the CSR's PEM and whether the key was kept.
 */
export function makeKeyAndCsr(storage, thing) {
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
    throw new CloudFilesError(`openssl could not make the CSR from ${key}: ${String(err.stderr ?? err.message).trim()}`);
  }
  return { keyPath: key, csrPath: csr, csr: readFileSync(csr, "utf8"), kept };
}

/** Whether `pem` is a certificate of the key in the storage folder (throws CloudFilesError when it cannot be read). */
export function certificateMatchesKey(storage, pem) {
  try {
    return new X509Certificate(pem).checkPrivateKey(createPrivateKey(readFileSync(join(storage, CLOUD_FILES.key))));
  } catch (err) {
    throw new CloudFilesError(`the certificate could not be read: ${err.message}`);
  }
}

/**
 * Temp file, fsync, rename, fsync of the folder: after a power cut the config file is the old one or
 * the new one, never empty. common/durable-file.ts's way, written again here only because the npm
 * scripts run this file with plain node (Node 20 cannot load TypeScript).
 */
const atomic = (path, text, mode) => {
  const tmp = `${path}.${process.pid}-${Date.now()}.tmp`;
  try {
    const fd = openSync(tmp, "wx", mode);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  const dir = openSync(dirname(path), "r");
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
};

/**
 * Writes the certificate (and a CA, when the broker's is not in Node's roots) beside the key, then
 * sets `config.cloud` in the config file; the rest of the file is kept. Returns the section.
 */
export function writeCloudSection({ storage, configPath, config, url, thing, certificatePem, caPem }) {
  atomic(join(storage, CLOUD_FILES.cert), certificatePem, 0o644);
  if (caPem) atomic(join(storage, CLOUD_FILES.ca), caPem, 0o644);
  const cloud = { url, thing, cert: CLOUD_FILES.cert, key: CLOUD_FILES.key, ...(caPem ? { ca: CLOUD_FILES.ca } : {}) };
  atomic(configPath, `${JSON.stringify({ ...config, cloud }, null, 2)}\n`, 0o644);
  return cloud;
}
