import { QrCode } from "@matter/main/types";

/**
 * The Matter pairing QR as SVG, drawn from matter.js's own encoder. Its output is terminal art
 * (light-on-dark half blocks, two module rows per line); each character is read back as two pixels.
 */
export function qrSvg(qrPairingCode: string): string {
  const lines = QrCode.encode(qrPairingCode)
    .split("\n")
    .filter((l) => l.length > 0);
  // "⠀" (braille blank) and " " are both fully dark.
  const light: Record<string, [boolean, boolean]> = {
    "█": [true, true],
    "▀": [true, false],
    "▄": [false, true],
    "⠀": [false, false],
    " ": [false, false],
  };
  const rows: boolean[][] = [];
  for (const line of lines) {
    const top: boolean[] = [];
    const bottom: boolean[] = [];
    for (const ch of line) {
      const [t, b] = light[ch] ?? [true, true];
      top.push(t);
      bottom.push(b);
    }
    rows.push(top, bottom);
  }
  // The art's first and last half-rows are terminal background, not part of the code.
  while (rows.length && rows[0].every((l) => !l)) rows.shift();
  while (rows.length && rows[rows.length - 1].every((l) => !l)) rows.pop();
  const width = Math.max(...rows.map((r) => r.length));
  const rects = rows.flatMap((row, y) => row.map((isLight, x) => (isLight ? "" : `<rect x="${x}" y="${y}" width="1" height="1"/>`)));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 ${width + 4} ${rows.length + 4}" shape-rendering="crispEdges" role="img" aria-label="Matter pairing QR code"><rect x="-2" y="-2" width="${width + 4}" height="${rows.length + 4}" fill="#fff"/><g fill="#000">${rects.join("")}</g></svg>`;
}
