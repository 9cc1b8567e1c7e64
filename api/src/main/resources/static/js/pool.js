// A finished bracket pool: the chosen entry against chalk and the favourites, its bracket drawn with the contrarian
// picks marked, and each contrarian pick's chance to win its game against the share of the public that picked it.

import {count, el, one, pct} from './api.js';
import {disposeCharts} from './charts.js';
import {drawBracket} from './tournament.js';

const ROUND_NAMES = {R64: 'First Four', R32: 'round of 64', S16: 'round of 32', E8: 'Sweet 16', F4: 'Elite 8',
    NCG: 'Final Four', CHAMP: 'final'};

/** The chosen entry beside the baselines: chance to win the pool, expected score, mean finishing place. */
function entries(result) {
    const rows = [['Chosen', result.entry, result], ...Object.entries(result.baselines)
        .map(([name, e]) => [name === 'chalk' ? 'Chalk' : 'Favourites', e.entry, e])];
    return el('div', {class: 'scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'entries-caption'},
        el('table', {class: 'jobs pool-entries'},
            el('caption', {id: 'entries-caption'}, `${count(result.simulations)} simulated pools of `
                + `${count(result.entrants)} entrants (scoring ${result.scoring.join('-')}, `
                + `${result.publicPicks === 'imported' ? "the public's imported picks" : 'no picks: the model sharpened'}); `
                + `an opponent scores ${one(result.fieldScore)} on average.`),
            el('thead', {}, el('tr', {}, ['Entry', 'What it is', 'Wins the pool', 'Expected score', 'Mean place']
                .map((h, i) => el('th', {scope: 'col', class: i > 1 ? 'num' : null}, h)))),
            el('tbody', {}, rows.map(([name, what, e]) => el('tr', {'data-entry': name.toLowerCase()},
                el('th', {scope: 'row'}, name), el('td', {}, what),
                el('td', {class: 'num'}, pct(e.winProbability)), el('td', {class: 'num'}, one(e.expectedScore)),
                el('td', {class: 'num'}, one(e.meanPlace)))))));
}

/** Where the entry leaves the crowd, and why: its pick's chance against how many entrants picked it. */
function contrarian(result) {
    const picks = result.picks.filter((p) => p.contrarian);
    if (picks.length === 0) {
        return el('p', {class: 'hint'}, 'The entry picks the public\'s favourite in every game.');
    }
    const opponents = result.entrants - 1;
    return el('div', {class: 'scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'contrarian-caption'},
        el('table', {class: 'jobs contrarian'},
            el('caption', {id: 'contrarian-caption'}, `Picks that differ from the public's favourite: the chance `
                + `the pick wins the game, and how many of the ${count(opponents)} opponents pick it, against the `
                + `public's choice.`),
            el('thead', {}, el('tr', {}, ['Game', 'Slot', 'Pick', 'Wins it', 'Opponents picking it',
                'Public\'s pick', 'Opponents picking that'].map((h, i) => el('th',
                {scope: 'col', class: [3, 4, 6].includes(i) ? 'num' : null}, h)))),
            el('tbody', {}, picks.slice().reverse().map((p) => el('tr', {'data-slot': p.slot},
                el('td', {}, ROUND_NAMES[p.round] ?? p.round), el('td', {}, p.slot),
                el('th', {scope: 'row'}, `${p.name} (${p.seed})`), el('td', {class: 'num'}, pct(p.chance)),
                el('td', {class: 'num'}, `${one(p.publicShare * opponents)} (${pct(p.publicShare)})`),
                el('td', {}, `${p.publicFavoriteName} (${p.publicFavorite})`),
                el('td', {class: 'num'}, `${one(p.publicFavoriteShare * opponents)} (${pct(p.publicFavoriteShare)})`))))));
}

function bracket(result, job) {
    const picks = new Map(result.picks.map((p) => [p.slot, p]));
    const champion = picks.get(result.picks[result.picks.length - 1].slot);
    return drawBracket(job.tournament.slots, (slot) => {
        const p = picks.get(slot);
        return {seed: p.seed, name: p.name, value: pct(p.chance), className: p.contrarian ? 'contrarian' : null,
            title: `${slot}: ${p.name} wins it ${pct(p.chance)}, picked by ${pct(p.publicShare)} of the public`
                + (p.contrarian ? ` (the public's pick: ${p.publicFavoriteName}, ${pct(p.publicFavoriteShare)})` : '')};
    }, `The chosen entry's bracket, contrarian picks marked; its champion: ${champion.name} `
        + `(wins it ${pct(champion.chance)}, picked by ${pct(champion.publicShare)} of the public)`);
}

export function renderPool(target, result, job) {
    disposeCharts();
    target.replaceChildren(
        el('h3', {}, `The entry most likely to win the pool: ${pct(result.winProbability)}`),
        entries(result),
        el('h3', {}, 'Contrarian picks'),
        contrarian(result),
        el('h3', {}, 'The chosen bracket (contrarian picks outlined), with each pick\'s chance to win its game'),
        bracket(result, job));
    target.dataset.rendered = job.id;
}
