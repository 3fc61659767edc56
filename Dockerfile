# syntax=docker/dockerfile:1
#
# One image, three commands (docs/deploy.md):
#   web      node server.js                          (the default command; port 3000)
#   worker   node --import tsx worker/index.ts
#   migrate  node --import tsx scripts/migrate.ts    (the release step; run it before web/workers)
# and, for operators: node --import tsx scripts/create-user.ts --email you@example.com --role admin
#
# Build: docker build -t clauseflow .
ARG NODE_VERSION=24

# ---- dependencies (with dev tools: the build needs them; patch-package patches next/postgres/drizzle)
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund

# ---- the Next build: a standalone server (server.js + the traced server bundle)
FROM deps AS build
COPY . .
RUN NEXT_OUTPUT=standalone npx next build

# ---- production dependencies only (the worker, the migrations and the document readers run the
# TypeScript sources through tsx, a production dependency)
FROM deps AS production-deps
RUN npm prune --omit=dev --no-audit --no-fund

# ---- the runtime image
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
WORKDIR /app
# Scanned PDFs: the worker renders pages with poppler's tools and reads them with tesseract
# (lib/ocr, docs/decisions/0023).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng poppler-utils \
 && rm -rf /var/lib/apt/lists/*
# Required at run time, not baked in: DATABASE_URL, REDIS_URL, NEXTAUTH_SECRET, NEXTAUTH_URL,
# SMTP_URL and MAIL_FROM (compose.yaml, docs/deploy.md); web and worker refuse to start without.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# The standalone server first, then the full production node_modules over its traced subset: the
# worker and the document-reader child processes (lib/documents/reader-process.ts, started from
# the working directory by the web and the worker alike) need packages the web bundle does not.
COPY --from=build /app/.next/standalone ./
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/.next/static ./.next/static
COPY public ./public
COPY package.json tsconfig.json ./
COPY lib ./lib
COPY worker ./worker
COPY scripts ./scripts
COPY drizzle ./drizzle
# The node image's unprivileged user (uid 1000); nothing in /app is writable by it.
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/ping`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
