-- hazard MOVES_DATA: distributing public.accounts copies its rows to every node; writes to it wait until they are copied
SELECT create_reference_table('"public"."accounts"');

-- hazard MOVES_DATA: distributing public.events copies its rows to the shards on the worker nodes; writes to it wait until they are copied
SELECT create_distributed_table('"public"."events"', 'id', colocate_with => 'none', shard_count => 32);
