/** The OpenAPI document as a plain page: every route, its summary, its body and its responses. No CDN, no script. */
export function docsPage(doc: { info: { title: string; description?: string | undefined }; paths?: object | undefined }): string {
  const esc = (s: unknown) =>
    String(s ?? '').replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string);
  const rows = Object.entries((doc.paths ?? {}) as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, raw]) => {
      const op = raw as {
        summary?: string;
        tags?: string[];
        requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
        responses?: Record<string, { description?: string }>;
      };
      const body = op.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop();
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><code>${esc(code)}</code> ${esc(r.description)}</li>`)
        .join('');
      return `<section><h2><code>${esc(method.toUpperCase())} ${esc(path)}</code></h2><p>${esc(op.summary)}</p>${body ? `<p>Body: <code>${esc(body)}</code> (see <a href="/api/openapi.json">openapi.json</a>)</p>` : ''}<ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}code{background:#f2f2f2;padding:0 .2em}section{border-top:1px solid #ccc}h2{font-size:1.05rem}</style>
</head><body><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description)} The machine-readable document is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Send <code>Authorization: Bearer &lt;token&gt;</code>, or sign in and send <code>X-CSRF-Token</code>.</p>${rows.join('\n')}</body></html>`;
}
