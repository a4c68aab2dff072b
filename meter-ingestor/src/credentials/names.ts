/** The names the meter CA issues certificates to besides meters: the broker's ACL and the CA agree on them from here. */
export const INGESTOR_IDENTITY_NAME = 'dec-meter-ingestor';
export const MONITOR_IDENTITY_NAME = 'dec-verdict-monitor';
