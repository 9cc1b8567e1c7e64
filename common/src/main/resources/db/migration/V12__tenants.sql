-- An Idempotency-Key is the submitting API key's own: two keys that happen to choose the same one get their own jobs,
-- and neither can take or pre-empt the other's. Keys used before belong to whoever submitted their job.
alter table idempotency_keys add column submitted_by text not null default 'anonymous';
update idempotency_keys k set submitted_by = j.submitted_by from jobs j where j.id = k.job_id;
alter table idempotency_keys drop constraint idempotency_keys_pkey;
alter table idempotency_keys add primary key (submitted_by, key);

-- A key lists its own jobs, newest first (GET /api/v1/jobs where reads need a key).
create index jobs_by_submitter on jobs (submitted_by, created_at desc, id desc);
