/**
 * The stack `dec start` supervises, as a list of running parts: each part is
 * started after the ones it needs, and stopped before them (the network last).
 * A part that fails to start stops the parts already running.
 */
import { apiBanner } from '@dec/gateway-api';
import { INGESTOR_IDENTITY, MeterCa, startMeterIngestor } from '@dec/meter-ingestor';
import { down, reloadBroker, startBroker, stopBroker, up } from '@dec/test-network';
import { startStackApi } from './api-part';
import { DEFAULT_EXPLORER_PORT, startExplorer, stopExplorer } from './explorer';

interface RunningPart {
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Serve the API over HTTPS: the certificate in DEC_API_TLS_CERT/KEY if given, else the development certificate. */
  https?: boolean;
}

export class Stack {
  private readonly parts: RunningPart[] = [];
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: StackOptions = {}) {}

  /** Brings every part up and returns what listens where; on a failure, stops what had started and throws. */
  async start(): Promise<string[]> {
    try {
      return await this.startParts();
    } catch (e) {
      await this.stop();
      throw e;
    }
  }

  /** Stops every part started so far, in reverse start order (once, however often it is called). */
  stop(): Promise<void> {
    this.stopping ??= this.stopParts();
    return this.stopping;
  }

  private async stopParts(): Promise<void> {
    for (const part of this.parts.splice(0).reverse()) await part.stop();
  }

  private async startParts(): Promise<string[]> {
    await up();
    this.parts.push({
      stop: async () => {
        process.stdout.write('Stopping the network...\n');
        await down({ keepData: false });
      },
    });
    const { api, dev } = await startStackApi(this.options.https ?? false);
    this.parts.push({ stop: () => api.close() });
    if (dev) process.stdout.write(`API certificate from the platform TLS CA; trust ${dev.caFile} (README "HTTPS for the API")\n`);
    const meterCa = MeterCa.open(); // TLS only: meters, the ingestor and the broker authenticate with the meter CA
    const broker = await startBroker({ access: meterCa.brokerFiles() });
    this.parts.push({
      stop: async () => {
        await stopBroker();
      },
    });
    const ingestor = await startMeterIngestor({ mqttUrl: broker.url, mqttTls: meterCa.serviceCredentials(INGESTOR_IDENTITY), revokeDecommissioned: { ca: meterCa, reloadBroker: () => reloadBroker() } });
    this.parts.push({ stop: () => ingestor.stop() });
    process.stdout.write(`MQTT broker ${broker.url}; meter ingestor running (topics dec/meters/<meterEid>/readings -> .../verdicts)\n`);
    const explorer = startExplorer(api.url, dev?.caFile);
    if (!explorer) return apiBanner(api);
    this.parts.push({ stop: () => stopExplorer(explorer) });
    const port = process.env.DEC_EXPLORER_PORT ?? String(DEFAULT_EXPLORER_PORT);
    return [...apiBanner(api), `  explorer UI:    http://127.0.0.1:${port}  (sign in with an admin API key)`];
  }
}
