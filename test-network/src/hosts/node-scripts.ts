/**
 * The scripts and systemd units of a host's bundle: run-node.sh runs one node
 * in the foreground (what systemd and the multi-host test network call),
 * start.sh / stop.sh run all of the host's nodes in the background.
 */

export const RUN_NODE = `#!/bin/sh
# Runs one node of this host in the foreground: ./run-node.sh <node id> (ids: ls env/).
# FABRIC_BIN: the folder with peer, orderer, fabric-ca-server (default ./bin).
# DEC_CODE: a checkout of the DEC Network repository, built (for chaincode servers).
# A chaincode server also needs its package ID: CHAINCODE_ID, or the file chaincode-ids/<node id>.
set -eu
DEC_HOME=$(cd "$(dirname "$0")" && pwd)
export DEC_HOME
FABRIC_BIN=\${FABRIC_BIN:-$DEC_HOME/bin}
id=\${1:?usage: run-node.sh <node id>}
[ -f "$DEC_HOME/env/$id.env" ] || { echo "run-node.sh: no node $id on this host (see $DEC_HOME/env)" >&2; exit 2; }
set -a
. "$DEC_HOME/env/$id.env"
set +a
cd "$DEC_HOME"
case "$DEC_NODE_KIND" in
  peer) mkdir -p "$CORE_PEER_FILESYSTEMPATH"; exec "$FABRIC_BIN/peer" node start ;;
  orderer) mkdir -p "$ORDERER_FILELEDGER_LOCATION"; exec "$FABRIC_BIN/orderer" ;;
  ca) exec "$FABRIC_BIN/fabric-ca-server" start --home "$DEC_CA_HOME" ;;
  chaincode)
    CHAINCODE_ID=\${CHAINCODE_ID:-$(cat "$DEC_HOME/chaincode-ids/$id")}
    cd "$DEC_CHAINCODE_DIR"
    exec "\${NODE:-node}" "$DEC_FABRIC_SHIM" server --chaincode-address "$DEC_CHAINCODE_ADDRESS" --chaincode-id "$CHAINCODE_ID" \\
      --chaincode-tls-cert-file "$DEC_CHAINCODE_TLS_CERT" --chaincode-tls-key-file "$DEC_CHAINCODE_TLS_KEY" \\
      --chaincode-tls-client-cacert-file "$DEC_CHAINCODE_TLS_CLIENT_CA" ;;
  *) echo "run-node.sh: unknown node kind $DEC_NODE_KIND" >&2; exit 2 ;;
esac
`;

export function startScript(ids: string[]): string {
  return `#!/bin/sh
# Starts every node of this host in the background (logs/<id>.log, pids/<id>.pid), in order.
set -eu
DEC_HOME=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$DEC_HOME/logs" "$DEC_HOME/pids"
for id in ${ids.join(' ')}; do
  if [ -f "$DEC_HOME/pids/$id.pid" ] && kill -0 "$(cat "$DEC_HOME/pids/$id.pid")" 2>/dev/null; then echo "$id already runs"; continue; fi
  if [ ! -f "$DEC_HOME/env/$id.env" ]; then continue; fi
  nohup "$DEC_HOME/run-node.sh" "$id" >>"$DEC_HOME/logs/$id.log" 2>&1 &
  echo $! >"$DEC_HOME/pids/$id.pid"
  echo "started $id (pid $!)"
  sleep 2
done
`;
}

export function stopScript(ids: string[]): string {
  return `#!/bin/sh
# Stops the nodes start.sh started (by recorded PID only), in reverse order.
DEC_HOME=$(cd "$(dirname "$0")" && pwd)
for id in ${[...ids].reverse().join(' ')}; do
  f="$DEC_HOME/pids/$id.pid"
  [ -f "$f" ] || continue
  kill "$(cat "$f")" 2>/dev/null && echo "stopped $id"
  rm -f "$f"
done
`;
}

/** A systemd unit per node; the bundle is expected at /opt/dec-network/<host> (edit WorkingDirectory/ExecStart otherwise). */
export function systemdUnit(host: string, id: string, after: string[]): string {
  const home = `/opt/dec-network/${host}`;
  return `[Unit]
Description=DEC Network ${id} on ${host}
After=network-online.target ${after.map((a) => `dec-${a}.service`).join(' ')}
Wants=network-online.target

[Service]
Type=simple
WorkingDirectory=${home}
Environment=FABRIC_BIN=/usr/local/bin
ExecStart=${home}/run-node.sh ${id}
Restart=on-failure
RestartSec=3
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
`;
}
