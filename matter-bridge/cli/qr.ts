/**
 * A QR code for any short text (a dashboard link with its token), for the terminal. matter.js's own
 * encoder only draws Matter's "MT:" codes (version 1, alphanumeric); this one uses byte mode, error
 * correction level L, versions 1–9 (up to 232 bytes), and matter.js's Reed-Solomon coder.
 */
import { ReedSolomon } from "@matter/main";

/** Per version (index 1–9): total codewords, error-correction codewords per block, blocks (level L). */
const TABLE: Array<[total: number, ecPerBlock: number, blocks: number]> = [
  [0, 0, 0],
  [26, 7, 1],
  [44, 10, 1],
  [70, 15, 1],
  [100, 20, 1],
  [134, 26, 1],
  [172, 18, 2],
  [196, 20, 2],
  [242, 24, 2],
  [292, 30, 2],
];
const ALIGNMENT: number[][] = [[], [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46]];
const REMAINDER_BITS = [0, 0, 7, 7, 7, 7, 7, 0, 0, 0];
const MASKS: Array<(x: number, y: number) => boolean> = [
  (x, y) => (x + y) % 2 === 0,
  (_, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

const dataCapacity = (v: number) => {
  const [total, ec, blocks] = TABLE[v];
  return total - ec * blocks;
};

/** The code's modules, `true` = dark, row by row. */
export function qrMatrix(text: string): boolean[][] {
  const bytes = new TextEncoder().encode(text);
  const version = TABLE.findIndex((_, v) => v > 0 && dataCapacity(v) >= bytes.length + 2);
  if (version < 1) throw new Error(`Text too long for a QR code here (${bytes.length} bytes, at most ${dataCapacity(9) - 2}).`);
  const codewords = interleave(version, dataCodewords(bytes, dataCapacity(version)));
  return new Grid(version).draw(codewords);
}

function dataCodewords(bytes: Uint8Array, capacity: number): Uint8Array {
  const bits: number[] = [];
  const push = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  push(0b0100, 4); // byte mode
  push(bytes.length, 8);
  for (const b of bytes) push(b, 8);
  push(0, Math.min(4, capacity * 8 - bits.length));
  while (bits.length % 8) bits.push(0);
  const out = new Uint8Array(capacity);
  for (let i = 0; i < bits.length / 8; i++) out[i] = bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0);
  for (let i = bits.length / 8, pad = 0; i < capacity; i++, pad++) out[i] = pad % 2 ? 0x11 : 0xec;
  return out;
}

function interleave(version: number, data: Uint8Array): number[] {
  const [total, ecLength, blockCount] = TABLE[version];
  const shortBlocks = blockCount - (total % blockCount);
  const shortData = Math.floor(total / blockCount) - ecLength;
  const rs = new ReedSolomon();
  const blocks: Array<{ data: Uint8Array; ec: Uint8Array }> = [];
  for (let b = 0, at = 0; b < blockCount; b++) {
    const length = shortData + (b < shortBlocks ? 0 : 1);
    const part = data.slice(at, at + length);
    at += length;
    blocks.push({ data: part, ec: rs.computeErrorCorrection(part, ecLength) });
  }
  const out: number[] = [];
  for (let i = 0; i <= shortData; i++) for (const b of blocks) if (i < b.data.length) out.push(b.data[i]);
  for (let i = 0; i < ecLength; i++) for (const b of blocks) out.push(b.ec[i]);
  return out;
}

class Grid {
  readonly size: number;
  readonly dark: boolean[][];
  readonly reserved: boolean[][];

  constructor(readonly version: number) {
    this.size = version * 4 + 17;
    this.dark = Array.from({ length: this.size }, () => Array<boolean>(this.size).fill(false));
    this.reserved = Array.from({ length: this.size }, () => Array<boolean>(this.size).fill(false));
  }

  set(x: number, y: number, dark: boolean) {
    this.dark[y][x] = dark;
    this.reserved[y][x] = true;
  }

  draw(codewords: number[]): boolean[][] {
    this.functionPatterns();
    this.placeData(codewords);
    let best: { penalty: number; grid: boolean[][] } | undefined;
    for (let mask = 0; mask < 8; mask++) {
      const grid = this.dark.map((row, y) => row.map((d, x) => (this.reserved[y][x] ? d : d !== MASKS[mask](x, y))));
      this.formatBits(grid, mask);
      const penalty = penaltyOf(grid);
      if (!best || penalty < best.penalty) best = { penalty, grid };
    }
    return best!.grid;
  }

  functionPatterns() {
    const n = this.size;
    for (let i = 0; i < n; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [cx, cy] of [
      [3, 3],
      [n - 4, 3],
      [3, n - 4],
    ])
      for (let dy = -4; dy <= 4; dy++)
        for (let dx = -4; dx <= 4; dx++) {
          const x = cx + dx;
          const y = cy + dy;
          const ring = Math.max(Math.abs(dx), Math.abs(dy));
          if (x >= 0 && x < n && y >= 0 && y < n) this.set(x, y, ring !== 2 && ring !== 4);
        }
    const centres = ALIGNMENT[this.version];
    for (const cy of centres)
      for (const cx of centres) {
        if ((cx === 6 && cy === 6) || (cx === 6 && cy === centres.at(-1)) || (cy === 6 && cx === centres.at(-1))) continue;
        for (let dy = -2; dy <= 2; dy++)
          for (let dx = -2; dx <= 2; dx++) this.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    // Format areas (written per mask later), the dark module, version information.
    this.formatBits(this.dark, 0);
    if (this.version >= 7) {
      let rem = this.version;
      for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
      const bits = (this.version << 12) | rem;
      for (let i = 0; i < 18; i++) {
        const dark = ((bits >>> i) & 1) === 1;
        const a = n - 11 + (i % 3);
        const b = Math.floor(i / 3);
        this.set(a, b, dark);
        this.set(b, a, dark);
      }
    }
  }

  /** Format information (level L, the mask), both copies, and the dark module. */
  formatBits(grid: boolean[][], mask: number) {
    const n = this.size;
    const data = (0b01 << 3) | mask;
    let rem = data;
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    const bits = ((data << 10) | rem) ^ 0x5412;
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    const put = (x: number, y: number, dark: boolean) => {
      grid[y][x] = dark;
      this.reserved[y][x] = true;
    };
    for (let i = 0; i <= 5; i++) put(8, i, bit(i));
    put(8, 7, bit(6));
    put(8, 8, bit(7));
    put(7, 8, bit(8));
    for (let i = 9; i < 15; i++) put(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) put(n - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) put(8, n - 15 + i, bit(i));
    put(8, n - 8, true);
  }

  placeData(codewords: number[]) {
    const n = this.size;
    const bits = codewords.length * 8 + REMAINDER_BITS[this.version];
    let i = 0;
    for (let right = n - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (let vert = 0; vert < n; vert++)
        for (let j = 0; j < 2; j++) {
          const x = right - j;
          const upward = ((right + 1) & 2) === 0;
          const y = upward ? n - 1 - vert : vert;
          if (this.reserved[y][x] || i >= bits) continue;
          this.dark[y][x] = i < codewords.length * 8 && ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
    }
  }
}

/** The standard's rules 1, 2 and 4 (runs, 2×2 blocks, balance); enough to avoid a poor mask. */
function penaltyOf(grid: boolean[][]): number {
  const n = grid.length;
  let penalty = 0;
  for (let a = 0; a < n; a++)
    for (const line of [grid[a], grid.map((row) => row[a])]) {
      let run = 1;
      for (let i = 1; i <= n; i++) {
        if (i < n && line[i] === line[i - 1]) run++;
        else {
          if (run >= 5) penalty += run - 2;
          run = 1;
        }
      }
    }
  let dark = 0;
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      if (grid[y][x]) dark++;
      if (x < n - 1 && y < n - 1 && grid[y][x] === grid[y][x + 1] && grid[y][x] === grid[y + 1][x] && grid[y][x] === grid[y + 1][x + 1])
        penalty += 3;
    }
  return penalty + Math.floor(Math.abs((dark * 20) / (n * n) - 10)) * 10;
}

/**
 * Terminal art, two module rows per line, light modules drawn (for a dark terminal, as matter.js
 * draws its pairing code), with a quiet zone of two modules.
 */
export function qrTerminal(text: string): string {
  const m = qrMatrix(text);
  const quiet = 2;
  const size = m.length + quiet * 2;
  const light = (x: number, y: number) => {
    const mx = x - quiet;
    const my = y - quiet;
    return !(mx >= 0 && my >= 0 && mx < m.length && my < m.length && m[my][mx]);
  };
  const lines: string[] = [];
  for (let y = 0; y < size; y += 2) {
    let line = "";
    for (let x = 0; x < size; x++) {
      const top = light(x, y);
      const bottom = y + 1 < size ? light(x, y + 1) : false;
      line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ";
    }
    lines.push(line);
  }
  return lines.join("\n");
}
