# The gateway service. Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t regu/gateway .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund \
 && NX_DAEMON=false NX_NO_CLOUD=true npx nx run @regu/gateway:build --output-style=static \
 && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs ./libs
COPY --from=build /app/services/gateway ./services/gateway
WORKDIR /app/services/gateway
USER node
CMD ["node", "dist/main.js"]
