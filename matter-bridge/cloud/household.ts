/**
 * The bridge's questions to the cloud's link function (link an Alexa account by its code, list the
 * linked accounts, unlink them all): published on the thing's `link` topic with a response topic
 * under its own `link/res/` prefix and correlation data; the answer is matched by that id.
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  CloudUnavailableError,
  type HouseholdAnswer,
  HouseholdAnswerSchema,
  type HouseholdQuestion,
  householdTopics,
} from "../contract/cloud-link.js";
import { type Clock, systemClock } from "../support/clock.js";

/** The cloud could not be asked, or did not answer: nothing was linked or unlinked that the bridge knows of. */
export type HouseholdPublish = (topic: string, payload: string, correlationData: Buffer, responseTopic: string) => Promise<void>;

/** How long the bridge waits for the cloud to answer a household question (docs/http-api.md: 503 after 10 s). */
const HOUSEHOLD_ANSWER_TIMEOUT_MS = 10_000;

export class HouseholdAsker {
  readonly responseTopic: string;
  readonly requestTopic: string;
  private readonly pending = new Map<string, { resolve: (answer: HouseholdAnswer) => void; reject: (err: Error) => void }>();

  constructor(
    thing: string,
    private readonly clock: Clock = systemClock,
  ) {
    const topics = householdTopics(thing);
    this.requestTopic = topics.requests;
    this.responseTopic = topics.responses(`bridge-${randomBytes(4).toString("hex")}`);
  }

  /**
   * Asks through `publish` (undefined: the link is not connected). The answer's time limit and
   * `closeAll` bound the whole question: the publish is not awaited (a stalled broker may never
   * acknowledge it), and its failure answers the question.
   */
  ask(publish: HouseholdPublish | undefined, question: HouseholdQuestion): Promise<HouseholdAnswer> {
    if (!publish)
      return Promise.reject(
        new CloudUnavailableError("The cloud link is not connected, so nothing can be linked now; see the bridge's log."),
      );
    const id = randomUUID();
    const answered = new Promise<HouseholdAnswer>((resolve, reject) => {
      const settle = (finish: () => void) => {
        cancel();
        this.pending.delete(id);
        finish();
      };
      const cancel = this.clock.after(HOUSEHOLD_ANSWER_TIMEOUT_MS, () =>
        settle(() =>
          reject(new CloudUnavailableError(`The cloud did not answer within ${HOUSEHOLD_ANSWER_TIMEOUT_MS / 1000} s; try again.`)),
        ),
      );
      this.pending.set(id, { resolve: (answer) => settle(() => resolve(answer)), reject: (err) => settle(() => reject(err)) });
    });
    publish(this.requestTopic, JSON.stringify({ ...question, id }), Buffer.from(id), this.responseTopic).catch((err: Error) =>
      this.pending.get(id)?.reject(new CloudUnavailableError(`The question could not be sent to the cloud: ${err.message}`)),
    );
    return answered;
  }

  /** The link closed: every question still waiting is answered so at once, and its timer goes with it. */
  closeAll(): void {
    for (const { reject } of [...this.pending.values()])
      reject(new CloudUnavailableError("The cloud link closed before the cloud answered; ask again once the bridge runs."));
  }

  /** A message on the response topic: settles the question it answers (by correlation data, else its id). */
  onAnswer(payload: Buffer, correlationData?: Buffer): void {
    let json: unknown;
    try {
      json = JSON.parse(payload.toString("utf8"));
    } catch {
      return;
    }
    const answer = HouseholdAnswerSchema.safeParse(json);
    if (!answer.success) return;
    const id = correlationData?.toString("utf8") ?? answer.data.id;
    if (id) this.pending.get(id)?.resolve(answer.data);
  }
}
