-- Who submitted a job: the configured name of its API key (never the key), or 'anonymous' when the api is open. A
-- submission counts its submitter's unfinished jobs against tipoff.jobs.max-running-per-key, hence the index.
alter table jobs add column submitted_by text not null default 'anonymous';

create index jobs_unfinished_by_submitter on jobs (submitted_by) where status in ('QUEUED', 'RUNNING');
