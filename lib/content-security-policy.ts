// The console's Content-Security-Policy, sent with every page by proxy.ts with a fresh nonce.
// Next puts the nonce on its own inline and chunk scripts ('strict-dynamic' lets those load the
// rest); Cloudscape and Monaco set inline styles; Monaco's editor and JSON workers are same-origin
// module workers. Nothing is loaded from anywhere else (the console works offline).
export function contentSecurityPolicy(options: { nonce: string; dev?: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code; the production build never does.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}
