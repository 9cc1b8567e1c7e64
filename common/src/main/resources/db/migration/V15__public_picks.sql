-- The public's picks of a season's bracket (ESPN's "Who Picked Whom"): for each seed, the share of entries that picked
-- it to win each round of the main draw. BRACKET_POOL jobs draw their opponents from them (io.tipoff.pool). An import
-- replaces the season's picks whole; the two seeds of a First Four pair listed as one entry carry the same shares.
create table public_picks (
    season      integer          not null,
    seed        text             not null,
    -- TeamSeason.key() of the seeded team, as bracket_seeds has it when the picks were imported.
    team_key    text             not null,
    -- Shares 0–1 of winning the round of 64's game, the round of 32's, … the final's.
    r64         double precision not null check (r64 between 0 and 1),
    r32         double precision not null check (r32 between 0 and 1),
    s16         double precision not null check (s16 between 0 and 1),
    e8          double precision not null check (e8 between 0 and 1),
    f4          double precision not null check (f4 between 0 and 1),
    champion    double precision not null check (champion between 0 and 1),
    imported_at timestamptz      not null default clock_timestamp(),
    primary key (season, seed)
);
