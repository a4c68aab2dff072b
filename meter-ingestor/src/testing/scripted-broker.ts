/**
 * A broker for unit tests, in this process: mqtt-packet on a loopback socket,
 * answering each packet the way the test's script says and recording every
 * packet it received. Lets the ingestor's connection and wiring be tested
 * without Mosquitto (which the e2e tests use).
 */
import { expect } from 'chai';
import { generate, parser, type Packet } from 'mqtt-packet';
import net from 'node:net';

export type BrokerScript = (p: Packet, reply: (...packets: Packet[]) => void) => void;

export class ScriptedBroker {
  readonly received: Packet[] = [];
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly script: BrokerScript) {
    this.server = net.createServer((socket) => {
      this.sockets.add(socket);
      const decode = parser({ protocolVersion: 4 });
      decode.on('packet', (p: Packet) => {
        this.received.push(p);
        this.script(p, (...packets) => socket.write(Buffer.concat(packets.map((x) => generate(x)))));
      });
      socket.on('data', (d: Buffer) => decode.parse(d));
      socket.on('error', () => undefined);
    });
  }

  /** Listens on a free loopback port; resolves to its mqtt:// URL. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as net.AddressInfo;
    return `mqtt://127.0.0.1:${address.port}`;
  }

  dropConnections(): void {
    for (const s of this.sockets) s.destroy();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** What it received, as short names: `connect`, `subscribe`, `publish`, `puback <id>`, … */
  cmds(): string[] {
    return this.received.map((p) => (p.cmd === 'puback' ? `puback ${p.messageId ?? ''}` : p.cmd));
  }
}

/** Polls `what` every 10 ms for up to 2 s, then asserts it. */
export async function waitFor(what: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(what()).to.equal(true);
}
