/**
 * Where a JSON text first goes wrong, as line and column, the same on every Node version (Node 20's
 * JSON.parse gives no position for some mistakes, later ones word it differently).
 */

export interface JsonMistake {
  line: number;
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first mistake in `text` (undefined when it is valid JSON). */
export function jsonMistake(text: string): JsonMistake | undefined {
  let i = 0;
  const blank = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const seen = () => (i >= text.length ? "the end of the file" : `'${text[i]}'`);
  const expect = (what: string): never => {
    throw new Stop(i, `expected ${what}, found ${seen()}`);
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) throw new Stop(i, "a line break or control character inside a string");
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) throw new Stop(i, "a \\u escape needs four hex digits");
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "")) throw new Stop(i - 1, "an unknown escape in a string");
      }
      i++;
    }
    if (i >= text.length) throw new Stop(i, "a string that is never closed (a missing '\"')");
    i++;
  };
  const value = (): void => {
    blank();
    const c = text[i];
    if (c === "{") {
      i++;
      blank();
      if (text[i] === "}") return void i++;
      for (;;) {
        blank();
        if (text[i] !== '"') expect(text[i] === "}" ? "another key after ',' (a trailing comma)" : "a key in double quotes");
        string();
        blank();
        if (text[i] !== ":") expect("':' after the key");
        i++;
        value();
        blank();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else expect("',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      blank();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        blank();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else expect("',' or ']'");
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return;
    }
    expect("a value (a string, number, true, false, null, an object or a list)");
  };
  try {
    value();
    blank();
    if (i < text.length) expect("nothing more after the end of the JSON");
    return undefined;
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    const before = text.slice(0, err.at).split("\n");
    return { line: before.length, column: before.at(-1)!.length + 1, message: err.message };
  }
}
