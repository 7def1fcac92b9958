/**
 * The red-flag caution on a terminal, asked whenever the household gate is closed (never
 * acknowledged, an older version, or withdrawn): "no" records the household acknowledgement of the
 * current version, "yes" records a withdrawal (a red flag applies; every session stays refused).
 */
import { createInterface } from "node:readline/promises";
import { CAUTION_VERSION, cautionText } from "../contract/caution.js";

export const CAUTION_QUESTION = "Does any of this apply to anyone who will use the panel? [y/n] ";

export type CautionAnswer = "acknowledged" | "declined" | "unanswered";

export interface CautionPrompt {
  answer: Promise<CautionAnswer>;
  close(): void;
}

export interface CautionPromptOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Why the caution is asked (controller.caution.problem()), said before its text. */
  why?: string;
  acknowledge(version: number): Promise<unknown>;
  /** "Yes": a red flag applies. Records the withdrawal (controller.withdrawCaution). */
  withdraw(): Promise<unknown>;
  /** Ctrl-C while the prompt owns the terminal (readline turns it into an event, not a signal). */
  onInterrupt(): void;
}

/** Wraps at word boundaries for an 80-column terminal. */
const wrap = (text: string, width = 78): string =>
  text
    .split(" ")
    .reduce<string[]>((lines, word) => {
      const last = lines[lines.length - 1];
      if (last !== undefined && (last + " " + word).length <= width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
      return lines;
    }, [])
    .join("\n");

export function askCaution(opts: CautionPromptOptions): CautionPrompt {
  const aborter = new AbortController();
  const rl = createInterface({ input: opts.input, output: opts.output, terminal: true });
  rl.on("SIGINT", opts.onInterrupt);
  const say = (text: string) => opts.output.write(`${text}\n`);

  const run = async (): Promise<CautionAnswer> => {
    say(`\n${opts.why ? `${wrap(opts.why)}\n\n` : ""}${wrap(cautionText())}\n`);
    // The safe answer is never a default: an empty line asks again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = (await rl.question(CAUTION_QUESTION, { signal: aborter.signal })).trim().toLowerCase();
      if (answer === "n" || answer === "no") {
        await opts.acknowledge(CAUTION_VERSION);
        say("Thank you. The acknowledgement is recorded; sessions can start.");
        return "acknowledged";
      }
      if (answer === "y" || answer === "yes") {
        await opts.withdraw();
        say(
          wrap(
            "Then please talk to a healthcare professional before anyone uses the panel. Recorded as a red flag: the bridge keeps running but has switched every panel off and refuses every session until the caution is acknowledged again (after that advice: on the dashboard, in the Alexa skill, or restart with --acknowledge-caution).",
          ),
        );
        return "declined";
      }
      say('Please answer "y" (yes, something applies) or "n" (no, none of it applies).');
    }
    say("No answer recorded; sessions stay refused until the caution is acknowledged.");
    return "unanswered";
  };

  const answer = run()
    .catch((err: Error) => {
      if (err.name !== "AbortError") say(`Could not record the answer: ${err.message}`);
      return "unanswered" as const;
    })
    .finally(() => rl.close());
  return {
    answer,
    close: () => {
      aborter.abort();
      rl.close();
    },
  };
}
