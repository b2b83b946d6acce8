"""Stage 5, build: MkDocs per shard, incremental, published atomically."""
