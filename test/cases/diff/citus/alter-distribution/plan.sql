-- hazard MOVES_DATA: redistributing public.accounts and the tables colocated with it (8 shards) copies the rows into new shards on the worker nodes; writes to them wait until they are copied
SELECT alter_distributed_table('"public"."accounts"', shard_count => 8, cascade_to_colocated => true);

-- hazard MOVES_DATA: redistributing public.visits (by account_id) copies the rows into new shards on the worker nodes; writes to them wait until they are copied
SELECT alter_distributed_table('"public"."visits"', distribution_column => 'account_id');

-- hazard MOVES_DATA: redistributing public.events (colocated with public.accounts) copies the rows into new shards on the worker nodes; writes to them wait until they are copied
SELECT alter_distributed_table('"public"."events"', colocate_with => '"public"."accounts"');
