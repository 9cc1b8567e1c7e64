-- The games of a season's NCAA tournament played so far (Kaggle's tourney_games, compact results): a job may ask for
-- its bracket as it stands after a day (resultsThroughDay), its decided games found in the bracket from these. An
-- import replaces the season's games whole: the file is the tournament as far as it has gone.
create table tournament_results (
    season        integer not null,
    day           integer not null check (day >= 0),
    winner_id     integer not null,
    loser_id      integer not null check (loser_id <> winner_id),
    winner_points integer not null check (winner_points >= 0),
    loser_points  integer not null check (loser_points >= 0 and loser_points < winner_points),
    overtimes     integer not null check (overtimes >= 0),
    -- Two teams meet at most once in a single-elimination tournament.
    primary key (season, winner_id, loser_id)
);
