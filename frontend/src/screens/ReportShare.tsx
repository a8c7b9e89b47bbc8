// "Share as PDF": the report as shown, written as a PDF file in the browser
// (reportPdf.ts, loaded on the first tap) and handed to the phone's share sheet — or
// saved, where the browser cannot share files.
import { useState } from 'preact/hooks';
import { saveBlob } from '../lib/download';
import { messages } from '../lib/i18n';

const t = messages(
  'reportShare',
  {
    share: 'Share as PDF',
    making: 'Making the PDF…',
    saved: 'The PDF was saved to your downloads.',
    failed: 'The PDF could not be made: {message}',
    fileName: 'Customer report - {name}',
  },
  {
    share: '分享 PDF',
    making: '正在生成 PDF…',
    saved: 'PDF 已保存到下载。',
    failed: '无法生成 PDF：{message}',
    fileName: '客户报告-{name}',
  },
);

export interface ShareWords {
  title: string;
  mark: string;
  pageOf: (n: number, total: number) => string;
}

export function ReportShare({ name, words }: { name: string; words: ShareWords }) {
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState('');
  async function share() {
    setBusy(true);
    setMsg('');
    try {
      const { blocksOf, makePdf } = await import('./reportPdf');
      const root = document.querySelector('main.report');
      if (!root) throw new Error('no report on the page');
      const pdf = makePdf(blocksOf(root), words);
      const fileName = `${t('fileName', { name }).replace(/[\\/:*?"<>|]/g, ' ')}.pdf`;
      const file = new File([pdf as BlobPart], fileName, { type: 'application/pdf' });
      if (navigator.canShare?.({ files: [file] })) {
        try {
          await navigator.share({ files: [file], title: words.title });
        } catch (e) {
          if ((e as Error)?.name !== 'AbortError') throw e; // the rep closed the share sheet
        }
      } else {
        saveBlob(file, fileName);
        setMsg(t('saved'));
      }
    } catch (e) {
      setMsg(t('failed', { message: String((e as Error)?.message ?? e) }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" class="btn" onClick={() => void share()} disabled={busy}>
        {busy ? t('making') : t('share')}
      </button>
      {msg && (
        <span class="report-bar-msg" role="status">
          {msg}
        </span>
      )}
    </>
  );
}
