// The report formats on their own, without the renderers, so the renderer process can list them
// without bundling the CSV writer (which needs Node's Buffer).
export type ReportFormat = 'html' | 'pdf' | 'md' | 'csv' | 'json' | 'claimreview' | 'annotations'
export type TextReportFormat = Exclude<ReportFormat, 'pdf'>

export const REPORT_FORMATS: Record<ReportFormat, { label: string; extension: string; mimeType: string }> = {
  html: { label: 'HTML', extension: 'html', mimeType: 'text/html; charset=utf-8' },
  pdf: { label: 'PDF', extension: 'pdf', mimeType: 'application/pdf' },
  md: { label: 'Markdown', extension: 'md', mimeType: 'text/markdown; charset=utf-8' },
  csv: { label: 'CSV (spreadsheet)', extension: 'csv', mimeType: 'text/csv; charset=utf-8; header=present' },
  json: { label: 'JSON', extension: 'json', mimeType: 'application/json' },
  claimreview: { label: 'ClaimReview (schema.org JSON-LD)', extension: 'jsonld', mimeType: 'application/ld+json' },
  annotations: {
    label: 'Web Annotations (W3C JSON-LD)',
    extension: 'jsonld',
    mimeType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  },
}

export function isReportFormat(value: string): value is ReportFormat {
  return Object.hasOwn(REPORT_FORMATS, value)
}

/**
 * Which claims a format reports unless told otherwise: ClaimReview publishes verdicts, so only Done
 * claims (`done`); the desk's own reports show every claim taken on (`accepted`).
 */
export function defaultSelection(format: ReportFormat): 'done' | 'accepted' {
  return format === 'claimreview' ? 'done' : 'accepted'
}
