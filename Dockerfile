# syntax=docker/dockerfile:1
# 代表工作群助手 — production image. Build: `docker build -t deputy-group-assistant .`
# Runs with NODE_ENV=production: WECOM_TOKEN, WECOM_ENCODING_AES_KEY and MONGODB_URI are required
# (demo mode and the embedded database are development conveniences only).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: all dependencies, compile TypeScript to dist/
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# mongodb-memory-server's postinstall would download a mongod that production never uses.
ENV MONGOMS_DISABLE_POSTINSTALL=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY config ./config
COPY handlers ./handlers
COPY jobs ./jobs
COPY scripts ./scripts
COPY src ./src
RUN npm run build
# The office console (Vue, built by Vite into web/dist; served by the app at /console).
COPY web ./web
RUN npm run build:web

# ---- run: production dependencies and the compiled code only, as a non-root user
FROM ${NODE_IMAGE} AS run
WORKDIR /app
ENV NODE_ENV=production \
    MONGOMS_DISABLE_POSTINSTALL=1 \
    PORT=3000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# DATA_DIR (./data) is only written by the embedded database; keep it writable for the app user.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The app handles SIGTERM itself: finishes in-flight callbacks, stops its loops, closes the database.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
