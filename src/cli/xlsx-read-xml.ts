/**
 * A pull cursor over the XML of one part of an .xlsx file (a sheet, the shared strings, the styles): the
 * reader asks for the next tag or text and keeps its own state, so that a sheet of 100,000 rows is read in
 * one pass without an event object or an attribute map per tag (a SAX parser spends most of its time
 * there). It reads what SpreadsheetML uses: elements with or without a namespace prefix, attributes in
 * either quote, the five named entities and character references, comments, processing instructions and
 * CDATA. It checks only what it needs to read a part, not that the part is well-formed.
 */

/** What `next()` found. */
export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;

/** A part that is not XML the cursor can read: the file is unreadable. */
export class XmlError extends Error {}

function entity(name: string): string {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
  const code = m ? parseInt(m[1] ?? m[2] ?? '', m[1] ? 16 : 10) : NaN;
  if (!(code >= 0 && code <= 0x10ffff)) throw new XmlError(`unknown entity &${name};`);
  return String.fromCodePoint(code);
}

function decodeEntities(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let last = 0;
  while (amp !== -1) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi === -1) throw new XmlError('unterminated entity');
    out += raw.slice(last, amp) + entity(raw.slice(amp + 1, semi));
    last = semi + 1;
    amp = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}

/** Text as an XML parser hands it on: line ends as \n, entities decoded. */
export function decodeXmlText(raw: string): string {
  return decodeEntities(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
}

/** An attribute value as an XML parser hands it on: tabs and line ends as spaces, entities decoded. */
function decodeAttribute(raw: string): string {
  return decodeEntities(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n?|[\t\n]/g, ' ') : raw);
}

/**
 * The same few names come back hundreds of thousands of times (`c`, `v`, `r`, `t`): the cursor hands out one
 * string for each instead of a new slice per tag.
 */
class Names {
  private readonly seen: string[] = [];

  of(xml: string, from: number, to: number): string {
    const length = to - from;
    // The latest names first: those of the rows and cells come after the few of the sheet's head.
    for (let i = this.seen.length - 1; i >= 0; i--) {
      const name = this.seen[i] as string;
      if (name.length === length && xml.startsWith(name, from)) return name;
    }
    const name = xml.slice(from, to);
    if (this.seen.length < 64) this.seen.push(name);
    return name;
  }
}

export class XmlCursor {
  /** The local name (without a prefix) of the element just opened or closed. */
  name = '';
  /** The decoded text just read. */
  text = '';
  /** Where the text `simpleElement` found lies in `xml`, undecoded. */
  spanFrom = 0;
  spanTo = 0;
  private pos: number;
  private pendingClose = false;
  private attrCount = 0;
  /** The current tag's attributes as offsets into the XML: name start and end, value start and end. */
  private attrSpans = new Int32Array(64);
  /** Where the value of the attribute `find` found starts and ends (undecoded). */
  private valueFrom = 0;
  private valueTo = 0;
  private readonly elementNames = new Names();
  private readonly words = new Names();

  constructor(
    readonly xml: string,
    from = 0,
    private readonly end = xml.length,
  ) {
    this.pos = from;
  }

  /** The next tag or text: OPEN (a self-closing tag gives OPEN, then CLOSE), CLOSE, TEXT or END. */
  next(): number {
    if (this.pendingClose) {
      this.pendingClose = false;
      return CLOSE;
    }
    const xml = this.xml;
    const end = this.end;
    for (;;) {
      const pos = this.pos;
      if (pos >= end) return END;
      if (xml.charCodeAt(pos) !== 60 /* < */) {
        let lt = xml.indexOf('<', pos);
        if (lt === -1 || lt > end) lt = end;
        this.text = decodeXmlText(xml.slice(pos, lt));
        this.pos = lt;
        this.attrCount = 0;
        return TEXT;
      }
      const c1 = xml.charCodeAt(pos + 1);
      if (c1 === 47 /* / */) {
        const gt = this.until('>', pos + 2);
        let to = gt;
        while (to > pos + 2 && xml.charCodeAt(to - 1) <= 32) to--;
        this.name = this.localName(pos + 2, to);
        this.pos = gt + 1;
        this.attrCount = 0;
        return CLOSE;
      }
      if (c1 === 63 /* ? */) {
        this.pos = this.until('?>', pos + 2) + 2;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (xml.startsWith('<!--', pos)) {
          this.pos = this.until('-->', pos + 4) + 3;
          continue;
        }
        if (xml.startsWith('<![CDATA[', pos)) {
          const close = this.until(']]>', pos + 9);
          const raw = xml.slice(pos + 9, close);
          this.text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
          this.pos = close + 3;
          return TEXT;
        }
        // A document type declaration; SpreadsheetML parts have none with an internal subset.
        this.pos = this.until('>', pos + 2) + 1;
        continue;
      }
      let i = pos + 1;
      for (let c = xml.charCodeAt(i); i < end && c > 32 && c !== 47 && c !== 62; c = xml.charCodeAt(++i));
      this.name = this.localName(pos + 1, i);
      // The attributes are located as the tag is scanned to its end (the first '>' outside a quoted value):
      // where each name and value lies, nothing copied out of the XML until a reader asks for it.
      let count = 0;
      for (;;) {
        let c = xml.charCodeAt(i);
        while (i < end && c <= 32) c = xml.charCodeAt(++i);
        if (i >= end) throw new XmlError('unterminated tag');
        if (c === 62 /* > */ || c === 47 /* / */) break;
        const nameFrom = i;
        while (i < end && c > 32 && c !== 61) c = xml.charCodeAt(++i);
        const nameTo = i;
        while (i < end && c <= 32) c = xml.charCodeAt(++i);
        if (c !== 61 /* = */) throw new XmlError('attribute without a value');
        c = xml.charCodeAt(++i);
        while (i < end && c <= 32) c = xml.charCodeAt(++i);
        if (c !== 34 && c !== 39) throw new XmlError('unquoted attribute value');
        const valueFrom = ++i;
        while (i < end && xml.charCodeAt(i) !== c) i++;
        if (i >= end) throw new XmlError('unterminated attribute value');
        this.spansFor(count);
        const k = count * 4;
        this.attrSpans[k] = nameFrom;
        this.attrSpans[k + 1] = nameTo;
        this.attrSpans[k + 2] = valueFrom;
        this.attrSpans[k + 3] = i;
        count++;
        i++;
      }
      const selfClosing = xml.charCodeAt(i) === 47;
      if (selfClosing && xml.charCodeAt(++i) !== 62) throw new XmlError('unterminated tag');
      this.attrCount = count;
      this.pendingClose = selfClosing;
      this.pos = i + 1;
      return OPEN;
    }
  }

  /**
   * When what follows is `<name>text</name>` (no prefix, no attributes, only text inside): moves past it and
   * gives where the text lies (spanFrom, spanTo). The shape nearly every cell's value has, read without
   * going tag by tag.
   */
  simpleElement(name: string): boolean {
    if (this.pendingClose || !this.isTag(this.pos, '', name)) return false;
    const from = this.pos + name.length + 2;
    const lt = this.xml.indexOf('<', from);
    if (lt === -1 || !this.isTag(lt, '/', name)) return false;
    this.spanFrom = from;
    this.spanTo = lt;
    this.pos = lt + name.length + 3;
    return true;
  }

  /** When `</name>` follows: moves past it. */
  closes(name: string): boolean {
    if (this.pendingClose || !this.isTag(this.pos, '/', name)) return false;
    this.pos += name.length + 3;
    return true;
  }

  /** The text simpleElement found, decoded. */
  spanText(): string {
    return decodeXmlText(this.xml.slice(this.spanFrom, this.spanTo));
  }

  /** The text simpleElement found as `parseInt(text, 10)` reads it, without taking it out of the XML. */
  spanInt(): number {
    const xml = this.xml;
    let n = 0;
    for (let i = this.spanFrom; i < this.spanTo; i++) {
      const c = xml.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return parseInt(this.spanText(), 10);
      n = n * 10 + c;
    }
    return this.spanTo > this.spanFrom ? n : NaN;
  }

  private isTag(at: number, slash: '' | '/', name: string): boolean {
    const xml = this.xml;
    const nameAt = at + 1 + slash.length;
    return (
      nameAt + name.length < this.end &&
      xml.charCodeAt(at) === 60 &&
      (slash === '' || xml.charCodeAt(at + 1) === 47) &&
      xml.startsWith(name, nameAt) &&
      xml.charCodeAt(nameAt + name.length) === 62
    );
  }

  /** An attribute of the element just opened, by its name as written (`r`, `r:id`), decoded. */
  attr(name: string): string | undefined {
    return this.find(name) ? this.valueAt(this.valueFrom, this.valueTo) : undefined;
  }

  /**
   * Where the value of an attribute starts in `xml`, or -1: for a value read only now and then (a cell's
   * address), so that it is not copied out of the XML for every tag. It ends at `valueEnd`.
   */
  attrOffset(name: string): number {
    return this.find(name) ? this.valueFrom : -1;
  }

  get valueEnd(): number {
    return this.valueTo;
  }

  /** An attribute value by the offsets attrOffset gave, decoded. */
  valueAt(from: number, to: number): string {
    const raw = this.xml.slice(from, to);
    return raw.includes('&') || /[\t\n\r]/.test(raw) ? decodeAttribute(raw) : raw;
  }

  /** An attribute as `parseInt(value, 10)` reads it (NaN when there is none), without taking it out of the XML. */
  attrInt(name: string): number {
    if (!this.find(name)) return NaN;
    const xml = this.xml;
    let n = 0;
    for (let i = this.valueFrom; i < this.valueTo; i++) {
      const c = xml.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return parseInt(this.attr(name) as string, 10);
      n = n * 10 + c;
    }
    return this.valueTo > this.valueFrom ? n : NaN;
  }

  /** An attribute whose few values recur (a cell's type): one string for each value, not a copy per tag. */
  attrWord(name: string): string | undefined {
    if (!this.find(name)) return undefined;
    const xml = this.xml;
    for (let i = this.valueFrom; i < this.valueTo; i++) if (xml.charCodeAt(i) === 38 /* & */ || xml.charCodeAt(i) < 32) return this.attr(name);
    return this.words.of(xml, this.valueFrom, this.valueTo);
  }

  /** Skips what is inside the element just opened (not self-closing), up to and including its end tag. */
  skipElement(): void {
    let depth = 1;
    for (;;) {
      const kind = this.next();
      if (kind === END) return;
      if (kind === OPEN) depth++;
      else if (kind === CLOSE && --depth === 0) return;
    }
  }

  private until(what: string, from: number): number {
    const at = this.xml.indexOf(what, from);
    if (at === -1 || at + what.length > this.end) throw new XmlError(`unterminated ${what}`);
    return at;
  }

  private localName(from: number, to: number): string {
    let start = from;
    for (let i = from; i < to; i++) if (this.xml.charCodeAt(i) === 58 /* : */) start = i + 1;
    return this.elementNames.of(this.xml, start, to);
  }

  /** Finds an attribute of the current tag by name. */
  private find(name: string): boolean {
    const xml = this.xml;
    const spans = this.attrSpans;
    for (let i = 0, k = 0; i < this.attrCount; i++, k += 4) {
      const from = spans[k] as number;
      if ((spans[k + 1] as number) - from === name.length && xml.startsWith(name, from)) {
        this.valueFrom = spans[k + 2] as number;
        this.valueTo = spans[k + 3] as number;
        return true;
      }
    }
    return false;
  }

  /** Room for the spans of attribute `index` (a tag with more than 16 attributes is rare). */
  private spansFor(index: number): void {
    if (index * 4 + 4 <= this.attrSpans.length) return;
    const wider = new Int32Array(this.attrSpans.length * 2);
    wider.set(this.attrSpans);
    this.attrSpans = wider;
  }
}
