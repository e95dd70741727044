import type { FastifyReply } from 'fastify';

/** What the header and footer of every report PDF name. */
export interface PdfRunDetails {
  reportName: string;
  /** Who ran it, e.g. "Asha Patel (learner-asha)". */
  ranBy: string;
  /** When, as a UK date and time. */
  ranAt: string;
  /** The watermark, as a UK date and time, or "–" before anything was projected. */
  dataCompleteTo: string;
}

/** Room for the header and footer Chromium draws in the page margins. */
export const PdfMargins = { top: '22mm', bottom: '20mm', left: '12mm', right: '12mm' };

const BAND = 'font-family:Arial,Helvetica,sans-serif;font-size:8pt;color:#4c6272;width:100%;margin:0 12mm;display:flex;justify-content:space-between;gap:8mm';

/** Chromium's header template (its own document: inline styles only; `pageNumber` and `totalPages` are filled in per page). */
export function pdfHeader(run: PdfRunDetails): string {
  return `<div style="${BAND}"><span style="font-weight:bold;color:#212b32">${escapeHtml(run.reportName)}</span><span>Run by ${escapeHtml(run.ranBy)} on ${escapeHtml(run.ranAt)}</span></div>`;
}

export function pdfFooter(run: PdfRunDetails): string {
  return `<div style="${BAND}"><span>Data complete to ${escapeHtml(run.dataCompleteTo)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Sends a rendered PDF as a download. */
export function sendPdf(reply: FastifyReply, fileName: string, pdf: Buffer): FastifyReply {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]+/g, '-')}"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}
