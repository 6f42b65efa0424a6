import PDFDocument from 'pdfkit';

export interface PdfSection {
  heading: string;
  lines: string[];
}

/** A plain A4 summary: a title, then each section's heading and lines (what a person can read without the JSON). */
export function summaryPdf(title: string, intro: string, sections: PdfSection[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Creator: 'Campaign Desk' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(title);
  doc.moveDown(0.5).font('Helvetica').fontSize(10).text(intro);
  for (const section of sections) {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(12).text(section.heading);
    doc.font('Helvetica').fontSize(10);
    if (!section.lines.length) doc.text('None.');
    for (const line of section.lines) doc.text(line, { lineGap: 1 });
  }
  doc.end();
  return done;
}
