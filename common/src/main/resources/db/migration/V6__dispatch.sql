-- Fair-share dispatch (docs/SCHEDULING.md): a job's chunks are no longer all written to the outbox when it is
-- accepted. The dispatcher releases them a few at a time, in index order, as workers free up; next_chunk is how many
-- have been released so far. Chunks in flight = next_chunk − chunks_completed.
alter table jobs add column next_chunk integer not null default 0;
-- Jobs accepted before this migration had every chunk written to the outbox already.
update jobs set next_chunk = chunks;
alter table jobs add constraint jobs_next_chunk check (next_chunk between 0 and chunks);

-- HIGH, NORMAL, LOW: the job's weight within its key's share.
alter table jobs add column priority text not null default 'NORMAL' check (priority in ('HIGH', 'NORMAL', 'LOW'));
-- INTERACTIVE (one short chunk, its own queue, played ahead of batch slices) or BATCH.
alter table jobs add column lane text not null default 'BATCH' check (lane in ('INTERACTIVE', 'BATCH'));
-- Games one simulation plays (1 for a matchup, a bracket's slots for a tournament): quotas count games.
alter table jobs add column games_per_simulation integer not null default 1 check (games_per_simulation > 0);

-- A precision target: stop at the first prefix of chunks whose every reported probability has at most this standard
-- error. prefix_chunks counts the chunks 0 … prefix_chunks − 1 stored so far, prefix_counts their tally (successes of
-- each reported probability; trials are simulations_in(prefix_chunks)).
alter table jobs add column target_std_error double precision check (target_std_error > 0);
alter table jobs add column prefix_chunks integer not null default 0;
alter table jobs add column prefix_counts bigint[];
-- Set once the result's chunks are known (all of them, or the prefix that met the target): the job then only waits
-- for its reduce, which counts chunks 0 … result_chunks − 1.
alter table jobs add column result_chunks integer check (result_chunks between 1 and chunks);
alter table jobs add column stop_reason text check (stop_reason in ('TARGET_MET', 'CAP_REACHED'));
-- Jobs already completed counted all their chunks.
update jobs set result_chunks = chunks, stop_reason = 'CAP_REACHED' where status = 'COMPLETED';

-- A chunk's tally, for a job with a target: the prefix sums it without reading the whole aggregate.
alter table chunk_results add column tally bigint[];

-- What the dispatcher reads every round: open jobs with chunks left to release.
create index jobs_dispatchable on jobs (created_at, id)
    where status in ('QUEUED', 'RUNNING') and result_chunks is null and next_chunk < chunks;
-- Chunks in flight are summed over open jobs.
create index jobs_open on jobs (lane, submitted_by) where status in ('QUEUED', 'RUNNING');
