// The "New job" form: imported seasons and teams, or inline profiles, or a season's bracket; builds the request.

import {el, get, count} from './api.js';

/** Virginia and Texas Tech, 2019 (as in docs/examples/matchup.json): a start for inline profiles. */
const EXAMPLE_PROFILES = [
    {name: 'Virginia', tempo: 60.7,
        offense: {twoPointPct: 0.525, threePointPct: 0.395, threePointRate: 0.4, turnoverRate: 0.147,
            offensiveReboundRate: 0.304, freeThrowRate: 0.291, freeThrowPct: 0.745},
        defense: {twoPointPct: 0.457, threePointPct: 0.289, threePointRate: 0.426, turnoverRate: 0.175,
            offensiveReboundRate: 0.254, freeThrowRate: 0.263}},
    {name: 'Texas Tech', tempo: 67.5,
        offense: {twoPointPct: 0.528, threePointPct: 0.365, threePointRate: 0.359, turnoverRate: 0.177,
            offensiveReboundRate: 0.274, freeThrowRate: 0.329, freeThrowPct: 0.73},
        defense: {twoPointPct: 0.419, threePointPct: 0.297, threePointRate: 0.415, turnoverRate: 0.228,
            offensiveReboundRate: 0.287, freeThrowRate: 0.366}},
];

const DEFAULT_SIMULATIONS = {MATCHUP: 100000, TOURNAMENT: 10000, BRACKET_POOL: 20000};

const $ = (id) => document.getElementById(id);

/** Wires the form; {@code submit(request)} is called with a valid request body and returns a promise. */
export async function setUpForm(submit) {
    const form = $('job-form');
    $('profile-a').value = JSON.stringify(EXAMPLE_PROFILES[0], null, 1);
    $('profile-b').value = JSON.stringify(EXAMPLE_PROFILES[1], null, 1);
    form.addEventListener('change', (event) => {
        if (event.target.name === 'type') {
            typeChanged(event.target.value);
        } else if (event.target.name === 'source') {
            sourceChanged();
        } else if (event.target.id === 'team-season') {
            loadTeams(event.target.value);
        } else if (event.target.id === 'bracket-season') {
            loadBracket(event.target.value);
        } else if (event.target.id === 'live') {
            $('live-fields').hidden = !event.target.checked;
        }
    });
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        showError(null);
        let request;
        try {
            request = build();
        } catch (e) {
            showError(e.message, e.field);
            return;
        }
        $('submit').disabled = true;
        try {
            await submit(request);
        } catch (e) {
            showError(e.message, e.problem && e.problem.errors);
        } finally {
            $('submit').disabled = false;
        }
    });
    await loadSeasons();
}

function typeChanged(type) {
    $('matchup-fields').hidden = type !== 'MATCHUP';
    $('tournament-fields').hidden = type !== 'TOURNAMENT';
    $('pool-fields').hidden = type !== 'BRACKET_POOL';
    $('simulations').value = DEFAULT_SIMULATIONS[type];
}

function sourceChanged() {
    const inline = document.querySelector('input[name=source]:checked').value === 'inline';
    $('season-teams').hidden = inline;
    $('inline-teams').hidden = !inline;
}

async function loadSeasons() {
    const seasons = await get('/api/v1/teams/seasons');
    const options = () => seasons.slice().reverse()
        .map((s) => el('option', {value: s.season}, `${s.season} (${count(s.teams)} teams)`));
    $('team-season').replaceChildren(...options());
    $('bracket-season').replaceChildren(...options());
    $('pool-season').replaceChildren(...options());
    if (seasons.length === 0) {
        $('no-teams').hidden = false;
        document.querySelector('input[name=source][value=season]').disabled = true;
        document.querySelector('input[name=source][value=inline]').checked = true;
        sourceChanged();
        $('bracket-info').textContent = 'No seasons imported: a tournament needs an imported season and its bracket.';
        return;
    }
    await Promise.all([loadTeams($('team-season').value), loadBracket($('bracket-season').value)]);
}

/** A season's teams, the two strongest (by BARTHAG) chosen, so that the default matchup is worth watching. */
async function loadTeams(season) {
    const teams = await get(`/api/v1/teams?season=${encodeURIComponent(season)}`);
    const options = () => teams.map((t) => el('option', {value: t.teamId ?? t.name},
        t.conference ? `${t.name} (${t.conference})` : t.name));
    $('team-a').replaceChildren(...options());
    $('team-b').replaceChildren(...options());
    const strongest = teams.map((t, i) => [t.barthag ?? 0, i]).sort((a, b) => b[0] - a[0]);
    $('team-a').selectedIndex = strongest[0][1];
    $('team-b').selectedIndex = strongest[Math.min(1, strongest.length - 1)][1];
}

async function loadBracket(season) {
    const info = $('bracket-info');
    try {
        const bracket = await get(`/api/v1/seasons/${encodeURIComponent(season)}/bracket`);
        info.textContent = `${bracket.seeds.length} teams, ${bracket.slots.length} games.`;
        info.dataset.ready = 'true';
    } catch (e) {
        info.textContent = `No bracket imported for ${season}: bin/tipoff import --data DIR imports one.`;
        info.dataset.ready = 'false';
    }
}

/** An error that names the form field at fault. */
class FieldError extends Error {
    constructor(field, message) {
        super(message);
        this.field = field;
    }
}

function wholeNumber(id, label, required) {
    const text = $(id).value.trim();
    if (text === '' && !required) {
        return undefined;
    }
    const value = Number(text);
    if (text === '' || !Number.isSafeInteger(value) || value < (id === 'seed' ? 0 : 1)) {
        throw new FieldError(id, `${label} must be a whole number${id === 'seed' ? '' : ' of at least 1'}.`);
    }
    return value;
}

function profile(id, label) {
    try {
        return JSON.parse($(id).value);
    } catch (e) {
        throw new FieldError(id, `${label} is not valid JSON: ${e.message}`);
    }
}

function reference(id) {
    const value = $(id).value;
    const season = Number($('team-season').value);
    return /^\d+$/.test(value) ? {season, teamId: Number(value)} : {season, name: value};
}

function build() {
    const type = document.querySelector('input[name=type]:checked').value;
    const request = {type, simulations: wholeNumber('simulations', 'Simulations', true)};
    const seed = wholeNumber('seed', 'Seed', false);
    const chunkSize = wholeNumber('chunk-size', 'Chunk size', false);
    if (seed !== undefined) {
        request.seed = seed;
    }
    if (chunkSize !== undefined) {
        request.chunkSize = chunkSize;
    }
    if (type === 'TOURNAMENT') {
        if (!$('bracket-season').value) {
            throw new FieldError('bracket-season', 'Choose a season with an imported bracket.');
        }
        request.tournament = {season: Number($('bracket-season').value)};
        return request;
    }
    if (type === 'BRACKET_POOL') {
        request.pool = pool();
        return request;
    }
    const inline = document.querySelector('input[name=source]:checked').value === 'inline';
    request.matchup = inline
        ? {teamA: profile('profile-a', 'Team A profile'), teamB: profile('profile-b', 'Team B profile')}
        : {teamA: reference('team-a'), teamB: reference('team-b')};
    request.matchup.venue = $('venue').value;
    if ($('live').checked) {
        request.matchup.state = state();
    }
    return request;
}

/** The game in progress of the live fields: the clock as m:ss, the points as whole numbers. */
function state() {
    const clock = /^(\d{1,2}):([0-5]\d)$/.exec($('live-clock').value.trim());
    if (!clock) {
        throw new FieldError('live-clock', 'The clock must be minutes and seconds left, as 2:00.');
    }
    const period = Number($('live-period').value);
    const secondsLeft = Number(clock[1]) * 60 + Number(clock[2]);
    if (secondsLeft > (period <= 2 ? 1200 : 300)) {
        throw new FieldError('live-clock', period <= 2 ? 'A half lasts 20:00.' : 'An overtime lasts 5:00.');
    }
    const points = (id, label) => {
        const value = Number($(id).value);
        if ($(id).value.trim() === '' || !Number.isSafeInteger(value) || value < 0) {
            throw new FieldError(id, `${label} must be a whole number of at least 0.`);
        }
        return value;
    };
    const state = {period, secondsLeft, teamAPoints: points('live-a', 'Team A points'),
        teamBPoints: points('live-b', 'Team B points')};
    if ($('live-ball').value) {
        state.possession = $('live-ball').value;
    }
    return state;
}

/** The pool: its season, entrants, scoring (six numbers) and, optionally, the day of the ratings. */
function pool() {
    if (!$('pool-season').value) {
        throw new FieldError('pool-season', 'Choose a season with an imported bracket.');
    }
    const entrants = wholeNumber('pool-entrants', 'Entrants', true);
    const scoring = $('pool-scoring').value.split(/[\s,]+/).filter((s) => s !== '').map(Number);
    if (scoring.some((points) => !Number.isSafeInteger(points) || points < 0)) {
        throw new FieldError('pool-scoring', 'Scoring must be whole numbers of points, none negative.');
    }
    const request = {season: Number($('pool-season').value), entrants, scoring};
    const day = $('pool-day').value.trim();
    if (day !== '') {
        request.asOfDay = Number(day);
    }
    return request;
}

/** Shows what is wrong: the message, each field the api named, and marks a field of this form as invalid. */
function showError(message, fields) {
    const box = $('form-error');
    document.querySelectorAll('#job-form [aria-invalid]').forEach((f) => f.removeAttribute('aria-invalid'));
    box.replaceChildren();
    if (!message) {
        return;
    }
    box.append(el('p', {}, message));
    if (typeof fields === 'string') {
        $(fields).setAttribute('aria-invalid', 'true');
        $(fields).focus();
    } else if (Array.isArray(fields) && fields.length > 1) {
        box.append(el('ul', {}, fields.map((f) => el('li', {}, `${f.field}: ${f.message}`))));
    }
}
