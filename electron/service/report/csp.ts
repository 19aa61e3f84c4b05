/**
 * The report's Content-Security-Policy: nothing may load or run (no scripts, no fetches, no
 * fonts or images from anywhere); only its inline stylesheet applies. Stated in the page's meta
 * tag, and as a header (with `sandbox`) where the web host serves a report to view or print.
 */
export const CSP_REPORT = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
