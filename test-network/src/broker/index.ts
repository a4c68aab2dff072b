/** The project's MQTT broker (Mosquitto): started, reused, reloaded and stopped like the network's other processes. */
export {
  brokerConfig,
  DEFAULT_MQTT_PORT,
  MESSAGE_SIZE_LIMIT,
  meterCaAccessFiles,
  MOSQUITTO_BIN,
  portOpen,
  reloadBroker,
  startBroker,
  stopBroker,
  type BrokerAccessFiles,
  type BrokerHandle,
  type BrokerOptions,
} from './mosquitto';
