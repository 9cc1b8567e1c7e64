-- A season's NCAA tournament bracket, in the shape of Kaggle's tourney_seeds and tourney_slots. A TOURNAMENT job that
-- names a season plays this bracket with the season's imported team profiles. A bracket import replaces the season's
-- whole bracket in one transaction.
create table bracket_seeds (
    season      integer     not null,
    -- W01 … Z16, with a/b for the two teams of a First Four game (W16a, W16b).
    seed        text        not null,
    -- TeamSeason.key() of the seeded team in team_seasons of the same season; checked when the bracket is imported and
    -- again when a job is submitted (a later team import may drop the team).
    team_key    text        not null,
    imported_at timestamptz not null default clock_timestamp(),
    primary key (season, seed)
);

create table bracket_slots (
    season      integer not null,
    -- R1W1 … R6CH, and the First Four's W16, X11, …: a game whose winner goes on.
    slot        text    not null,
    -- Each side is a seed or an earlier slot; the strong side plays as team A.
    strong_seed text    not null,
    weak_seed   text    not null,
    primary key (season, slot)
);
