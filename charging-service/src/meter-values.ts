/**
 * OCPP 1.6 MeterValues: the energy register reading (Wh) in a meterValue
 * list. A sampledValue without a measurand is Energy.Active.Import.Register
 * in Wh; kWh readings are converted exactly (decimal string, no floats).
 */

export interface SampledValue {
  value: string;
  measurand?: string;
  unit?: string;
}

export interface MeterValue {
  timestamp: string;
  sampledValue: SampledValue[];
}

function toWh(value: string, unit: string | undefined): string | undefined {
  const m = /^(\d{1,12})(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return undefined;
  const [, whole = '0', frac = ''] = m;
  if (unit === 'kWh') return (BigInt(whole) * 1000n + BigInt((frac + '000').slice(0, 3))).toString();
  if (unit === undefined || unit === 'Wh') return BigInt(whole).toString();
  return undefined;
}

/** The last energy register reading in the list, in Wh, or undefined when there is none. */
export function energyWh(values: readonly MeterValue[]): string | undefined {
  let last: string | undefined;
  for (const mv of values) {
    for (const sv of mv.sampledValue) {
      const measurand = sv.measurand ?? 'Energy.Active.Import.Register';
      if (measurand !== 'Energy.Active.Import.Register') continue;
      last = toWh(sv.value, sv.unit) ?? last;
    }
  }
  return last;
}
