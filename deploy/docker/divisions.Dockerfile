# The divisions service. Build from the repository root:
#   docker build -f deploy/docker/divisions.Dockerfile -t regu/divisions .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund \
 && NX_DAEMON=false NX_NO_CLOUD=true npx nx run @regu/divisions:build --output-style=static \
 && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs ./libs
COPY --from=build /app/services/divisions ./services/divisions
WORKDIR /app/services/divisions
USER node
CMD ["node", "dist/main.js"]
