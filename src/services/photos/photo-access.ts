import type { Models } from '../../models';

export interface PhotoView {
  id: string;
  width: number;
  height: number;
  at: Date;
  /** EXIF location: filled only for the office. */
  gps?: { lat: number; lon: number };
}

/** The console's reads: who may see an opinion's photos, and the photos as the viewer may see them. */
export function createPhotoAccess(models: Models) {
  const { Opinion, Photo } = models;
  return {
    /**
     * Who may see an opinion's photos: the office and the filer (the rule the console's routes apply).
     * `missing` for no such opinion or no such photo on it.
     */
    async access(
      code: string,
      viewer: { userid: string; office: boolean },
      photoId?: string,
    ): Promise<
      | { status: 'ok'; office: boolean; opinion: { code: string; photos: Array<{ id: string; at: Date }> } }
      | { status: 'missing' | 'forbidden' }
    > {
      const o = await Opinion.findOne({ code }, { code: 1, filer: 1, photos: 1 }).lean<{
        code: string;
        filer: string;
        photos?: Array<{ id: string; at: Date }> | null;
      }>();
      if (!o) return { status: 'missing' };
      if (!viewer.office && o.filer !== viewer.userid) return { status: 'forbidden' };
      const photos = o.photos ?? [];
      if (photoId !== undefined && !photos.some((p) => p.id === photoId)) return { status: 'missing' };
      return { status: 'ok', office: viewer.office, opinion: { code: o.code, photos } };
    },
    /** The opinion's photos for the console; the location for the office only. */
    async listFor(opinion: { photos?: Array<{ id: string; at: Date }> | null }, office: boolean): Promise<PhotoView[]> {
      const refs = opinion.photos ?? [];
      if (!refs.length) return [];
      const docs = await Photo.find({ _id: { $in: refs.map((r) => r.id) } }, { width: 1, height: 1, gps: 1 }).lean<
        Array<{ _id: string; width: number; height: number; gps?: { lat?: number; lon?: number } }>
      >();
      const byId = new Map(docs.map((x) => [x._id, x]));
      return refs.flatMap((r) => {
        const doc = byId.get(r.id);
        if (!doc) return [];
        const gps =
          office && typeof doc.gps?.lat === 'number' && typeof doc.gps?.lon === 'number'
            ? { lat: doc.gps.lat, lon: doc.gps.lon }
            : undefined;
        return [{ id: r.id, width: doc.width, height: doc.height, at: r.at, ...(gps ? { gps } : {}) }];
      });
    },
  };
}
