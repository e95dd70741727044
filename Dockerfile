# One image for the three apps; docker-compose picks the app with APP.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json .swcrc nest-cli.json ./
COPY apps apps
COPY libs libs
RUN npx swc apps libs -d dist --ignore '**/*.spec.ts' -q && npm prune --omit=dev

FROM node:20-bookworm-slim
# Debian's chromium renders PDFs; puppeteer never downloads a browser.
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production CHROMIUM_PATH=/usr/bin/chromium
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
# The web shell's templates are read at run time; the client registry is the deployment's own (INGEST_CLIENTS_FILE).
COPY --from=build /app/apps/reporting/views apps/reporting/views
# The stylesheets report and certificate pages load, on screen and in their PDFs.
COPY --from=build /app/apps/reporting/assets apps/reporting/assets
COPY package.json ./
USER node
CMD ["sh", "-c", "exec node --enable-source-maps dist/apps/${APP}/src/main.js"]
