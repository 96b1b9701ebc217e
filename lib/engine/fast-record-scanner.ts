// The fast path: find the principal's records in decompressed bytes without parsing the others.
//
// CloudTrail writes each log file as compact JSON, `{"Records":[{"eventVersion":...},{...}]}`, every
// record starting with its `eventVersion` key. Record boundaries are found with Buffer.indexOf of
// `},{"eventVersion":"` (native speed). A record is kept as a candidate only when its bytes contain
// the principal's ARN as a whole JSON string (quotes included) or an escape that could hide it
// (`\u....` or `\/`, found with a memchr-speed search for the backslash). A record with neither
// cannot carry the principal's ARN as a JSON string, so recordMatchesPrincipal could not accept it.
// Anything that does not look exactly like that canonical layout makes the scanner give up
// (`ok = false`) and the caller parses the whole file instead: the same result, slower.
// eventsRead counts record boundaries; see docs/engine.md.

const PREFIX = Buffer.from('{"Records":[');
const START = Buffer.from('{"eventVersion":"');
/** the bytes between two records: the end of one and the start of the next */
const SEP = Buffer.from('},{"eventVersion":"');
const BACKSLASH = 0x5c;
const LOWER_U = 0x75;
const SLASH = 0x2f;
const RBRACE = 0x7d;
const RBRACKET = 0x5d;
/** A record larger than this is not CloudTrail's; stop carrying it (the full parse decides). */
const MAX_CARRY = 64 * 1024 * 1024;

function isWs(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export class FastRecordScanner {
  ok = true;
  eventsRead = 0;
  /** the JSON text of each record that may be the principal's (recordMatchesPrincipal decides) */
  readonly candidates: string[] = [];
  private carry: Buffer | null = null;
  private started = false;
  private readonly needle: Buffer;

  /** `arnJson`: the principal's ARN as a JSON string literal, quotes included (JSON.stringify(arn)). */
  constructor(arnJson: string) {
    this.needle = Buffer.from(arnJson, "utf8");
  }

  /** Feeds the next decompressed chunk; complete records are scanned now, the rest is carried. */
  push(chunk: Buffer): void {
    if (!this.ok) return;
    let data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    if (!this.started) {
      let pos = 0;
      while (pos < data.length && isWs(data[pos])) pos++;
      if (data.length - pos < PREFIX.length + START.length) {
        this.carry = data.subarray(pos);
        return;
      }
      if (data.compare(PREFIX, 0, PREFIX.length, pos, pos + PREFIX.length) !== 0) {
        this.fail();
        return;
      }
      pos += PREFIX.length;
      // An empty array, or a first record that starts with its eventVersion.
      if (data[pos] !== RBRACKET && data.compare(START, 0, START.length, pos, pos + START.length) !== 0) {
        this.fail();
        return;
      }
      this.started = true;
      data = data.subarray(pos);
    }
    if (data.length > MAX_CARRY) {
      this.fail();
      return;
    }
    // Everything before the last boundary is complete records.
    const sep = data.lastIndexOf(SEP);
    if (sep === -1) {
      this.carry = data;
      return;
    }
    this.scanRegion(data, sep + 1);
    this.carry = data.subarray(sep + 2);
  }

  /** Ends the file; false when the layout was not canonical (parse the file in full instead). */
  end(): boolean {
    if (!this.ok) return false;
    if (!this.started) {
      // Too short to have started: only `{"Records":[]}` is a valid file of that size.
      if (this.carry && this.carry.toString("latin1").trim() === '{"Records":[]}') return true;
      return this.fail();
    }
    const data = this.carry ?? Buffer.alloc(0);
    let end = data.length;
    while (end > 0 && isWs(data[end - 1])) end--;
    if (end < 2 || data[end - 1] !== RBRACE || data[end - 2] !== RBRACKET) return this.fail();
    if (end === 2) return true; // `{"Records":[]}`
    this.scanRegion(data, end - 2);
    return this.ok;
  }

  /** Scans the records of data[0, stop): they start at 0 and at each boundary. */
  private scanRegion(data: Buffer, stop: number): void {
    const starts = [0];
    for (let i = data.indexOf(SEP, 0); i !== -1 && i + 2 < stop; i = data.indexOf(SEP, i + SEP.length)) starts.push(i + 2);
    this.eventsRead += starts.length;
    const marked: number[] = [];
    const mark = (pos: number) => marked.push(recordIndex(starts, pos));
    const n = this.needle;
    for (let i = data.indexOf(n, 0); i !== -1 && i < stop; i = data.indexOf(n, i + n.length)) mark(i);
    for (let i = data.indexOf(BACKSLASH, 0); i !== -1 && i < stop; i = data.indexOf(BACKSLASH, i + 2)) {
      const next = data[i + 1];
      if (next === LOWER_U || next === SLASH) mark(i);
    }
    if (marked.length === 0) return;
    let last = -1;
    for (const k of marked.sort((a, b) => a - b)) {
      if (k === last) continue;
      last = k;
      // A record ends before the `,` of the next boundary, or at the region's stop.
      const to = k + 1 < starts.length ? starts[k + 1] - 1 : stop;
      this.candidates.push(data.toString("utf8", starts[k], to));
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
