export { Access, splitTopic, type ResourceLookup } from './access.ts';
export { ROLES, RoleSchema, roleAllows, type Role } from './roles.ts';
export {
  SYSTEM,
  SYSTEM_OWNER,
  decide,
  eventScope,
  eventVisible,
  listScope,
  mayRead,
  seesEverything,
  type Action,
  type Decision,
  type EventScope,
  type ListScope,
  type Principal,
  type Resource,
} from './rules.ts';
