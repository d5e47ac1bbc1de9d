import { FactoryError } from '../../../../errors/catalog.ts';
import type { WorkflowOutcome } from '../../../workflows/types.ts';
import type { PipelineRun } from '../../runtime.ts';
import type { PipelineOf } from '../../schema.ts';

export async function company(_run: PipelineRun, _spec: PipelineOf<'company'>): Promise<WorkflowOutcome> {
  throw new FactoryError('INTERNAL', 'not yet');
}
