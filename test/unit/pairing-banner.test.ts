/** The banner's LAN dashboard link (token in the fragment, with a QR code), the terminal QR encoder, and --reset-pairing's confirmation. */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "@jest/globals";
import { banner, lanDashboardUrl } from "../../matter-bridge/cli/banner.js";
import { qrMatrix, qrTerminal } from "../../matter-bridge/cli/qr.js";
import { confirmResetPairing, describeForgotten } from "../../matter-bridge/cli/reset-pairing.js";
import { vendorName } from "../../matter-bridge/matter/fabrics.js";

const TOKEN = "tok_en-0123456789abcdefghijklmnopqrstuvwxyzAB";
const interfaces = {
  lo: [{ address: "127.0.0.1", family: "IPv4", internal: true, netmask: "255.0.0.0", mac: "", cidr: null }],
  docker0: [{ address: "169.254.3.1", family: "IPv4", internal: false, netmask: "255.255.0.0", mac: "", cidr: null }],
  eth0: [
    { address: "fe80::1", family: "IPv6", internal: false, netmask: "ffff::", mac: "", cidr: null, scopeid: 2 },
    { address: "192.168.1.20", family: "IPv4", internal: false, netmask: "255.255.255.0", mac: "", cidr: null },
  ],
} as unknown as NodeJS.Dict<import("node:os").NetworkInterfaceInfo[]>;

const info = (apiHost: string, apiUrl: string) =>
  ({
    qr: "[pairing qr]",
    manualPairingCode: "3497-011-2332",
    commissioned: true,
    matterPort: 5540,
    apiUrl,
    apiHost,
    interfaces,
    terminal: true,
    token: { token: TOKEN, source: "file", path: "/x/api-token" },
    panels: [],
    caution: null,
    cautionAcknowledged: false,
    clock: { trusted: true },
    storage: "/x",
  }) as unknown as Parameters<typeof banner>[0];

describe("the banner's dashboard link for phones", () => {
  it("listening on every address: a LAN IPv4 address, the token in the fragment, and its QR code", () => {
    const url = lanDashboardUrl("0.0.0.0", "http://0.0.0.0:8787", TOKEN, interfaces);
    expect(url).toBe(`http://192.168.1.20:8787/dashboard/#token=${TOKEN}`);
    const out = banner(info("0.0.0.0", "http://0.0.0.0:8787"));
    expect(out).toContain(url);
    expect(out).toContain(qrTerminal(url as string));
  });

  it("not on a terminal (journald, docker logs): the plain link only, the token never printed", () => {
    const out = banner({ ...info("0.0.0.0", "http://0.0.0.0:8787"), terminal: false });
    expect(out).toContain("http://192.168.1.20:8787/dashboard/ ");
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain("#token=");
  });

  it("paired: names the ecosystems and where to get a code for the next one", () => {
    const out = banner({
      ...info("127.0.0.1", "http://127.0.0.1:8787"),
      fabrics: [
        { vendorName: "Apple Home", label: "" },
        { vendorName: "Google Home", label: "Home" },
      ],
    });
    expect(out).toMatch(/Matter: paired with Apple Home, Google Home \(Home\)\. .*Open pairing window/);
    expect(out).not.toContain("[pairing qr]");
  });

  it("a given LAN address is used as it is", () => {
    expect(lanDashboardUrl("10.0.0.7", "http://10.0.0.7:9000", TOKEN, interfaces)).toBe(`http://10.0.0.7:9000/dashboard/#token=${TOKEN}`);
  });

  it("loopback only: no link, and the token is never printed", () => {
    expect(lanDashboardUrl("127.0.0.1", "http://127.0.0.1:8787", TOKEN, interfaces)).toBeUndefined();
    const out = banner(info("127.0.0.1", "http://127.0.0.1:8787"));
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain("#token=");
  });
});

describe("the terminal QR code", () => {
  it("grows with the text and keeps the three finder patterns", () => {
    expect(qrMatrix("hi")).toHaveLength(21);
    const m = qrMatrix(`http://192.168.1.20:8787/dashboard/#token=${TOKEN}`);
    expect(m.length).toBe(37); // version 5
    const finderAt = (x: number, y: number) =>
      [0, 1, 2, 3, 4, 5, 6].every((i) => m[y][x + i] && m[y + 6][x + i] && m[y + i][x] && m[y + i][x + 6]) &&
      !m[y + 1][x + 1] &&
      m[y + 3][x + 3];
    expect(finderAt(0, 0) && finderAt(m.length - 7, 0) && finderAt(0, m.length - 7)).toBe(true);
    expect(() => qrMatrix("x".repeat(400))).toThrow(/too long/);
  });
});

describe("--reset-pairing's confirmation", () => {
  const ask = async (answer: string | undefined, opts: { yes?: boolean; interactive: boolean }) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let asked = "";
    output.on("data", (d: Buffer) => {
      asked += d.toString();
    });
    const decision = confirmResetPairing({ ...opts, input, output });
    if (answer !== undefined) input.end(`${answer}\n`);
    return { decision: await decision, asked };
  };

  it("on a terminal: only y or yes resets", async () => {
    expect((await ask("y", { interactive: true })).decision).toEqual({ reset: true });
    expect((await ask("YES", { interactive: true })).decision).toEqual({ reset: true });
    const no = await ask("", { interactive: true });
    expect(no.decision).toMatchObject({ reset: false, exitCode: 1 });
    expect(no.asked).toMatch(/\[y\/N\]/);
  });

  it("without a terminal: refuses unless --yes", async () => {
    expect((await ask(undefined, { interactive: false })).decision).toMatchObject({
      reset: false,
      exitCode: 2,
      message: expect.stringMatching(/--yes/),
    });
    expect((await ask(undefined, { interactive: false, yes: true })).decision).toEqual({ reset: true });
  });

  it("names what it forgot", () => {
    expect(describeForgotten([])).toMatch(/not paired/);
    expect(
      describeForgotten([
        { vendorName: vendorName(0x1349), label: "" },
        { vendorName: vendorName(0x6006), label: "Home" },
      ]),
    ).toMatch(/forgot 2 Matter pairings: Apple Home, Google Home \(Home\)/);
    expect(vendorName(0x1234)).toBe("vendor 0x1234");
  });
});

describe("the banner's red flags", () => {
  it("lists every open red flag, newest first, with whom it holds", () => {
    const out = banner({
      ...info("127.0.0.1", "http://127.0.0.1:8787"),
      redFlags: [
        { id: "b", at: Date.UTC(2026, 0, 2), source: "dashboard", reason: "lost bladder control", holds: ["anna", "carol"] },
        { id: "a", at: Date.UTC(2026, 0, 1), source: "alexa", person: "anna", reason: "sudden numbness", holds: ["anna"] },
      ],
    });
    expect(out).toContain("Red flags:    2 open, newest first");
    const lines = out.split("\n");
    const first = lines.findIndex((l) => l.includes("lost bladder control"));
    expect(lines[first]).toContain("2026-01-02T00:00:00.000Z  for everyone, via dashboard (lost bladder control); waiting for anna, carol");
    expect(lines[first + 1]).toContain("for anna, via alexa (sudden numbness); waiting for anna");
  });
});
