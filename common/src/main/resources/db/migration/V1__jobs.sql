-- A job: what to simulate, how it was split, and how far it got.
create table jobs (
    id                    uuid        primary key,
    type                  text        not null,
    status                text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    spec                  jsonb       not null,
    seed                  bigint      not null,
    simulations           bigint      not null check (simulations > 0),
    chunk_size            integer     not null check (chunk_size > 0),
    chunks                integer     not null check (chunks > 0),
    chunks_completed      integer     not null default 0 check (chunks_completed between 0 and chunks),
    simulations_completed bigint      not null default 0 check (simulations_completed between 0 and simulations),
    created_at            timestamptz not null default clock_timestamp(),
    published_at          timestamptz,
    started_at            timestamptz,
    completed_at          timestamptz,
    error                 text
);

create index jobs_newest_first on jobs (created_at desc, id desc);
create index jobs_by_status on jobs (status, created_at desc, id desc);
create index jobs_unpublished on jobs (created_at) where published_at is null;

-- One row per chunk whose games were simulated: the primary key is what makes a redelivered chunk count once.
create table chunk_results (
    job_id      uuid        not null references jobs (id) on delete cascade,
    chunk_index integer     not null,
    first_game  bigint      not null,
    games       integer     not null,
    aggregate   jsonb       not null,
    worker      text        not null,
    elapsed_ms  integer     not null,
    created_at  timestamptz not null default clock_timestamp(),
    primary key (job_id, chunk_index)
);

-- The reduced result of a completed job, written in the same transaction that marks it COMPLETED.
create table job_results (
    job_id     uuid        primary key references jobs (id) on delete cascade,
    result     json        not null,
    aggregate  jsonb       not null,
    created_at timestamptz not null default clock_timestamp()
);
