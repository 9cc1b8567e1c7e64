-- A team's season as imported from season statistics (TorvikCsv): jobs name a team by season and id or name and get
-- this profile. An import replaces whole seasons, so a season's rows always come from one file.
create table team_seasons (
    season      integer          not null,
    -- TeamSeason.key(): the team id as text, or the name when the data has no ids.
    team_key    text             not null,
    team_id     integer,
    name        text             not null,
    conference  text,
    -- The TeamProfile as JSON, exactly what a job referring to this team simulates.
    profile     jsonb            not null,
    barthag     double precision,
    postseason  text,
    seed        integer,
    imported_at timestamptz      not null default clock_timestamp(),
    primary key (season, team_key)
);

-- A job may name a team ("Duke") instead of giving its id: within a season a name must find exactly one team.
create unique index team_seasons_by_name on team_seasons (season, lower(name));

-- One row per imported season: its size, and the league averages its teams are measured against when they play.
create table seasons (
    season      integer     primary key,
    teams       integer     not null check (teams > 0),
    -- LeagueAverages.of(the season's profiles), computed when the season is imported.
    league      jsonb       not null,
    imported_at timestamptz not null default clock_timestamp()
);
