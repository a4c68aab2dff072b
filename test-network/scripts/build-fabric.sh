#!/usr/bin/env bash
# Builds Fabric's peer, orderer and tools, and fabric-ca, from their Go modules
# at pinned versions into .fabric/bin (git-ignored), and copies the module's
# sampleconfig (core.yaml, orderer.yaml) to .fabric/config. Go's module and
# build caches make a second build take seconds; with the stamp unchanged and
# every binary present it does nothing.
set -euo pipefail

# Fabric v3.1.1 (commit 435a7f1a780a). The module path has no /v3 suffix, so it
# is pinned by commit pseudo-version; v1.4.0-rc1 is the newest v1 tag below it.
FABRIC_VERSION=v1.4.0-rc1.0.20250510200036-435a7f1a780a
FABRIC_RELEASE=3.1.1
FABRIC_CA_VERSION=v1.5.21

root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/.fabric"
bins=(peer orderer configtxgen configtxlator cryptogen osnadmin fabric-ca-server fabric-ca-client)
stamp="$FABRIC_VERSION $FABRIC_CA_VERSION"

missing=0
for b in "${bins[@]}"; do [ -x "$out/bin/$b" ] || missing=1; done
if [ $missing -eq 0 ] && [ -f "$out/config/core.yaml" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "fabric: binaries for Fabric $FABRIC_RELEASE and fabric-ca $FABRIC_CA_VERSION are up to date in .fabric/bin"
  exit 0
fi

command -v go >/dev/null || { echo "fabric: Go is not installed. Install Go >= 1.24 and retry." >&2; exit 1; }
command -v gcc >/dev/null || { echo "fabric: gcc is needed for fabric-ca-server (sqlite). Install it: apt-get install -y gcc" >&2; exit 1; }
export GOTOOLCHAIN=local GOFLAGS=-mod=mod
mkdir -p "$out/bin" "$out/config" "$out/build/fabric" "$out/build/fabric-ca"

# A throw-away module per project requiring exactly the pinned version: `go
# install pkg@version` would also ask the proxy for the version list, which a
# restricted proxy may refuse.
printf 'module dec-network/fabric-build\n\ngo 1.24\n\nrequire github.com/hyperledger/fabric %s\n' "$FABRIC_VERSION" > "$out/build/fabric/go.mod"
printf 'module dec-network/fabric-ca-build\n\ngo 1.25\n\nrequire github.com/hyperledger/fabric-ca %s\n' "$FABRIC_CA_VERSION" > "$out/build/fabric-ca/go.mod"

start=$(date +%s)
echo "fabric: building peer, orderer, configtxgen, configtxlator, cryptogen, osnadmin (Fabric $FABRIC_RELEASE); the first build takes a few minutes"
(cd "$out/build/fabric" && go build -trimpath \
  -ldflags "-X github.com/hyperledger/fabric/common/metadata.Version=$FABRIC_RELEASE" \
  -o "$out/bin/" \
  github.com/hyperledger/fabric/cmd/peer github.com/hyperledger/fabric/cmd/orderer \
  github.com/hyperledger/fabric/cmd/configtxgen github.com/hyperledger/fabric/cmd/configtxlator \
  github.com/hyperledger/fabric/cmd/cryptogen github.com/hyperledger/fabric/cmd/osnadmin)
echo "fabric: building fabric-ca-server and fabric-ca-client ($FABRIC_CA_VERSION)"
(cd "$out/build/fabric-ca" && CGO_ENABLED=1 go build -trimpath -o "$out/bin/" \
  github.com/hyperledger/fabric-ca/cmd/fabric-ca-server github.com/hyperledger/fabric-ca/cmd/fabric-ca-client)

moddir=$(cd "$out/build/fabric" && go list -m -f '{{.Dir}}' github.com/hyperledger/fabric)
cp "$moddir/sampleconfig/core.yaml" "$moddir/sampleconfig/orderer.yaml" "$out/config/"
chmod u+w "$out/config/"*.yaml
echo "$stamp" > "$out/stamp"
echo "fabric: built in $(( $(date +%s) - start ))s into .fabric/bin"
