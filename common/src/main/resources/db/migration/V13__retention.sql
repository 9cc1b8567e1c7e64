-- The retention round (api/…/retention/Retention.java) finds old rows by age without reading the rest.
create index idempotency_keys_by_age on idempotency_keys (created_at);
create index chunk_results_by_age on chunk_results (created_at);
