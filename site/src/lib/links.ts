/** An internal link under the configured base path (project pages live under /<repo>/). */
export function href(path = ""): string {
  const base = import.meta.env.BASE_URL.replace(/\/+$/, "");
  const rest = path.replace(/^\/+/, "");
  return rest ? `${base}/${rest}` : `${base}/`;
}
