// The printed report as a PDF file the rep can share from the phone (a chat, a mail),
// written in the browser: the report's text as shown (the same choice of personal
// needs), on A4 pages with page numbers and the confidentiality mark, a card kept on
// one page when it fits. The text is set in the PDF standard Chinese font STSong-Light
// (Adobe-GB1, UniGB-UCS2-H): every PDF reader has it or a substitute, so no font is
// embedded and the file stays a few kB. Loaded only when the rep asks for the file.

export type BlockKind = 'title' | 'heading' | 'text' | 'small';

export interface Block {
  kind: BlockKind;
  text: string;
  /** Blocks of one card share a group: kept on one page when the card fits on one. */
  group: number;
}

export interface PdfText {
  /** The document's title (its metadata). */
  title: string;
  /** The confidentiality mark at the foot of each page. */
  mark: string;
  /** "Page n of N" in the app's language. */
  pageOf: (n: number, total: number) => string;
}

const A4 = { w: 595.28, h: 841.89 };
const MARGIN = { x: 50, top: 56, bottom: 60 };
const SIZE: Record<BlockKind, number> = { title: 17, heading: 12.5, text: 9.5, small: 8 };
const LEADING = 1.45;
const SPACE_BEFORE: Record<BlockKind, number> = { title: 0, heading: 12, text: 2, small: 1 };

/** The width of a character in ems: half for ASCII (the font's half-width glyphs), whole otherwise. */
function ems(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x20 && c < 0x7f ? 0.5 : 1;
}

/** Wraps text to lines of at most width points at size, breaking Latin at spaces when it can. */
export function wrap(text: string, size: number, width: number): string[] {
  const max = width / size;
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let w = 0;
    let lastSpace = -1;
    for (const ch of Array.from(para)) {
      const cw = ems(ch);
      if (w + cw > max && line) {
        if (lastSpace > 0 && ch !== ' ') {
          // Carry the unfinished Latin word to the next line.
          const carry = line.slice(lastSpace + 1);
          lines.push(line.slice(0, lastSpace));
          line = carry;
          w = Array.from(carry).reduce((s, c) => s + ems(c), 0);
        } else {
          lines.push(line);
          line = '';
          w = 0;
        }
        lastSpace = -1;
        if (ch === ' ') continue;
      }
      if (ch === ' ') lastSpace = line.length;
      line += ch;
      w += cw;
    }
    lines.push(line);
  }
  return lines;
}

interface Placed {
  kind: BlockKind;
  line: string;
  y: number;
}

/** Lays the blocks out on pages: the lines of each page with their baseline. */
export function paginate(blocks: Block[]): Placed[][] {
  const width = A4.w - 2 * MARGIN.x;
  const bottom = MARGIN.bottom;
  const pages: Placed[][] = [[]];
  let y = A4.h - MARGIN.top;
  const heightOf = (b: Block) => SPACE_BEFORE[b.kind] + wrap(b.text, SIZE[b.kind], width).length * SIZE[b.kind] * LEADING;
  const groupHeight = new Map<number, number>();
  for (const b of blocks) groupHeight.set(b.group, (groupHeight.get(b.group) ?? 0) + heightOf(b));
  const newPage = () => {
    pages.push([]);
    y = A4.h - MARGIN.top;
  };
  let current = -1;
  for (const b of blocks) {
    if (b.group !== current) {
      current = b.group;
      const need = groupHeight.get(b.group) ?? 0;
      const full = A4.h - MARGIN.top - bottom;
      // A card that does not fit below but fits on a page starts a new one.
      if (y - need < bottom && need <= full && pages[pages.length - 1].length > 0) newPage();
    }
    const size = SIZE[b.kind];
    y -= SPACE_BEFORE[b.kind];
    for (const line of wrap(b.text, size, width)) {
      if (y - size * LEADING < bottom) newPage();
      y -= size * LEADING;
      pages[pages.length - 1].push({ kind: b.kind, line, y });
    }
  }
  return pages;
}

/** Characters the font names otherwise: its middle dot is the katakana one (Adobe-GB1). */
const SAME: Record<string, number> = { '·': 0x30fb, '•': 0x30fb };

/** A string in the font's encoding (UCS-2, big-endian, hex); characters beyond it become "?". */
function hex(s: string): string {
  let out = '';
  for (const ch of Array.from(s)) {
    const c = SAME[ch] ?? ch.codePointAt(0) ?? 63;
    out += (c > 0xffff ? 63 : c).toString(16).padStart(4, '0');
  }
  return `<${out}>`;
}

/** A PDF text string (the document info): UTF-16BE with its byte-order mark. */
function infoText(s: string): string {
  return '<FEFF' + hex(s).slice(1, -1) + '>';
}

function text(x: number, y: number, size: number, s: string): string {
  return `BT /F1 ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${hex(s)} Tj ET\n`;
}

/** The PDF file of the blocks. */
export function makePdf(blocks: Block[], words: PdfText): Uint8Array {
  const pages = paginate(blocks);
  const objects: string[] = [];
  const add = (body: string) => objects.push(body); // object n is objects[n-1]
  // 1 catalog, 2 pages, 3 font, 4 descendant font, 5 descriptor, 6 info; then per page
  // a page and its content.
  const first = 7;
  const kids = pages.map((_, i) => `${first + 2 * i} 0 R`).join(' ');
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>');
  add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  add(`<< /Title ${infoText(words.title)} /Producer (Tandem) >>`);
  pages.forEach((lines, i) => {
    let body = '0.2 g\n';
    for (const l of lines) body += text(MARGIN.x, l.y, SIZE[l.kind], l.line);
    body += '0.4 g\n';
    body += text(MARGIN.x, 30, SIZE.small, words.mark);
    const foot = words.pageOf(i + 1, pages.length);
    const fw = Array.from(foot).reduce((s, c) => s + ems(c), 0) * SIZE.small;
    body += text(A4.w - MARGIN.x - fw, 30, SIZE.small, foot);
    const len = new TextEncoder().encode(body).length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.w} ${A4.h}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${first + 2 * i + 1} 0 R >>`);
    add(`<< /Length ${len} >>\nstream\n${body}endstream`);
  });
  // The file: header, objects at recorded offsets, the cross-reference table, trailer.
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let offset = 0;
  const put = (s: string) => {
    const b = enc.encode(s);
    parts.push(b);
    offset += b.length;
  };
  put('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n');
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    put(`${i + 1} 0 obj\n${body}\nendobj\n`);
  });
  const xref = offset;
  put(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const o of offsets) put(`${String(o).padStart(10, '0')} 00000 n \n`);
  put(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const HEADING = /^H[1-3]$/;
const BLOCK = /^(DIV|P|UL|OL|LI|TABLE|THEAD|TBODY|TFOOT|TR|SECTION|HEADER|FOOTER|ARTICLE|H[1-6]|DL|DT|DD|FIGURE|NAV|MAIN|ASIDE|DETAILS|FORM|FIELDSET)$/;

/**
 * The report's text, in reading order, from its rendered page: headings, table rows
 * (cells joined by " · "), definition pairs, and every element without blocks inside
 * as one paragraph; what is not printed (.no-print, hidden) is left out. Each section
 * (a card) is a group.
 */
export function blocksOf(root: Element): Block[] {
  const out: Block[] = [];
  let group = 0;
  const visit = (el: Element) => {
    const tag = el.tagName;
    if (el.classList.contains('no-print') || el.getAttribute('aria-hidden') === 'true' || (el as HTMLElement).hidden) return;
    if (tag === 'STYLE' || tag === 'SCRIPT' || tag === 'TEMPLATE' || tag === 'BUTTON') return;
    if (tag === 'SECTION' || tag === 'HEADER' || tag === 'ARTICLE') group++;
    if (HEADING.test(tag)) {
      out.push({ kind: tag === 'H1' ? 'title' : 'heading', text: clean(el.textContent), group });
    } else if (tag === 'TR') {
      const cells = Array.from(el.children).map((c) => clean(c.textContent)).filter(Boolean);
      if (cells.length) out.push({ kind: 'text', text: cells.join(' · '), group });
    } else if (tag === 'DT') {
      const dd = el.nextElementSibling;
      out.push({ kind: 'text', text: `${clean(el.textContent)}：${clean(dd?.tagName === 'DD' ? dd.textContent : '')}`, group });
    } else if (tag === 'DD') {
      // Said with its DT.
    } else if (!Array.from(el.children).some((c) => BLOCK.test(c.tagName))) {
      out.push({ kind: tag === 'FOOTER' ? 'small' : 'text', text: clean(el.textContent), group });
    } else {
      for (const c of Array.from(el.children)) visit(c);
    }
  };
  visit(root);
  return out.filter((b) => b.text);
}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}
