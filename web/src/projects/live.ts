import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../session.ts';

/** A step the stream said started and has not yet said finished. */
export interface OpenStep {
  key: string;
  phase: string;
  task: string | null;
}

/**
 * The project's steps in flight, from its stream topic (step_started, then step_completed or
 * step_failed): what the journal cannot show yet, since it holds finished steps only. A page opened
 * mid-step learns of that step when it ends; the view's sub-task states cover the time until then.
 */
export function useOpenSteps(project: string): OpenStep[] {
  const { live } = useSession();
  const [open, setOpen] = useState<Map<string, OpenStep>>(new Map());
  useEffect(() => {
    setOpen(new Map());
    return live.on((e) => {
      if (e.topic !== `project:${project}`) return;
      const m = e.event.metadata;
      const key = typeof m.step === 'string' ? m.step : null;
      if (!key) return;
      if (e.event.status === 'step_started') {
        const step = { key, phase: String(m.phase ?? ''), task: typeof m.task === 'string' ? m.task : null };
        setOpen((o) => new Map(o).set(key, step));
      } else if (e.event.status === 'step_completed' || e.event.status === 'step_failed') {
        setOpen((o) => {
          if (!o.has(key)) return o;
          const n = new Map(o);
          n.delete(key);
          return n;
        });
      }
    });
  }, [live, project]);
  return [...open.values()];
}
