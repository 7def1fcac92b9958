/** First-run red-flag caution on a terminal: "no" records the household acknowledgement. */
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
  acknowledge(version: number): Promise<unknown>;
  /** Ctrl-C while the prompt owns the terminal (readline turns it into an event, not a signal). */
  onInterrupt(): void;
}

/** Wraps at word boundaries for an 80-column terminal. */
export const wrap = (text: string, width = 78): string =>
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
    say(`\n${wrap(cautionText())}\n`);
    // The safe answer is never a default: an empty line asks again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = (await rl.question(CAUTION_QUESTION, { signal: aborter.signal })).trim().toLowerCase();
      if (answer === "n" || answer === "no") {
        await opts.acknowledge(CAUTION_VERSION);
        say("Thank you. The acknowledgement is recorded; sessions can start.");
        return "acknowledged";
      }
      if (answer === "y" || answer === "yes") {
        say(
          wrap(
            "Then please talk to a healthcare professional before anyone uses the panel. The bridge keeps running but refuses every session until the caution is acknowledged (after that advice: restart with --acknowledge-caution, or answer in the Alexa skill).",
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
