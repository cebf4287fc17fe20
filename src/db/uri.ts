/** The database a MongoDB URI names in its path; the fallback when it names none (`mongodb://host:27017`). */
export function databaseNameOf(uri: string, fallback = 'deputies'): string {
  // The path starts at the first '/' after the hosts; user info and hosts never contain a raw '/'.
  const path = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(uri)?.[1] ?? '';
  try {
    return decodeURIComponent(path) || fallback;
  } catch {
    return path || fallback;
  }
}
