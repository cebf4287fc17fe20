import type { Context } from 'koa';

// The tab icon of every page this app serves (console, sign-in, simulator): browsers ask for
// /favicon.ico whether or not a page names one, and a 404 there is a warning per visit and an error
// in the browser's console. A red square with a gold star, drawn once (no text, so no font needed).
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
  '<rect width="64" height="64" rx="12" fill="#c8102e"/>' +
  '<path d="M32 9l6.9 14 15.5 2.3-11.2 10.9 2.6 15.4L32 44.3l-13.8 7.3 2.6-15.4L9.6 25.3l15.5-2.3z" fill="#ffd34d"/>' +
  '</svg>';

let png: Buffer | undefined;

/** GET /favicon.ico: a 64 px PNG (browsers read the bytes, not the extension), cached a day. */
export async function serveFavicon(ctx: Context): Promise<void> {
  // The renderer is loaded on the first visit, not with every start.
  const { Resvg } = await import('@resvg/resvg-js');
  png ??= new Resvg(SVG, { fitTo: { mode: 'width', value: 64 } }).render().asPng();
  ctx.state.quietLog = true;
  ctx.set('Cache-Control', 'public, max-age=86400');
  ctx.type = 'image/png';
  ctx.body = png;
}
