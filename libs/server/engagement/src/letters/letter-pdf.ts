import PDFDocument from 'pdfkit';

const MM = 72 / 25.4;

/**
 * The letter on A4, ready to print and sign by hand: a serif face at a readable size, 25 mm
 * margins, the text as drafted. The template's blank lines between the sign-off and the
 * supporter's name are the space to sign.
 */
export function letterPdf(body: string, options: { title: string; compress?: boolean }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 25 * MM,
    compress: options.compress ?? true,
    info: { Title: options.title, Creator: 'Campaign Desk' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Times-Roman').fontSize(12);
  const width = doc.page.width - 50 * MM;
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') doc.moveDown(1);
    else doc.text(line, { width, lineGap: 2 });
  }
  doc.end();
  return done;
}
