// A finished matchup: who wins how often, by how much, with what scores and box scores.

import {count, el, one, pct} from './api.js';
import {chart, disposeCharts, TEAM_COLORS} from './charts.js';

/** Each value from the lowest to the highest that occurred, as a share of the games in percent (0 where none). */
function shares(histogram, simulations, from, to) {
    const byValue = new Map(histogram.map(([value, games]) => [value, games]));
    const values = [];
    for (let v = from; v <= to; v++) {
        values.push([v, 100 * (byValue.get(v) || 0) / simulations]);
    }
    return values;
}

const range = (histograms) => {
    const values = histograms.flatMap((h) => h.map(([value]) => value));
    return [Math.min(...values), Math.max(...values)];
};

const percentAxis = {type: 'value', axisLabel: {formatter: '{value}%'}};
const shareTooltip = {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: (v) => `${v.toFixed(2)}% of games`};

function winChart(result) {
    const [a, b] = [result.teamA, result.teamB];
    const bar = (team, color, position) => ({
        type: 'bar', stack: 'win', name: team.name, data: [100 * team.winProbability], barWidth: 36,
        itemStyle: {color}, label: {show: true, position, color: '#fff', fontWeight: 600,
            formatter: () => `${team.name} ${pct(team.winProbability)}`},
    });
    return chart('Win probability',
        `${a.name} wins ${pct(a.winProbability)} of the games, ${b.name} ${pct(b.winProbability)}.`, {
            grid: {left: 0, right: 0, top: 0, bottom: 0},
            xAxis: {type: 'value', max: 100, show: false},
            yAxis: {type: 'category', data: [''], show: false},
            series: [bar(a, TEAM_COLORS[0], 'insideLeft'), bar(b, TEAM_COLORS[1], 'insideRight')],
        }, {height: 44, name: 'win'});
}

function marginChart(result) {
    const {margin, simulations} = result;
    const [from, to] = range([margin.histogram]);
    const data = shares(margin.histogram, simulations, from, to);
    const [a, b] = [result.teamA.name, result.teamB.name];
    return chart(`Margin: ${a} minus ${b}`,
        `Histogram of the final margin, ${a}'s points minus ${b}'s, from ${from} to ${to}: mean ${one(margin.mean)}, `
        + `standard deviation ${one(margin.stdDev)}, median ${margin.percentiles.p50}, the middle half of the games `
        + `between ${margin.percentiles.p25} and ${margin.percentiles.p75}.`, {
            tooltip: shareTooltip,
            grid: {left: 8, right: 16, top: 28, bottom: 28, containLabel: true},
            xAxis: {type: 'category', data: data.map(([v]) => v), name: 'points', nameLocation: 'middle',
                nameGap: 26, axisTick: {alignWithLabel: true}},
            yAxis: percentAxis,
            series: [{type: 'bar', name: 'games', barCategoryGap: '10%',
                data: data.map(([v, share]) => ({value: share,
                    itemStyle: {color: v > 0 ? TEAM_COLORS[0] : TEAM_COLORS[1]}}))}],
        }, {name: 'margin'});
}

function scoresChart(result) {
    const teams = [result.teamA, result.teamB];
    const [from, to] = range(teams.map((t) => t.points.histogram));
    const values = [];
    for (let v = from; v <= to; v++) {
        values.push(v);
    }
    return chart('Points scored',
        teams.map((t) => `${t.name} scores ${one(t.points.mean)} points on average (standard deviation `
            + `${one(t.points.stdDev)}; 90% of games between ${t.points.percentiles.p5} and `
            + `${t.points.percentiles.p95}).`).join(' '), {
            legend: {top: 0},
            tooltip: shareTooltip,
            grid: {left: 8, right: 16, top: 28, bottom: 28, containLabel: true},
            xAxis: {type: 'category', data: values, name: 'points', nameLocation: 'middle', nameGap: 26},
            yAxis: percentAxis,
            series: teams.map((t, i) => ({
                type: 'line', name: t.name, showSymbol: false, color: TEAM_COLORS[i], areaStyle: {opacity: 0.15},
                data: shares(t.points.histogram, result.simulations, from, to).map(([, share]) => share),
            })),
        }, {name: 'scores'});
}

const BOX_COUNTS = [['possessions', 'Possessions'], ['twoPointAttempts', '2-pt attempts'],
    ['threePointAttempts', '3-pt attempts'], ['freeThrowAttempts', 'FT attempts'], ['turnovers', 'Turnovers'],
    ['offensiveRebounds', 'Off. rebounds']];

function boxChart(result) {
    const teams = [result.teamA, result.teamB];
    return chart('Box score per game',
        BOX_COUNTS.map(([key, label]) => `${label}: ${teams.map((t) => `${t.name} ${one(t.box[key])}`)
            .join(', ')}.`).join(' '), {
            legend: {top: 0},
            tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: (v) => one(v)},
            xAxis: {type: 'value'},
            yAxis: {type: 'category', data: BOX_COUNTS.map(([, label]) => label), inverse: true},
            series: teams.map((t, i) => ({type: 'bar', name: t.name, color: TEAM_COLORS[i],
                data: BOX_COUNTS.map(([key]) => Number(t.box[key].toFixed(2)))})),
        }, {height: 300, name: 'box'});
}

/** The box scores as a table too: exact figures, and the percentages the chart leaves out. */
function boxTable(result) {
    const teams = [result.teamA, result.teamB];
    const rows = [['Points', (b) => one(b.points)], ['Possessions', (b) => one(b.possessions)],
        ['2-point attempts', (b) => one(b.twoPointAttempts)], ['2-point %', (b) => pct(b.twoPointPct)],
        ['3-point attempts', (b) => one(b.threePointAttempts)], ['3-point %', (b) => pct(b.threePointPct)],
        ['Free throws made / attempted', (b) => `${one(b.freeThrowsMade)} / ${one(b.freeThrowAttempts)}`],
        ['Turnovers', (b) => one(b.turnovers)], ['Offensive rebounds', (b) => one(b.offensiveRebounds)],
        ['Offensive rebound %', (b) => pct(b.offensiveReboundRate)]];
    return el('div', {class: 'scroll'}, el('table', {class: 'box'},
        el('caption', {}, 'Averages per game'),
        el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Stat'),
            teams.map((t) => el('th', {scope: 'col', class: 'num'}, t.name)))),
        el('tbody', {}, rows.map(([label, value]) => el('tr', {}, el('th', {scope: 'row'}, label),
            teams.map((t) => el('td', {class: 'num'}, value(t.box))))))));
}

function headline(result) {
    const {teamA: a, teamB: b, margin} = result;
    const favourite = a.winProbability >= b.winProbability ? a : b;
    const stat = (label, value, name) => el('div', {class: 'stat'}, el('dt', {}, label),
        el('dd', name ? {'data-value': name} : {}, value));
    return el('dl', {class: 'headline'},
        stat(`${a.name} wins`, pct(a.winProbability), 'win-a'),
        stat(`${b.name} wins`, pct(b.winProbability), 'win-b'),
        stat('Average score', `${one(a.meanPoints)}–${one(b.meanPoints)}`),
        stat(`Median margin (${a.name})`, `${margin.percentiles.p50 > 0 ? '+' : ''}${margin.percentiles.p50}`),
        stat('Overtime', pct(result.overtimeRate)),
        stat('Games', count(result.simulations)),
        el('p', {class: 'hint'}, `${favourite.name} is favoured; the standard error of a win probability is `
            + `${(100 * result.winProbabilityStdError).toFixed(2)} points.`));
}

export function renderMatchup(target, result, job) {
    disposeCharts();
    target.replaceChildren(
        el('h3', {}, 'Result'),
        headline(result),
        winChart(result),
        el('div', {class: 'charts'}, marginChart(result), scoresChart(result), boxChart(result)),
        boxTable(result));
    target.dataset.rendered = job.id;
}
