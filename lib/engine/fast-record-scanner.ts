// The fast path: find the principal's records in decompressed bytes without parsing the others.
//
// CloudTrail writes each log file as compact JSON, `{"Records":[{"eventVersion":...},{...}]}`, every
// record starting with its `eventVersion` key. Record starts are found with Buffer.indexOf (native
// speed); a record is parsed only when its bytes contain one of the principal's needles (its ARN,
// its ARN with `\/` escapes, its assumed-role name) or a `\u` escape (which could hide any of them).
// A record that contains none of them cannot carry the principal's ARN as a JSON string, so it
// cannot match. Anything that does not look exactly like that canonical layout makes the scanner
// give up (`ok = false`), and the caller parses the file in full instead: same result, slower.
// eventsRead counts record starts (`{"eventVersion"` after `[` or `},`), see docs/engine.md.

const PREFIX = Buffer.from('{"Records":[');
const START = Buffer.from('{"eventVersion"');
const UESC = Buffer.from("\\u");
const COMMA = 0x2c;
const MAX_CARRY = 64 * 1024 * 1024;
const RBRACE = 0x7d;
const RBRACKET = 0x5d;

function isWs(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export class FastRecordScanner {
  ok = true;
  eventsRead = 0;
  /** parsed records that may be the principal's (recordMatchesPrincipal decides) */
  readonly candidates: unknown[] = [];
  private carry: Buffer | null = null;
  private started = false;
  private sawRecord = false;
  private readonly needles: Buffer[];

  constructor(needles: string[]) {
    this.needles = needles.map((n) => Buffer.from(n, "utf8"));
  }

  /** Feeds the next decompressed chunk; complete records are scanned now, the rest is carried. */
  push(chunk: Buffer): void {
    if (!this.ok) return;
    let data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    let pos = 0;
    if (!this.started) {
      while (pos < data.length && isWs(data[pos])) pos++;
      if (data.length - pos < PREFIX.length) {
        this.carry = data.subarray(pos);
        return;
      }
      if (data.compare(PREFIX, 0, PREFIX.length, pos, pos + PREFIX.length) !== 0) { this.fail(); return; }
      this.started = true;
      pos += PREFIX.length;
      data = data.subarray(pos);
      pos = 0;
    }
    if (data.length >= START.length && data.compare(START, 0, START.length, 0, START.length) !== 0 && !(data[0] === RBRACKET)) { this.fail(); return; }
    // A record larger than this is not CloudTrail's; stop carrying it (the full parse decides).
    if (data.length > MAX_CARRY) { this.fail(); return; }
    // Everything before the last record start is complete records.
    const last = data.lastIndexOf(START);
    if (last <= 0) {
      this.carry = data;
      return;
    }
    this.scanRegion(data, last);
    this.carry = data.subarray(last);
  }

  /** Ends the file; false when the layout was not canonical (parse the file in full instead). */
  end(): boolean {
    if (!this.ok) return false;
    const data = this.carry ?? Buffer.alloc(0);
    if (!this.started) return this.fail();
    let end = data.length;
    while (end > 0 && isWs(data[end - 1])) end--;
    if (end < 2 || data[end - 1] !== RBRACE || data[end - 2] !== RBRACKET) return this.fail();
    this.scanRegion(data, end - 2);
    return this.ok;
  }

  /** Scans records starting at 0 (or none) up to `stop` (a record start, or the closing `]`). */
  private scanRegion(data: Buffer, stop: number): void {
    const starts: number[] = [];
    for (let i = data.indexOf(START, 0); i !== -1 && i < stop; i = data.indexOf(START, i + START.length)) starts.push(i);
    if (starts.length === 0) {
      // Only an empty array may have no record: `{"Records":[]}`.
      if (stop !== 0 || this.sawRecord) this.fail();
      return;
    }
    if (starts[0] !== 0) { this.fail(); return; }
    for (let k = 1; k < starts.length; k++) {
      const s = starts[k];
      if (data[s - 1] !== COMMA || data[s - 2] !== RBRACE) { this.fail(); return; }
    }
    if (stop < data.length && data[stop] === START[0] && (data[stop - 1] !== COMMA || data[stop - 2] !== RBRACE)) { this.fail(); return; }
    this.sawRecord = true;
    this.eventsRead += starts.length;

    const marked = new Set<number>();
    const mark = (needle: Buffer) => {
      for (let i = data.indexOf(needle, 0); i !== -1 && i < stop; i = data.indexOf(needle, i + needle.length)) {
        marked.add(recordIndex(starts, i));
      }
    };
    for (const n of this.needles) mark(n);
    mark(UESC);
    for (const k of [...marked].sort((a, b) => a - b)) {
      const from = starts[k];
      // A record ends before the `,` that precedes the next start, or at the region's stop.
      const to = k + 1 < starts.length ? starts[k + 1] - 1 : stop - (stop < data.length && data[stop] === START[0] ? 1 : 0);
      let value: unknown;
      try {
        value = JSON.parse(data.toString("utf8", from, to));
      } catch {
        { this.fail(); return; }
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) { this.fail(); return; }
      this.candidates.push(value);
    }
  }

  private fail(): false {
    this.ok = false;
    this.carry = null;
    return false;
  }
}

function recordIndex(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
