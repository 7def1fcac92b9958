/**
 * A certificate signing request checked before a link code is used up: PEM → DER, its structure
 * (PKCS #10: request info, algorithm, signature), a key AWS IoT Core accepts (RSA ≥ 2048 bits, EC
 * P-256/P-384) and its self-signature. No ASN.1 library: only the few DER shapes a CSR has.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";

export class CsrError extends Error {}

interface Der {
  tag: number;
  /** The whole element (tag, length, content). */
  all: Buffer;
  content: Buffer;
}

function read(buf: Buffer, at = 0): Der {
  const tag = buf[at];
  let len = buf[at + 1];
  let head = 2;
  if (tag === undefined || len === undefined) throw new CsrError("the CSR is cut short");
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 3 || at + 2 + n > buf.length) throw new CsrError("the CSR has a bad length");
    len = buf.readUIntBE(at + 2, n);
    head += n;
  }
  if (at + head + len > buf.length) throw new CsrError("the CSR is cut short");
  return { tag, all: buf.subarray(at, at + head + len), content: buf.subarray(at + head, at + head + len) };
}

function children(seq: Der): Der[] {
  const out: Der[] = [];
  for (let at = 0; at < seq.content.length; ) {
    const child = read(seq.content, at);
    out.push(child);
    at += child.all.length;
  }
  return out;
}

const SEQUENCE = 0x30;
const BIT_STRING = 0x03;
const OID = 0x06;
const HASH_OF: Record<string, string> = {
  "2a8648ce3d040302": "sha256", // ecdsa-with-SHA256
  "2a8648ce3d040303": "sha384", // ecdsa-with-SHA384
  "2a864886f70d01010b": "sha256", // sha256WithRSAEncryption
  "2a864886f70d01010c": "sha384", // sha384WithRSAEncryption
};

function keyAwsTakes(key: KeyObject): boolean {
  const d = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === "rsa") return (d.modulusLength ?? 0) >= 2048;
  return key.asymmetricKeyType === "ec" && (d.namedCurve === "prime256v1" || d.namedCurve === "secp384r1");
}

/** Throws a CsrError naming what is wrong; returns the request's public key. */
export function checkCsr(pem: string): KeyObject {
  const b64 = /-----BEGIN CERTIFICATE REQUEST-----([\s\S]*?)-----END CERTIFICATE REQUEST-----/.exec(pem)?.[1]?.replace(/\s+/g, "");
  if (!b64) throw new CsrError("it is not a PEM certificate signing request");
  const der = Buffer.from(b64, "base64");
  const csr = read(der);
  if (csr.tag !== SEQUENCE || csr.all.length !== der.length) throw new CsrError("it is not a PKCS #10 request");
  const [info, algorithm, signature] = children(csr);
  if (info?.tag !== SEQUENCE || algorithm?.tag !== SEQUENCE || signature?.tag !== BIT_STRING)
    throw new CsrError("it is not a PKCS #10 request");
  const spki = children(info)[2];
  if (spki?.tag !== SEQUENCE) throw new CsrError("it has no public key");
  let key: KeyObject;
  try {
    key = createPublicKey({ key: spki.all, format: "der", type: "spki" });
  } catch {
    throw new CsrError("its public key cannot be read");
  }
  if (!keyAwsTakes(key)) throw new CsrError("its key is not one AWS IoT Core takes (RSA of 2048 bits or more, or EC P-256/P-384)");
  const oid = children(algorithm)[0];
  const hash = oid?.tag === OID ? HASH_OF[oid.content.toString("hex")] : undefined;
  if (!hash) throw new CsrError("it is signed with an algorithm AWS IoT Core does not take (ECDSA or RSA with SHA-256/384)");
  if (!verify(hash, info.all, key, signature.content.subarray(1)))
    throw new CsrError("its signature does not match its key (a damaged CSR)");
  return key;
}
