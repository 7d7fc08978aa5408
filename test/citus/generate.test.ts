import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCommand } from '../../src/commands/generate.js';
import { diffCommand } from '../../src/commands/diff.js';
import { pgliteEngine } from '../support/engines.js';
import { withProject } from '../migrate/project.js';
import { citusDefinitions } from './citus-project.js';

/**
 * `generate` on a Citus project: the files it writes call create_distributed_table, which the
 * shadow (the embedded engine, no Citus) replays through the stand-in, so the state the files
 * build carries their distribution and the next run finds nothing to write. The shadow is always
 * the embedded engine, whatever the target database: one engine is enough.
 */
describe('generate with distributed tables', () => {
  it('writes the calls, replays them in the shadow, and finds nothing more to write; a changed one alter_distributed_table, a removed one undistribute_table', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      project.define(citusDefinitions());
      const first = await generateCommand(config, { now: new Date('2024-03-01T10:00:00Z') });
      expect(first).toMatchObject({ status: 'written', after: { remaining: 0 } });
      const files = first.status === 'written' ? first.files : [];
      const text = files.map((file) => readFileSync(join(config.root, file.file), 'utf8')).join('\n');
      expect(text).toContain(`SELECT create_distributed_table('"public"."orders"', 'account_id', colocate_with => '"public"."accounts"');`);
      expect(text).toContain(`SELECT create_reference_table('"public"."countries"');`);

      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged' });
      expect((await diffCommand(config, { from: 'migrations', to: 'definitions' })).items).toEqual([]);

      // Changed options: the file alters the tables in place, and the shadow's replay agrees.
      project.define(citusDefinitions({ redistributed: true }));
      const moved = await generateCommand(config, { now: new Date('2024-03-01T12:00:00Z') });
      expect(moved).toMatchObject({ status: 'written', after: { remaining: 0 } });
      const movedFile = moved.status === 'written' ? moved.files.at(-1)! : undefined;
      expect(readFileSync(join(config.root, movedFile!.file), 'utf8')).toContain(`SELECT alter_distributed_table('"public"."accounts"', shard_count => 8, cascade_to_colocated => true);`);
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged' });

      project.define(citusDefinitions({ eventsDistributed: false, redistributed: true }));
      const undo = await generateCommand(config, { now: new Date('2024-03-02T10:00:00Z'), allowDataLoss: true });
      expect(undo).toMatchObject({ status: 'written', after: { remaining: 0 } });
      const last = undo.status === 'written' ? undo.files.at(-1)! : undefined;
      expect(readFileSync(join(config.root, last!.file), 'utf8')).toContain(`SELECT undistribute_table('"public"."events"');`);
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged' });
    });
  });
});
