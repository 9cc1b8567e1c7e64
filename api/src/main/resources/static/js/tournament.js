// A finished tournament: every team's chance to win each of its games, in a table sorted by any column, and the
// bracket drawn with the favourite of each game.

import {count, el, pct} from './api.js';
import {disposeCharts} from './charts.js';

const ROUNDS = ['R64', 'R32', 'S16', 'E8', 'F4', 'NCG', 'CHAMP'];
const ROUND_NAMES = {R64: 'round of 64', R32: 'round of 32', S16: 'Sweet 16', E8: 'Elite 8', F4: 'Final Four',
    NCG: 'final', CHAMP: 'title'};

/** A sortable table: each column header is a button; aria-sort says which column orders the rows, and how. */
function roundsTable(result) {
    const rounds = ROUNDS.filter((r) => result.teams.some((t) => r in t.rounds));
    // A team that plays no First Four game reaches the round of 64 for sure.
    const chance = (team, round) => team.rounds[round]?.p ?? (ROUNDS.indexOf(round) < firstRound(team) ? 1 : 0);
    const firstRound = (team) => ROUNDS.indexOf(Object.keys(team.rounds)[0]);
    const columns = [
        {label: 'Seed', value: (t) => t.seed, text: (t) => t.seed},
        {label: 'Team', value: (t) => t.name, text: (t) => t.name},
        ...rounds.map((r) => ({label: r, title: `Chance to reach the ${ROUND_NAMES[r]}`, numeric: true,
            value: (t) => chance(t, r), text: (t) => (r in t.rounds ? pct(t.rounds[r].p) : '—')})),
    ];
    let sort = {column: columns.length - 1, descending: true};
    const body = el('tbody');
    const headers = columns.map((column, i) => {
        const button = el('button', {type: 'button', title: column.title}, column.label);
        button.addEventListener('click', () => {
            sort = {column: i, descending: sort.column === i ? !sort.descending : Boolean(column.numeric)};
            draw();
        });
        return el('th', {scope: 'col', class: column.numeric ? 'num' : null}, button);
    });
    function draw() {
        const column = columns[sort.column];
        const rows = result.teams.slice().sort((a, b) => {
            const [x, y] = [column.value(a), column.value(b)];
            const order = typeof x === 'number' ? x - y : x.localeCompare(y);
            return (sort.descending ? -order : order) || a.seed.localeCompare(b.seed);
        });
        headers.forEach((th, i) => (i === sort.column
            ? th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending')
            : th.removeAttribute('aria-sort')));
        body.replaceChildren(...rows.map((team) => el('tr', {'data-seed': team.seed},
            columns.map((c, i) => (i < 2 ? el(i === 1 ? 'th' : 'td', i === 1 ? {scope: 'row'} : {}, c.text(team))
                : el('td', {class: 'num'}, c.text(team)))))));
    }
    draw();
    return el('div', {class: 'scroll rounds-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'rounds-caption'},
        el('table', {class: 'rounds'},
            el('caption', {id: 'rounds-caption'}, `Chance to win each game, by the round the win reaches `
                + `(R64: wins a First Four game). Sort by a column with its header.`),
            el('thead', {}, el('tr', {}, headers)), body));
}

/** W01 → 1, X16a → 16; a seed of another shape is shown as it is. */
const seedNumber = (seed) => (/^[A-Z]\d\d[ab]?$/.test(seed) ? Number(seed.slice(1, 3)) : seed);

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    node.append(...children);
    return node;
}

/**
 * The bracket as a tree from its first games on the left to the final on the right: each game in the column of its
 * round, level with the middle of the games that feed it, showing its favourite and how often that team won it.
 */
function bracket(result, job, choose) {
    const winners = new Map(result.slots.map((s) => [s.slot, s.winners]));
    const final = winners.get(job.tournament.slots.find((s) => !job.tournament.slots
        .some((o) => o.strongSeed === s.slot || o.weakSeed === s.slot)).slot)[0];
    const decided = job.tournament.results || {};
    return drawBracket(job.tournament.slots, (name) => {
        const favourite = winners.get(name)[0];
        return {seed: favourite.seed, name: favourite.name,
            value: decided[name] ? 'won' : pct(favourite.probability), className: decided[name] ? 'decided' : '',
            title: `${name}: ${winners.get(name).slice(0, 3).map((w) => `${w.name} ${pct(w.probability)}`).join(', ')}`
                + (decided[name] ? ' (decided)' : '. Choose to fix its winner.')};
    }, `Bracket with the favourite of each game; the title: ${final.name} ${pct(final.probability)}`, choose);
}

/**
 * Draws a bracket's games (its slots) as a tree, each game showing what {@code show(slot)} gives: a seed, a name, a
 * figure on the right, a tooltip and an optional class. Shared by tournaments and pools. With {@code choose}, each game
 * is a button that calls it with the game's slot.
 */
export function drawBracket(slotList, show, label, choose) {
    const slots = new Map(slotList.map((s) => [s.slot, s]));
    const fed = new Set(slotList.flatMap((s) => [s.strongSeed, s.weakSeed]));
    const final = slotList.find((s) => !fed.has(s.slot));
    const games = [];
    let rows = 0;
    const place = (name, depth) => {
        const slot = slots.get(name);
        const feeders = [slot.strongSeed, slot.weakSeed].filter((side) => slots.has(side));
        const ys = feeders.map((side) => place(side, depth + 1));
        const y = ys.length ? ys.reduce((sum, v) => sum + v, 0) / ys.length : rows++;
        games.push({name, depth, y, feeders});
        return y;
    };
    place(final.slot, 0);
    const deepest = Math.max(...games.map((g) => g.depth));
    const [width, height, gapX, rowHeight, pad] = [146, 22, 14, 27, 4];
    const x = (g) => pad + (deepest - g.depth) * (width + gapX);
    const y = (g) => pad + g.y * rowHeight;
    const byName = new Map(games.map((g) => [g.name, g]));
    const drawing = svg('svg', {
        width: pad * 2 + (deepest + 1) * (width + gapX) - gapX, height: pad * 2 + rows * rowHeight - (rowHeight - height),
        role: 'img', 'aria-labelledby': 'bracket-title', class: 'bracket',
    }, svg('title', {id: 'bracket-title'}, label));
    for (const game of games) {
        for (const feeder of game.feeders.map((f) => byName.get(f))) {
            const [x1, y1, x2, y2] = [x(feeder) + width, y(feeder) + height / 2, x(game), y(game) + height / 2];
            const mid = x1 + gapX / 2;
            drawing.append(svg('path', {d: `M${x1} ${y1}H${mid}V${y2}H${x2}`, class: 'link'}));
        }
    }
    for (const game of games) {
        const shown = show(game.name);
        const name = shown.name.length > 13 ? `${shown.name.slice(0, 12)}…` : shown.name;
        const node = svg('g', {class: shown.className ? `game ${shown.className}` : 'game', 'data-slot': game.name,
            ...(choose ? {tabindex: 0, role: 'button', 'aria-label': shown.title} : {})},
            svg('title', {}, shown.title),
            svg('rect', {x: x(game), y: y(game), width, height, rx: 4}),
            svg('text', {x: x(game) + 5, y: y(game) + 15}, `${seedNumber(shown.seed)} ${name}`),
            svg('text', {x: x(game) + width - 5, y: y(game) + 15, 'text-anchor': 'end', class: 'p'}, shown.value));
        if (choose) {
            node.addEventListener('click', () => choose(game.name));
            node.addEventListener('keydown', (event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    choose(game.name);
                }
            });
        }
        drawing.append(node);
    }
    return el('div', {class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Bracket'}, drawing);
}

function champions(result) {
    return el('ol', {class: 'champions'}, result.champions.slice(0, 5).map((c) =>
        el('li', {}, `${c.name} (${c.seed}) `, el('strong', {}, pct(c.probability)))));
}

/**
 * What is fixed of the bracket, and the chooser a click on a game opens: each team that can win it, a button that
 * runs the job again with that result (and the results it had) given.
 */
function fixWinners(result, job, rerun) {
    const box = el('div', {id: 'fix-winner', class: 'fix', 'aria-live': 'polite'});
    const decided = job.tournament.results || {};
    const fixed = Object.keys(decided).length;
    const again = (results) => rerun({type: 'TOURNAMENT', simulations: job.simulations, seed: job.seed,
        tournament: {season: job.tournament.season, results}})
        .catch((e) => box.replaceChildren(el('p', {class: 'error', role: 'alert'}, e.message)));
    const intro = () => {
        const parts = [el('p', {class: 'hint'}, fixed
            ? `${fixed} game${fixed === 1 ? ' is' : 's are'} decided (marked "won"). `
            : 'No game is decided yet. ', 'Choose a game in the bracket to fix its winner and run again.')];
        if (fixed) {
            parts.push(el('button', {type: 'button', class: 'secondary', id: 'clear-results'}, 'Clear the results'));
            parts[1].addEventListener('click', () => again({}));
        }
        box.replaceChildren(...parts);
    };
    intro();
    const choose = (slot) => {
        if (job.tournament.season == null) {
            box.replaceChildren(el('p', {class: 'hint'}, 'Only a bracket of an imported season can be run again '
                + 'from here.'));
            return;
        }
        // The likeliest winners first; a final can have dozens.
        const teams = result.slots.find((s) => s.slot === slot).winners.slice(0, 16);
        const buttons = teams.map((w) => {
            const button = el('button', {type: 'button', 'data-seed': w.seed},
                `${w.name} (${w.seed}) wins ${slot}`);
            button.addEventListener('click', () => again({...decided, [slot]: w.seed}));
            return button;
        });
        const cancel = el('button', {type: 'button', class: 'secondary'}, 'Cancel');
        cancel.addEventListener('click', intro);
        box.replaceChildren(el('p', {}, decided[slot] ? `${slot} is decided: ${decided[slot]} won it.`
            : `Who wins ${slot}? The job runs again with that result.`), el('div', {class: 'choices'}, buttons),
        cancel);
        buttons[0]?.focus();
    };
    return {box, choose};
}

export function renderTournament(target, result, job, rerun) {
    disposeCharts();
    const fix = fixWinners(result, job, rerun);
    target.replaceChildren(
        el('h3', {}, 'Likeliest champions'),
        champions(result),
        el('h3', {}, `Round by round, ${count(result.simulations)} tournaments`),
        roundsTable(result),
        el('h3', {}, 'Bracket: the favourite of each game'),
        fix.box,
        bracket(result, job, fix.choose));
    target.dataset.rendered = job.id;
}
