/** The project's MQTT broker (Mosquitto): started, reused and stopped like the network's other processes. */
export { brokerConfig, DEFAULT_MQTT_PORT, MOSQUITTO_BIN, portOpen, startBroker, stopBroker, type BrokerHandle, type BrokerOptions } from './mosquitto';
