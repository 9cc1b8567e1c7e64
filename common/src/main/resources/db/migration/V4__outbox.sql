-- The outbox: a job's chunk messages, written in the same transaction as the job itself. The api's relay publishes
-- pending rows and marks a row sent only when the broker has confirmed it (and not returned it as unroutable), so an
-- accepted job's chunks reach the queue even if the api dies right after its commit or the broker is down for a while.
create table chunk_outbox (
    job_id      uuid        not null references jobs (id) on delete cascade,
    chunk_index integer     not null,
    first_game  bigint      not null,
    games       integer     not null check (games > 0),
    created_at  timestamptz not null default clock_timestamp(),
    sent_at     timestamptz,
    -- How often the row was published: more than once when a publish went unconfirmed or the reconciler found the
    -- chunk lost (queue purged, message dropped) and sent it again.
    sends       integer     not null default 0,
    primary key (job_id, chunk_index)
);

create index chunk_outbox_pending on chunk_outbox (created_at) where sent_at is null;

-- The jobs' own flag is no longer how publishing is tracked.
drop index jobs_unpublished;

-- A retried submission with the same Idempotency-Key gets the job of the first one; the request's hash tells a retry
-- from a different request that reuses a key by mistake.
create table idempotency_keys (
    key          text        primary key,
    request_hash text        not null,
    -- Checked at commit: the key is claimed first, before the job row it points at is written.
    job_id       uuid        not null references jobs (id) on delete cascade deferrable initially deferred,
    created_at   timestamptz not null default clock_timestamp()
);
