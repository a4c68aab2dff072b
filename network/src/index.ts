export * from './topology';
export * from './model';
export * from './policies';
export * from './ports';
export * from './generate/crypto-config';
export * from './generate/configtx';
export * from './generate/connection-profile';
export * from './generate/gateway-config';
