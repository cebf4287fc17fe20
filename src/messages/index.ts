import { common } from './common';
import { opinions } from './opinions';
import { announcements } from './announcements';
import { study } from './study';
import { jobs } from './jobs';
import { digest } from './digest';
import { events } from './events';
import { meetings } from './meetings';
import { rosterImport } from './roster-import';
import { performance } from './performance';
import { exportsText } from './exports';
import { longConnection } from './long-connection';
import { failures } from './failures';
import { consoleText } from './console';
import { consoleWeb } from './console-web';
import { holidays } from './holidays';
import { charts } from './charts';
import { roomCodeText } from './room-code';
import { photos } from './photos';
import { eventRefusalsText, refusalsText } from './refusals';
import { reportText } from './report';
import { ballots } from './ballots';
import { colours } from './colours';
import { cardsText } from './cards';
import { units } from './units';
import { projectsText } from './projects';

// All user-facing Chinese text. Each family adds its own file and spreads it in here.
const catalog = {
  ...common,
  ...opinions,
  ...announcements,
  ...study,
  ...jobs,
  ...digest,
  ...events,
  ...meetings,
  ...rosterImport,
  ...performance,
  ...exportsText,
  ...longConnection,
  ...failures,
  ...consoleText,
  ...consoleWeb,
  ...holidays,
  ...charts,
  ...roomCodeText,
  ...photos,
  ...refusalsText,
  ...eventRefusalsText,
  ...reportText,
  ...ballots,
  ...colours,
  ...cardsText,
  ...units,
  ...projectsText,
};

export type Catalog = typeof catalog;
export type MessageKey = keyof Catalog;
export type MessageParams<K extends MessageKey> = Parameters<Catalog[K]> extends [] ? [] : Parameters<Catalog[K]>;

/** Looks up a message by key; the compiler checks the key and its parameters. */
export function t<K extends MessageKey>(key: K, ...params: MessageParams<K>): string {
  const fn = catalog[key] as (...a: unknown[]) => string;
  return fn(...params);
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalog, key);
}
