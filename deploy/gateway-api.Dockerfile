# The REST gateway (gateway-api) with what it imports: network, fabric-client
# and the chaincode packages (their transaction maps and input schemas).
# Build from the repository root:
#   docker build -f deploy/gateway-api.Dockerfile -t dec/gateway-api:0.1.0 .
# At run time (the generated StatefulSet sets them): DEC_GATEWAY_CONFIG (the
# org's network.json, mounted from a Secret), DEC_API_HOST, DEC_API_PORT and
# DEC_API_DATA_DIR (its database, on a volume).
ARG NODE_VERSION=20.19
FROM node:${NODE_VERSION}-bookworm-slim AS build
# better-sqlite3 compiles its native module when no prebuilt one fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN npm ci -w @dec/network -w @dec/fabric-client -w @dec/chaincode-kit -w @dec/chaincode-energy -w @dec/chaincode-scf -w @dec/gateway-api \
 && npx tsc -b gateway-api \
 && npm prune --omit=dev -w @dec/network -w @dec/fabric-client -w @dec/chaincode-kit -w @dec/chaincode-energy -w @dec/chaincode-scf -w @dec/gateway-api

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/network/package.json /src/network/topology.yaml ./network/
COPY --from=build /src/network/dist ./network/dist
COPY --from=build /src/fabric-client/package.json ./fabric-client/
COPY --from=build /src/fabric-client/dist ./fabric-client/dist
COPY --from=build /src/chaincode/kit/package.json ./chaincode/kit/
COPY --from=build /src/chaincode/kit/dist ./chaincode/kit/dist
COPY --from=build /src/chaincode/energy/package.json ./chaincode/energy/
COPY --from=build /src/chaincode/energy/dist ./chaincode/energy/dist
COPY --from=build /src/chaincode/scf/package.json ./chaincode/scf/
COPY --from=build /src/chaincode/scf/dist ./chaincode/scf/dist
COPY --from=build /src/gateway-api/package.json ./gateway-api/
COPY --from=build /src/gateway-api/dist ./gateway-api/dist
USER node
EXPOSE 3000
CMD ["node", "/app/gateway-api/dist/cli.js"]
