/** The base URL this process can reach itself at, whatever interface it listens on. */
export function localBaseUrl(host: string, port: number): string {
  const h = host.trim();
  if (h === '' || h === '0.0.0.0' || h === '::' || h === '[::]') return `http://127.0.0.1:${port}`;
  return h.includes(':') && !h.startsWith('[') ? `http://[${h}]:${port}` : `http://${h}:${port}`;
}
