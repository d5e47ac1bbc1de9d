/** The audit module's door: the hash-chained trail, its event schema and chain verification. */
export { AuditTrail, type AuditListener } from './trail.ts';
export {
  AUDIT_EVENT_TYPES,
  AuditDetails,
  AuditEventInput,
  AuditSecurityFlags,
  AuditEventType,
  AuditQuery,
  type AuditEvent,
} from './event.ts';
export type { AuditRepository, ChainHead } from './repository.ts';
export { ChainVerifier, GENESIS_HASH, chainHash, chainPayload, verifyChain, type VerifyResult } from './chain.ts';
