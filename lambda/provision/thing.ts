/**
 * One household's thing on AWS IoT Core, made from the bridge's CSR: the thing (a generated name),
 * the certificate AWS signs for the CSR's key, the policy attached to it (one policy for every
 * household: its policy variables confine each certificate to its own thing's topics) and the
 * certificate attached to the thing. A step that fails undoes the ones before it.
 */
import { randomBytes } from "node:crypto";
import {
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateCertificateFromCsrCommand,
  CreateThingCommand,
  DeleteCertificateCommand,
  DeleteThingCommand,
  DetachPolicyCommand,
  type IoTClient,
  UpdateCertificateCommand,
} from "@aws-sdk/client-iot";

export interface HouseholdThing {
  thing: string;
  certificateId: string;
  certificateArn: string;
  certificatePem: string;
}

/** The CSR was refused by IoT Core (not a CSR, an unsupported key): the owner's mistake, not the cloud's. */
export class BadCsrError extends Error {}

/** `bl-` and 16 hex digits: unguessable, and never chosen by the caller (a chosen name could be another home's). */
export const newThingName = (): string => `bl-${randomBytes(8).toString("hex")}`;

export async function createHouseholdThing(
  iot: IoTClient,
  csr: string,
  policyName: string,
  thing = newThingName(),
): Promise<HouseholdThing> {
  const undo: Array<() => Promise<unknown>> = [];
  try {
    await iot.send(new CreateThingCommand({ thingName: thing, attributePayload: { attributes: { app: "biolight" } } }));
    undo.push(() => iot.send(new DeleteThingCommand({ thingName: thing })));
    let cert: { certificateArn?: string; certificateId?: string; certificatePem?: string };
    try {
      cert = await iot.send(new CreateCertificateFromCsrCommand({ certificateSigningRequest: csr, setAsActive: true }));
    } catch (err) {
      if ((err as Error).name === "InvalidRequestException") throw new BadCsrError(`AWS IoT refused the CSR: ${(err as Error).message}`);
      throw err;
    }
    const { certificateArn, certificateId, certificatePem } = cert;
    if (!certificateArn || !certificateId || !certificatePem) throw new Error("CreateCertificateFromCsr answered without a certificate");
    undo.push(async () => {
      await iot.send(new UpdateCertificateCommand({ certificateId, newStatus: "INACTIVE" }));
      await iot.send(new DeleteCertificateCommand({ certificateId, forceDelete: true }));
    });
    await iot.send(new AttachPolicyCommand({ policyName, target: certificateArn }));
    undo.push(() => iot.send(new DetachPolicyCommand({ policyName, target: certificateArn })));
    await iot.send(new AttachThingPrincipalCommand({ thingName: thing, principal: certificateArn }));
    return { thing, certificateId, certificateArn, certificatePem };
  } catch (err) {
    for (const step of undo.reverse()) await step().catch(() => {});
    throw err;
  }
}
