import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, Store } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { tempDir } from '../helpers/env.ts';

describe('migration 4: llm token counts may be unknown', () => {
  it('keeps the calls recorded before it and accepts null counts after it', async () => {
    const t = tempDir();
    try {
      const db = new Database(join(t.dir, 'factory.db'));
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 3),
      );
      db.prepare(
        `INSERT INTO llm_calls VALUES ('c1', '2026-01-01T00:00:00Z', 'agent:a', 'm:1b', 12, 3, 5.5, 1, 1, NULL, 0, 'p', 't', 'a')`,
      ).run();
      db.close();
      const store = Store.open(t.dir);
      await store.llm.record({
        id: 'c2',
        at: '2026-01-02T00:00:00Z',
        role: 'designer',
        model: 'm:1b',
        promptTokens: null,
        completionTokens: null,
        durationMs: 1,
        attempts: 1,
        ok: true,
        error: null,
        costUsd: 0,
        project: 'p',
      });
      expect(await store.llm.totals({ project: 'p' })).toEqual({
        calls: 2,
        promptTokens: 12,
        completionTokens: 3,
        costUsd: 0,
        callsWithUnknownTokens: 1,
      });
      expect((await store.info()).schemaVersion).toBeGreaterThanOrEqual(4);
      await store.close();
    } finally {
      t.cleanup();
    }
  });
});
