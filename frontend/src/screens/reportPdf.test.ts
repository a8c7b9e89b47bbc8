import { describe, expect, it } from 'vitest';
import { type Block, makePdf, paginate, wrap } from './reportPdf';

// Node's modules, by name: the app's types know no Node (the test runs in Node).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const node = (name: string): Promise<any> => import(/* @vite-ignore */ name);
const { execFileSync } = await node('node:child_process');
const { mkdtempSync, writeFileSync } = await node('node:fs');
const { tmpdir } = await node('node:os');
const { join } = await node('node:path');

const words = { title: '客户报告 — 瑞丰塑胶', mark: '内部资料 · 注意保密', pageOf: (n: number, total: number) => `第 ${n} / ${total} 页` };

/** The PDF's text as poppler's pdftotext reads it (with the CJK CMaps of poppler-data). */
function textOf(pdf: Uint8Array): string {
  const dir: string = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  const file: string = join(dir, 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }) as string;
}

describe('the report as a PDF file', () => {
  it('wraps Chinese by width and Latin at spaces', () => {
    expect(wrap('一二三四五六七八九十', 10, 50)).toEqual(['一二三四五', '六七八九十']);
    expect(wrap('PA66 GF30 pilot trial', 10, 60)).toEqual(['PA66 GF30', 'pilot trial']);
    expect(wrap('第一行\n第二行', 10, 500)).toEqual(['第一行', '第二行']);
  });

  it('keeps a card on one page when it fits on one', () => {
    const blocks: Block[] = [];
    for (let i = 0; i < 44; i++) blocks.push({ kind: 'text', text: `第 ${i} 行`, group: 1 });
    for (let i = 0; i < 20; i++) blocks.push({ kind: 'text', text: `样品 ${i}`, group: 2 });
    const pages = paginate(blocks);
    expect(pages.length).toBe(2);
    // The second card does not start at the foot of the first page.
    expect(pages[0].some((l) => l.line.startsWith('样品'))).toBe(false);
    expect(pages[1][0].line).toBe('样品 0');
  });

  it('reads back as the report text, with page numbers and the mark on every page', () => {
    const blocks: Block[] = [{ kind: 'title', text: '瑞丰塑胶 客户报告', group: 1 }, { kind: 'heading', text: '摘要', group: 2 }];
    for (let i = 0; i < 120; i++) blocks.push({ kind: 'text', text: `样品 PA66-GF30 第 ${i} 次中试，结果合格`, group: 3 + Math.floor(i / 10) });
    const pdf = makePdf(blocks, words);
    expect(new TextDecoder().decode(pdf.slice(0, 8))).toBe('%PDF-1.4');
    const text = textOf(pdf);
    expect(text).toContain('瑞丰塑胶 客户报告');
    expect(text).toContain('样品 PA66-GF30 第 119 次中试，结果合格');
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect(p).toContain('内部资料 · 注意保密');
      expect(p).toContain(`第 ${i + 1} / ${pages.length} 页`);
    });
  });
});
