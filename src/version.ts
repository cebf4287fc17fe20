import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The version in package.json. Compiled code runs from dist/src/, tests from src/: the file is
 * one or two folders up (the production image copies package.json next to dist/).
 */
export function readVersion(from: string = __dirname): string {
  for (const candidate of [path.resolve(from, '..', 'package.json'), path.resolve(from, '..', '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'deputy-group-assistant' && pkg.version) return pkg.version;
    } catch {
      // not this one
    }
  }
  return 'unknown';
}
