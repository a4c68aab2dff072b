/**
 * The charging domain's lines of the energy transaction map (spread into
 * src/transactions.ts): who may call each charging transaction. The dynamic
 * code is a transient field, so it never appears in a block.
 */
import { PLATFORM_OPERATOR, ANYONE } from '../access/policy';
import * as charging from './inputs';

const code = { [charging.CODE]: { schema: charging.codeSchema, required: true } } as const;
const OPERATOR_RULE = "the provider's holder or the platform operator (its charging management service)";

export const CHARGING_TRANSACTIONS = {
  'charging:Configure': { kind: 'submit', input: charging.configureInput, grants: PLATFORM_OPERATOR, summary: 'Set the charging platform fee and minimum DEC deposit (platform operator)' },
  'charging:RegisterPoint': { kind: 'submit', input: charging.registerPointInput, grants: ANYONE, rule: 'the holder of the provider, with role service-provider, a DEC deposit and the charging-pile device', summary: 'List a charge point: connectors, place, prices, fees' },
  'charging:SetConnectorState': { kind: 'submit', input: charging.setConnectorStateInput, grants: ANYONE, rule: OPERATOR_RULE, summary: 'Set a connector available, out of service or in maintenance (OCPP StatusNotification)' },
  'charging:Reserve': { kind: 'submit', input: charging.reserveInput, transient: code, grants: ANYONE, rule: 'the holder of the user, with a DEC deposit', summary: 'Reserve a connector for a window, paid from an escrow hold; the dynamic code is stored as a salted hash' },
  'charging:Cancel': { kind: 'submit', input: charging.reservationInput, grants: ANYONE, rule: 'the holder of the user', summary: 'Cancel a reservation before its window (refund by the cancellation rule)' },
  'charging:NoShow': { kind: 'submit', input: charging.reservationInput, grants: ANYONE, rule: OPERATOR_RULE, summary: 'Close an unused reservation after its window: the reservation fee goes to the provider' },
  'charging:StartReserved': { kind: 'submit', input: charging.startReservedInput, transient: code, grants: ANYONE, rule: OPERATOR_RULE, summary: 'Start a session with a reservation\'s dynamic code (OCPP StartTransaction)' },
  'charging:StartInstant': { kind: 'submit', input: charging.startInstantInput, grants: ANYONE, rule: 'the holder of the user, with a DEC deposit', summary: 'Scan to pay: start a session now with a hold for its maximum cost' },
  'charging:RecordMeter': { kind: 'submit', input: charging.recordMeterInput, grants: ANYONE, rule: OPERATOR_RULE, summary: 'Record a session\'s meter reading (OCPP MeterValues); never backwards' },
  'charging:StopSession': { kind: 'submit', input: charging.stopSessionInput, grants: ANYONE, rule: OPERATOR_RULE, summary: 'Stop a session and settle it from its hold (OCPP StopTransaction)' },
  'charging:RateSession': { kind: 'submit', input: charging.rateSessionInput, grants: ANYONE, rule: "the holder of the session's user, once per settled session", summary: "Rate a settled session's provider (1-5 stars): feeds the search order" },
  'charging:VerifyCode': { kind: 'evaluate', input: charging.verifyCodeInput, transient: code, grants: ANYONE, rule: OPERATOR_RULE, summary: 'Does a dynamic code open the reservation holding a connector now (OCPP Authorize)' },
  'charging:GetPoint': { kind: 'evaluate', input: charging.pointInput, grants: ANYONE, summary: 'A charge point with its connectors\' states' },
  'charging:PointOfCharger': { kind: 'evaluate', input: charging.chargerInput, grants: ANYONE, summary: 'The charge point of an OCPP charger identity' },
  'charging:Search': { kind: 'evaluate', input: charging.searchInput, grants: ANYONE, summary: 'Charge points of a zone, nearest first, then price, paged' },
  'charging:GetReservation': { kind: 'evaluate', input: charging.reservationInput, grants: ANYONE, rule: "a reader of the user or the provider", summary: 'A reservation (without its code hash)' },
  'charging:GetSession': { kind: 'evaluate', input: charging.sessionInput, grants: ANYONE, rule: "a reader of the user or the provider", summary: 'A charging session' },
} as const;
