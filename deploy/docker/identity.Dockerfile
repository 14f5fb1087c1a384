# The identity service. Build from the repository root:
#   docker build -f deploy/docker/identity.Dockerfile -t regu/identity .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund \
 && NX_DAEMON=false NX_NO_CLOUD=true npx nx run @regu/identity:build --output-style=static \
 && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs ./libs
COPY --from=build /app/services/identity ./services/identity
WORKDIR /app/services/identity
USER node
CMD ["node", "dist/main.js"]
