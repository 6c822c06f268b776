// Parses JSON text that arrives in pieces (a file read as a stream) into the value JSON.parse gives,
// without ever holding the whole text. Objects are put together member by member here; every array
// element (a backup's records) and every string, number, true, false or null is parsed by JSON.parse
// from its own text. Why: a backup of a full roster can be hundreds of megabytes, and one string of
// it would pass what a JavaScript engine allows (V8: about 2^29 characters), while its records are
// small. The grammar between those pieces is checked here, so text JSON.parse refuses is refused too.

export class JsonStreamError extends SyntaxError {}

type ObjectFrame = {
  kind: 'object';
  value: Record<string, unknown>;
  key: string;
  expect: 'key-or-end' | 'key' | 'colon' | 'value' | 'comma-or-end';
};
type ArrayFrame = { kind: 'array'; value: unknown[]; expect: 'value-or-end' | 'value' | 'comma-or-end' };
type Frame = ObjectFrame | ArrayFrame;

/** A value whose text is being collected: from `start` in the current piece, after `parts` from earlier ones. */
interface Capture {
  role: 'key' | 'member' | 'element';
  parts: string[];
  start: number;
  /** Where it began in the whole text, for messages. */
  position: number;
  /** A number, true, false or null: it ends where a delimiter starts. */
  primitive: boolean;
  depth: number;
  inString: boolean;
  /** The previous piece ended with a backslash inside a string: the next character is escaped. */
  escaped: boolean;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
// A value starts with { [ " - 0-9 t f n.
const startsValue = (c: number) => c === 123 || c === 91 || c === 34 || c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110;
const endsPrimitive = (c: number) => c === 44 || c === 125 || c === 93 || isSpace(c);

function describe(c: number): string {
  return JSON.stringify(String.fromCharCode(c));
}

/** Sets a member as JSON.parse does: "__proto__" becomes an own property, not the prototype. */
function setMember(object: Record<string, unknown>, key: string, value: unknown) {
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

export class JsonStreamParser {
  private stack: Frame[] = [];
  private capture: Capture | null = null;
  private done = false;
  private result: unknown;
  /** Characters handed over before the current piece. */
  private offset = 0;

  /** Reads the next piece of the text; throws a JsonStreamError at the first thing JSON does not allow. */
  push(piece: string): void {
    const n = piece.length;
    let i = 0;
    while (i < n) {
      if (this.capture) {
        i = this.continueCapture(piece, i);
        continue;
      }
      const c = piece.charCodeAt(i);
      if (isSpace(c)) i++;
      else i = this.structure(piece, i, c);
    }
    if (this.capture) {
      this.capture.parts.push(piece.slice(this.capture.start));
      this.capture.start = 0;
    }
    this.offset += n;
  }

  /** The value, once the whole text has been pushed. */
  end(): unknown {
    const capture = this.capture;
    if (capture?.primitive && capture.role === 'member' && this.stack.length === 0) {
      this.capture = null;
      this.deliver(capture, this.parse(capture, capture.parts.join('')));
    }
    if (!this.done || this.capture) throw new JsonStreamError('Unexpected end of JSON input');
    return this.result;
  }

  private fail(c: number, at: number): never {
    throw new JsonStreamError(`Unexpected character ${describe(c)} at position ${this.offset + at}`);
  }

  private begin(role: Capture['role'], piece: string, i: number, c: number): number {
    if (!startsValue(c)) this.fail(c, i);
    const primitive = c !== 123 && c !== 91 && c !== 34;
    this.capture = { role, parts: [], start: i, position: this.offset + i, primitive, depth: 0, inString: false, escaped: false };
    return i;
  }

  /** One character between values: brackets, colons, commas, or the start of a value. */
  private structure(piece: string, i: number, c: number): number {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (this.done) this.fail(c, i);
      if (c === 123 || c === 91) return this.open(c, i);
      return this.begin('member', piece, i, c);
    }
    if (top.kind === 'array') {
      if (top.expect === 'comma-or-end') {
        if (c === 44) top.expect = 'value';
        else if (c === 93) this.close();
        else this.fail(c, i);
        return i + 1;
      }
      if (c === 93 && top.expect === 'value-or-end') {
        this.close();
        return i + 1;
      }
      return this.begin('element', piece, i, c);
    }
    switch (top.expect) {
      case 'key-or-end':
      case 'key':
        if (c === 125 && top.expect === 'key-or-end') {
          this.close();
          return i + 1;
        }
        if (c !== 34) this.fail(c, i);
        return this.begin('key', piece, i, c);
      case 'colon':
        if (c !== 58) this.fail(c, i);
        top.expect = 'value';
        return i + 1;
      case 'value':
        if (c === 123 || c === 91) return this.open(c, i);
        return this.begin('member', piece, i, c);
      case 'comma-or-end':
        if (c === 44) top.expect = 'key';
        else if (c === 125) this.close();
        else this.fail(c, i);
        return i + 1;
    }
  }

  private open(c: number, i: number): number {
    this.stack.push(c === 123 ? { kind: 'object', value: {}, key: '', expect: 'key-or-end' } : { kind: 'array', value: [], expect: 'value-or-end' });
    return i + 1;
  }

  private close(): void {
    const frame = this.stack.pop()!;
    this.store(frame.value);
  }

  /** A finished value goes to its object member, its array, or is the document. */
  private store(value: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.done = true;
      this.result = value;
    } else if (top.kind === 'object') {
      setMember(top.value, top.key, value);
      top.expect = 'comma-or-end';
    } else {
      top.value.push(value);
      top.expect = 'comma-or-end';
    }
  }

  private deliver(capture: Capture, value: unknown): void {
    if (capture.role === 'key') {
      const top = this.stack[this.stack.length - 1] as ObjectFrame;
      top.key = value as string;
      top.expect = 'colon';
    } else this.store(value);
  }

  private parse(capture: Capture, text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new JsonStreamError(`${(error as Error).message} (in the value at position ${capture.position})`);
    }
  }

  /** Scans a value's text from `i`; returns where structure resumes, or the piece's end. */
  private continueCapture(piece: string, i: number): number {
    const capture = this.capture!;
    const n = piece.length;
    let j = i;
    if (capture.primitive) {
      while (j < n && !endsPrimitive(piece.charCodeAt(j))) j++;
      if (j === n) return n;
      return this.finish(capture, piece, j, j);
    }
    let { depth, inString } = capture;
    for (;;) {
      if (inString) {
        // Strings are most of a record: jump from quote to quote; a quote after an odd run of
        // backslashes is part of the string (a run that reaches the piece's start continues the
        // previous piece's, whose oddness `escaped` kept).
        const quote = piece.indexOf('"', j);
        const to = quote < 0 ? n : quote;
        let k = to - 1;
        while (k >= j && piece.charCodeAt(k) === 92) k--;
        const odd = ((to - 1 - k) & 1) === 1;
        const escaped = k < j && capture.escaped ? !odd : odd;
        if (quote < 0) {
          capture.escaped = escaped;
          break;
        }
        capture.escaped = false;
        j = quote + 1;
        if (escaped) continue;
        inString = false;
        if (depth === 0) return this.finish(capture, piece, j, j);
        continue;
      }
      if (j >= n) break;
      const c = piece.charCodeAt(j++);
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 0) return this.finish(capture, piece, j, j);
      }
    }
    capture.depth = depth;
    capture.inString = inString;
    return n;
  }

  private finish(capture: Capture, piece: string, end: number, resume: number): number {
    const tail = piece.slice(capture.start, end);
    const text = capture.parts.length ? capture.parts.join('') + tail : tail;
    this.capture = null;
    this.deliver(capture, this.parse(capture, text));
    return resume;
  }
}
