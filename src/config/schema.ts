/**
 * The configuration's schemas, made (src/config/sections.ts defines them; loadConfig makes only what it
 * needs), and their types.
 */
import type { z } from 'zod';
import {
  configSchema,
  projectBudgetSchema,
  projectDefaultsSchema,
  projectSettingFields,
  reviewStageSchema,
  roleSettings,
} from './sections.ts';

export { PRIVATE_DOCKER_SOCKET, REVIEW_KINDS } from './sections.ts';

/** One role's settings; unset keys fall back to the role's prefix (agent for agent:x), then to ollama.*. */
export const RoleSettings = roleSettings();
export type RoleSettings = z.infer<typeof RoleSettings>;

/** A project's budget (seed 004 §12): each limit null = unlimited. Checked before a model call or tool run is made. */
export const ProjectBudgetSchema = projectBudgetSchema();
export type ProjectBudget = z.infer<typeof ProjectBudgetSchema>;

/** Seed 004 §3.2: the stages of the review chain. */
export const ReviewStageSchema = reviewStageSchema();
export type ReviewStage = z.infer<typeof ReviewStageSchema>;

/**
 * Seed 004 §2.1.1 OrchestratorConfig, per project. The fields without defaults: the service's
 * `coordinator.defaults` gives them defaults, a project's `config` overrides any of them.
 */
export const PROJECT_SETTING_FIELDS = projectSettingFields();

export const ProjectDefaultsSchema = projectDefaultsSchema();
export type ProjectSettings = z.infer<typeof ProjectDefaultsSchema>;

/** The one configuration schema: defaults here, overridden by config file, environment and flags. */
export const ConfigSchema = configSchema();
export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
