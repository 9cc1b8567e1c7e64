-- The games of a season before its tournament, with both box scores (SeasonGamesCsv, Kaggle's detailed results):
-- the data Tipoff rates teams from, as of any day. An import adds games and corrects those it has again, never
-- removes any: a season's file grows day by day.
create table season_games (
    season          integer   not null,
    day             integer   not null check (day >= 0),
    winner_id       integer   not null,
    loser_id        integer   not null check (loser_id <> winner_id),
    winner_location char(1)   not null check (winner_location in ('H', 'A', 'N')),
    overtimes       integer   not null check (overtimes >= 0),
    -- Each box score in the order of the file's columns: points, FGM, FGA, FGM3, FGA3, FTM, FTA, OR, DR, Ast, TO,
    -- Stl, Blk, PF (TeamBox's fields after the team id).
    winner_box      integer[] not null check (cardinality(winner_box) = 14),
    loser_box       integer[] not null check (cardinality(loser_box) = 14),
    primary key (season, day, winner_id, loser_id)
);

-- One row per season with games: its size, and a version that moves whenever an import changes its games, so that
-- ratings cached for (season, day, version) are never stale, on any api instance.
create table game_seasons (
    season      integer     primary key,
    games       integer     not null check (games > 0),
    version     bigint      not null,
    imported_at timestamptz not null default clock_timestamp()
);
