/**
 * The terminal caution prompt (matter-bridge/cli/caution-prompt.ts) on in-memory streams: it says why
 * it asks before the caution, "no" acknowledges the current version, "yes" records a withdrawal.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it, jest } from "@jest/globals";
import { askCaution, CAUTION_QUESTION } from "../../matter-bridge/cli/caution-prompt.js";
import { CAUTION_VERSION, cautionText } from "../../matter-bridge/contract/caution.js";

const WITHDRAWN =
  "The red-flag caution was withdrawn (red flag reported at the terminal); sessions stay refused until it is acknowledged again.";

function terminal(why?: string) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  const waiters: Array<() => void> = [];
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const w of waiters.splice(0)) w();
  });
  const acknowledge = jest.fn(async (_version: number) => undefined);
  const withdraw = jest.fn(async () => undefined);
  const onInterrupt = jest.fn();
  const prompt = askCaution({ input, output, why, acknowledge, withdraw, onInterrupt });
  const flat = () => text.replace(/\s+/g, " ");
  /** Resolves once the output has contained `needle` `times` times. */
  const shown = (needle: string, times = 1) =>
    new Promise<void>((resolve) => {
      const check = () => (flat().split(needle).length - 1 >= times ? resolve() : waiters.push(check));
      check();
    });
  return { input, prompt, acknowledge, withdraw, flat, shown };
}

describe("the terminal caution prompt", () => {
  it("says why it asks before the caution, and 'no' acknowledges the current version (nothing withdrawn)", async () => {
    const t = terminal(WITHDRAWN);
    await t.shown(CAUTION_QUESTION.trim());
    const out = t.flat();
    expect(out).toContain(WITHDRAWN);
    expect(out).toContain(cautionText());
    expect(out.indexOf(WITHDRAWN)).toBeLessThan(out.indexOf(cautionText()));
    t.input.write("no\n");
    await expect(t.prompt.answer).resolves.toBe("acknowledged");
    expect(t.acknowledge).toHaveBeenCalledTimes(1);
    expect(t.acknowledge).toHaveBeenCalledWith(CAUTION_VERSION);
    expect(t.withdraw).not.toHaveBeenCalled();
    expect(t.flat()).toContain("acknowledgement is recorded");
  });

  it("'yes' records a withdrawal, acknowledges nothing and says sessions stay refused", async () => {
    const t = terminal("The household has not yet acknowledged the red-flag caution.");
    await t.shown(CAUTION_QUESTION.trim());
    t.input.write("yes\n");
    await expect(t.prompt.answer).resolves.toBe("declined");
    expect(t.withdraw).toHaveBeenCalledTimes(1);
    expect(t.acknowledge).not.toHaveBeenCalled();
    expect(t.flat()).toContain("healthcare professional");
    expect(t.flat()).toMatch(/refuses every session until the caution is acknowledged again/);
  });

  it("an empty line is no answer: it asks again, then 'y' still withdraws", async () => {
    const t = terminal();
    await t.shown(CAUTION_QUESTION.trim());
    t.input.write("\n");
    await t.shown(CAUTION_QUESTION.trim(), 2);
    expect(t.withdraw).not.toHaveBeenCalled();
    expect(t.acknowledge).not.toHaveBeenCalled();
    t.input.write("y\n");
    await expect(t.prompt.answer).resolves.toBe("declined");
    expect(t.withdraw).toHaveBeenCalledTimes(1);
  });
});
