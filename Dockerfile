# The bridge in a container: the same compiled entry and the same commands as docs/service.md's
# "Running the bridge as a service" (test/unit/docker.test.ts keeps them the same).
# Matter needs the real LAN (multicast, IPv6 link-local): run it with host networking (compose.yaml).

FROM node:22-bookworm-slim AS build
WORKDIR /opt/biolight
COPY package.json package-lock.json ./
COPY lambda/package.json lambda/
RUN npm ci
COPY . .
RUN npm run build:bridge

# Only the compiled bridge and the bridge's production packages: no TypeScript, esbuild, skill or test tooling.
FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /opt/biolight
COPY package.json package-lock.json ./
COPY lambda/package.json lambda/
RUN npm ci --omit=dev --workspaces=false
COPY --from=build /opt/biolight/dist/bridge dist/bridge
# State (Matter fabrics, dose ledger, API token, pairing codes): a volume, owned by the image's non-root user.
RUN mkdir -p /var/lib/biolight && chown node:node /var/lib/biolight
VOLUME /var/lib/biolight
ENV BRIDGE_STORAGE=/var/lib/biolight BRIDGE_API_HOST=0.0.0.0
USER node
# Healthy while the control API answers /v1/health (no token needed) with "ok"; the slim image has no
# curl, so node asks. `docker ps` shows it; unhealthy does not restart anything by itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.BRIDGE_API_PORT || 8787}/v1/health`).then(async (r) => process.exit(r.ok && (await r.json()).status === 'ok' ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself, so every panel is switched off before it exits.
STOPSIGNAL SIGTERM
CMD ["node", "dist/bridge/main.js"]
