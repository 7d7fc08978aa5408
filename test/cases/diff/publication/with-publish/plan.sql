ALTER PUBLICATION "orders_feed" SET (publish = 'insert, update', publish_via_partition_root = false);
