# One chaincode server image per chaincode (chaincode as a service): the
# compiled contract and fabric-chaincode-node's `server`, run by each org
# beside its peers. Build from the repository root:
#   docker build -f deploy/chaincode.Dockerfile --build-arg CHAINCODE=energy -t dec/chaincode-energy:0.1.0 .
#   docker build -f deploy/chaincode.Dockerfile --build-arg CHAINCODE=scf    -t dec/chaincode-scf:0.1.0 .
# At run time (the generated Deployment sets them): CHAINCODE_ID (the package ID
# of the org's ccaas package), CHAINCODE_SERVER_ADDRESS, CORE_PEER_LOCALMSPID,
# and the server's TLS pair + the org TLS CA mounted at /etc/dec/tls.
ARG NODE_VERSION=20.19
FROM node:${NODE_VERSION}-bookworm-slim AS build
ARG CHAINCODE
RUN test -n "$CHAINCODE" || (echo "set --build-arg CHAINCODE=energy|scf" && false)
WORKDIR /src
COPY . .
# Only the kit and this chaincode's dependencies, exactly as the lockfile pins them.
RUN npm ci --ignore-scripts -w @dec/chaincode-kit -w "@dec/chaincode-${CHAINCODE}" \
 && npx tsc -b "chaincode/${CHAINCODE}" \
 && npm prune --omit=dev -w @dec/chaincode-kit -w "@dec/chaincode-${CHAINCODE}"

FROM node:${NODE_VERSION}-bookworm-slim
ARG CHAINCODE
ENV NODE_ENV=production CHAINCODE_DIR=/chaincode/chaincode/${CHAINCODE}
WORKDIR /chaincode
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/chaincode/kit/package.json ./chaincode/kit/
COPY --from=build /src/chaincode/kit/dist ./chaincode/kit/dist
COPY --from=build /src/chaincode/${CHAINCODE}/package.json ./chaincode/${CHAINCODE}/
COPY --from=build /src/chaincode/${CHAINCODE}/dist ./chaincode/${CHAINCODE}/dist
USER node
WORKDIR ${CHAINCODE_DIR}
# Mutual TLS with the peer, as in the test network (test-network/src/steps/chaincode.ts).
CMD ["sh", "-c", "exec node /chaincode/node_modules/fabric-shim/cli.js server --chaincode-address \"$CHAINCODE_SERVER_ADDRESS\" --chaincode-id \"$CHAINCODE_ID\" --chaincode-tls-cert-file /etc/dec/tls/server.crt --chaincode-tls-key-file /etc/dec/tls/server.key --chaincode-tls-client-cacert-file /etc/dec/tls/ca.crt"]
