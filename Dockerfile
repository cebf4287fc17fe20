# syntax=docker/dockerfile:1
# 代表工作群助手 — production image. Build: `docker build -t deputy-group-assistant .`
# Runs with NODE_ENV=production: MONGODB_URI and either WECOM_TOKEN + WECOM_ENCODING_AES_KEY (callback)
# or WECOM_BOT_ID + WECOM_BOT_SECRET (long connection) are required
# (demo mode and the embedded database are development conveniences only).
#
# Mirrors (mainland China): the base image and the npm registry can be overridden, e.g.
#   docker build --build-arg NODE_IMAGE=docker.m.daocloud.io/library/node:24-bookworm-slim \
#                --build-arg NPM_REGISTRY=https://registry.npmmirror.com .
# or put `registry=…` in a .npmrc next to package.json (it is used by both stages, never shipped).

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: all dependencies, compile TypeScript to dist/
FROM ${NODE_IMAGE} AS build
ARG NPM_REGISTRY=
WORKDIR /app
# mongodb-memory-server (a dev dependency) would download a mongod in its postinstall: not here.
ENV MONGOMS_DISABLE_POSTINSTALL=1
COPY package.json package-lock.json .npmrc* ./
RUN if [ -n "$NPM_REGISTRY" ]; then npm config set registry "$NPM_REGISTRY" --location=project; fi \
 && npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY config ./config
COPY handlers ./handlers
COPY jobs ./jobs
COPY scripts ./scripts
COPY src ./src
RUN node scripts/build-if-stale.mjs --force
# The office console (Vue, built by Vite into web/dist; served by the app at /console).
COPY web ./web
RUN npm run build:web

# ---- run: production dependencies and the compiled code only, as a non-root user
FROM ${NODE_IMAGE} AS run
ARG NPM_REGISTRY=
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    FILES_DIR=/app/files \
    HOLIDAYS_DIR=/app/config/holidays
# The digest's chart is drawn on the server (ECharts SVG → resvg PNG) with Noto Sans CJK SC, so its
# Chinese labels never render as boxes: the font must be in the image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc* ./
RUN if [ -n "$NPM_REGISTRY" ]; then npm config set registry "$NPM_REGISTRY" --location=project; fi \
 && npm ci --omit=dev --no-audit --no-fund && npm cache clean --force && rm -f .npmrc
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# Official holiday arrangements shipped as files (compose may mount its own folder over it).
COPY config/holidays ./config/holidays
# The app user writes only here: exports out, roster files in (compose mounts ./files); DATA_DIR (./data)
# only for the embedded database.
RUN mkdir -p /app/files /app/data && chown node:node /app/files /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The app handles SIGTERM itself: finishes in-flight callbacks, stops its loops, closes the database.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
