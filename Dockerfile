# マイナ証明書レスキュー: the server as one image (docs/deploy.md).
#
#   docker build -t myna-cert-rescue .
#   docker run -d -p 3000:3000 -v myna-data:/app/data myna-cert-rescue
#
# test/deploy/image-steps.test.ts replays this file's COPY, RUN npm, ENV and CMD steps on the host, so
# keep to those instructions (or teach that test the new one).

# Stage 1: production dependencies only. tsx is one of them: the server runs its TypeScript through it.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Stage 2: the runtime, without npm's cache or anything of the build.
FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SESSION_STORE=sqlite:/app/data/sessions.db
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY flows ./flows
# The SQLite sessions live in /app/data, a volume owned by the unprivileged `node` user (uid 1000).
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# What `npm start` runs, without npm: node itself is PID 1 and gets SIGTERM for a graceful shutdown
# (the tsx CLI would run the server in a child process).
CMD ["node", "--import", "tsx", "src/main.ts"]
