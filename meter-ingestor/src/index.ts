/**
 * @dec/meter-ingestor: smart meters over MQTT. The ingestor (MQTT → batched
 * metering:SubmitReadings → per-reading verdicts), the meter simulator, fleet
 * provisioning, the meter CA (MQTT/TLS certificates) and the protocol both sides share.
 * CLIs: dec-meter-ingestor, dec-meter-simulator, dec-meter-throughput, dec-meter-credentials.
 */
export { startMeterIngestor, type IngestorStats, type MeterIngestor, type MeterIngestorOptions } from './ingestor';
export { ReadingBatcher, type Batchable, type BatcherOptions } from './batcher';
export { MqttSession, type Delivery, type MqttSessionOptions, type SessionHandlers } from './mqtt-session';
export { BatchSubmitter, committedVerdicts, ledgerSubmitter, permanentRefusal, refusedVerdicts, type BatchResolution, type CommittedBatch, type ReadingResult, type SubmitReadings } from './submitter';
export { VerdictPublisher, type Acknowledgeable, type VerdictSink } from './verdict-publisher';
export { ReadingsSubscription, type SubscriptionOptions } from './readings-subscription';
export * from './protocol';
export { faultsOf, loadFleet, provisionFleet, saveFleet, type Fault, type Fleet, type FleetMeter, type ProvisionOptions } from './fleet';
export { defaultMeterCaDir, INGESTOR_IDENTITY, isIssuableName, isMeterEid, MeterCa, MONITOR_IDENTITY, SERVICE_IDENTITIES, type BrokerAccessFiles, type ServiceIdentity, type TlsMaterial } from './credentials/meter-ca';
export { decommissionedMeters, watchDecommissions, type DecommissionWatcher, type DecommissionWatcherOptions } from './credentials/decommission-watcher';
export { countersAt, meterTlsOptions, runSimulation, type PublishedReading, type SimulationResult, type SimulatorOptions } from './simulator';
export { connectMeterClient, MeterPublisher, type MeterLinkOptions } from './meter-publisher';
export { VerdictListener, type VerdictListenerOptions } from './verdict-listener';
export { enrollServiceIdentity, openEnergyContract, type EnrolledIdentity, type OpenContract } from './service-identity';
