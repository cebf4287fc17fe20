import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { reportWords } from '../../messages/report';
import type { ReportDraft } from './report-draft';

// The usual layout of an official document (GB/T 9704): A4, 仿宋 三号 body on a 28-point line, 小标宋 二号
// title, 黑体 headings, 2-character first-line indent. Sizes are half-points, distances twips.
const MM = 56.7;
const BODY = { size: 32, font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' } };
const HEADING = { size: 32, font: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' } };
const TITLE = { size: 44, font: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' } };
const SUB = { size: 32, font: { eastAsia: '楷体_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' } };
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

const body = (text: string) =>
  new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [new TextRun({ ...BODY, text })] });

/** The draft as a .docx file's bytes. */
export async function renderReportDocx(d: ReportDraft): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...LINE, line: 700 },
      children: [new TextRun({ ...TITLE, text: d.title })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      children: [new TextRun({ ...SUB, text: reportWords.draftMark })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      children: [new TextRun({ ...SUB, text: d.byline })],
    }),
    body(d.basis),
  ];
  for (const s of [...d.sections, { heading: d.closing.heading, paragraphs: [] }]) {
    children.push(
      new Paragraph({
        spacing: LINE,
        indent: { firstLine: 640 },
        children: [new TextRun({ ...HEADING, text: s.heading })],
      }),
    );
    children.push(...s.paragraphs.map(body));
  }
  // The one paragraph the deputy writes: marked so it cannot pass for a sentence from the records.
  children.push(
    new Paragraph({
      spacing: LINE,
      indent: { firstLine: 640 },
      children: [new TextRun({ ...BODY, text: d.closing.marker, highlight: 'yellow' })],
    }),
  );
  const doc = new Document({
    creator: 'deputy-group-assistant',
    title: d.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
