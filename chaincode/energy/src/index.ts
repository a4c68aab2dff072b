/**
 * The `energy` chaincode (channel `energy`): eID registry, DEC/DECC token ledger,
 * metering, micro-grid market. fabric-chaincode-node loads `contracts` from here;
 * clients import the transaction map from `@dec/chaincode-energy/transactions`.
 */
import { createNetworkContract } from '@dec/chaincode-kit';
import { version } from '../package.json';
import { ChargingContract } from './charging/contract';
import { CreditContract } from './credit/contract';
import { CrowdfundingContract } from './crowdfunding/contract';
import { GovernanceContract } from './governance/contract';
import { IdentityContract } from './identity/contract';
import { MaintenanceContract } from './maintenance/contract';
import { MarketContract } from './market/contract';
import { MeteringContract } from './metering/contract';
import { PaychanContract } from './paychan/contract';
import { RentalContract } from './rental/contract';
import { SocialContract } from './social/contract';
import { StoreContract } from './store/contract';
import { TokenContract } from './token/contract';

export const contracts = [createNetworkContract('energy', version), IdentityContract, TokenContract, MeteringContract, MarketContract, ChargingContract, CrowdfundingContract, GovernanceContract, StoreContract, SocialContract, CreditContract, PaychanContract, MaintenanceContract, RentalContract];

export { ENERGY_TRANSACTIONS } from './transactions';
