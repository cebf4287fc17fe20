import type Router from '@koa/router';
import type { Context } from 'koa';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Services } from '../services';
import { forbidden, notFound } from './errors';
import { opinionCodeOf } from './opinion-code';
import type { Guard } from './session';
import type { CasePhotos, Sendable } from '../contracts';

export interface PhotoRoutesDeps {
  services: Services;
  config: Pick<Config, 'timezone'>;
  clock: Clock;
  guard: Guard;
}

const PHOTO_ID = /^[0-9a-f]{64}$/;

/**
 * An opinion's photos (随手拍): the list, thumbnails and full pictures, for the office and the filer only.
 * The location (EXIF GPS) is in the list for the office only; others get the full picture re-encoded without EXIF.
 */
export function registerPhotoRoutes(router: Router, d: PhotoRoutesDeps): void {
  const { services, config, clock, guard } = d;

  async function allowed(ctx: Context, who: { actor: { userid: string }; role: string }, photoId?: string) {
    const code = opinionCodeOf(ctx.params.code, clock.now(), config.timezone);
    if (photoId !== undefined && !PHOTO_ID.test(photoId)) throw notFound();
    const r = await services.photos.access(code, { userid: who.actor.userid, office: who.role === 'office' }, photoId);
    if (r.status === 'forbidden') throw forbidden();
    if (r.status !== 'ok') throw notFound();
    return r;
  }

  router.get(
    '/opinions/:code/photos',
    guard.signedIn(async (ctx, who) => {
      const r = await allowed(ctx, who);
      const items = await services.photos.listFor(r.opinion, r.office);
      ctx.set('cache-control', 'private, no-store');
      ctx.body = {
        code: r.opinion.code,
        items: items.map((p) => ({
          id: p.id,
          width: p.width,
          height: p.height,
          at: p.at,
          gps: p.gps ?? null,
          thumbUrl: `/api/console/opinions/${r.opinion.code}/photos/${p.id}/thumb`,
          fullUrl: `/api/console/opinions/${r.opinion.code}/photos/${p.id}/full`,
        })),
      } satisfies Sendable<CasePhotos>;
    }),
  );

  for (const size of ['thumb', 'full'] as const) {
    router.get(
      `/opinions/:code/photos/:id/${size}`,
      guard.signedIn(async (ctx, who) => {
        const id = String(ctx.params.id ?? '');
        const r = await allowed(ctx, who, id);
        const file = await services.photos.open(id, size, r.office);
        if (!file) throw notFound();
        ctx.type = file.mime;
        // Private to this person. A thumbnail never changes for an id, so the browser may keep it a day; the full
        // picture (faces, house numbers) is never stored, so it leaves the browser with the session.
        ctx.set('cache-control', size === 'full' ? 'private, no-store' : 'private, max-age=86400');
        ctx.set('x-content-type-options', 'nosniff');
        ctx.set('content-disposition', 'inline');
        ctx.body = file.body;
      }),
    );
  }
}
