// The dashboard: submit a job, follow it live over server-sent events, show its result, list recent jobs.
// The job on show is in the address (#job=ID), so a result can be bookmarked, shared and reloaded.

import {apiKey, count, del, describe, el, get, pct, post} from './api.js';
import {setUpForm} from './form.js';
import {renderMatchup} from './matchup.js';
import {renderPool} from './pool.js';
import {renderTournament} from './tournament.js';

const $ = (id) => document.getElementById(id);

/** The job on show and its event stream, if it is still running. */
let current = {id: null, events: null};

function jobFromAddress() {
    const match = /^#job=([0-9a-f-]{36})$/i.exec(location.hash);
    return match ? match[1] : null;
}

async function show(id) {
    if (current.events) {
        current.events.close();
    }
    current = {id, events: null};
    $('job').hidden = !id;
    $('result').replaceChildren();
    if (!id) {
        return;
    }
    let job;
    try {
        job = await get(`/api/v1/jobs/${id}`);
    } catch (e) {
        $('job-title').textContent = e.status === 404 ? 'Job not found' : 'The job cannot be shown';
        $('job-summary').textContent = e.message;
        setProgress(null);
        return;
    }
    $('job-title').textContent = describe(job);
    $('job-summary').textContent = summary(job);
    setProgress(job);
    if (job.status === 'COMPLETED') {
        await showResult(job);
    } else if (!isFinal(job.status)) {
        follow(job);
    }
}

function summary(job) {
    const parts = [`${count(job.simulations)} ${job.type === 'MATCHUP' ? 'games' : 'tournaments'}`,
        `seed ${job.seed}`, `${count(job.chunks)} chunk${job.chunks === 1 ? '' : 's'}`];
    if (job.matchup && job.matchup.venue !== 'NEUTRAL') {
        parts.push(job.matchup.venue === 'TEAM_A_HOME' ? `${job.matchup.teamA.name} at home`
            : `${job.matchup.teamB.name} at home`);
    }
    const state = job.matchup?.state;
    if (state) {
        const period = state.period <= 2 ? `${state.period === 1 ? '1st' : '2nd'} half`
            : `overtime ${state.period - 2}`;
        const clock = `${Math.floor(state.secondsLeft / 60)}:${String(state.secondsLeft % 60).padStart(2, '0')}`;
        parts.push(`from ${state.teamAPoints}–${state.teamBPoints}, ${clock} left in the ${period}`
            + (state.possession ? `, ${state.possession === 'TEAM_A' ? job.matchup.teamA.name
                : job.matchup.teamB.name} with the ball` : ''));
    }
    const decided = Object.keys(job.tournament?.results ?? {}).length;
    if (decided) {
        parts.push(`${decided} game${decided === 1 ? '' : 's'} decided`);
    }
    return parts.join(' · ');
}

const isFinal = (status) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(status);

/** Follows a running job: a progress event moves the bar, the last event shows the result (or why there is none). */
function follow(job) {
    const events = new EventSource(`/api/v1/jobs/${job.id}/events`);
    current.events = events;
    const finished = async (progress) => {
        loadRecent();
        if (progress.status === 'COMPLETED' && current.id === job.id) {
            await showResult(job);
        }
    };
    events.addEventListener('progress', (event) => update(job, JSON.parse(event.data)));
    for (const name of ['completed', 'failed', 'cancelled']) {
        events.addEventListener(name, (event) => {
            // The stream ends after its last event; without close() the browser would connect again.
            events.close();
            finished(update(job, JSON.parse(event.data)));
        });
    }
    // A dropped connection is opened again by EventSource itself. One refused outright (an api that wants a key for
    // reads: an EventSource cannot send one) is not, so the job is then read once a second instead.
    events.addEventListener('error', () => {
        if (events.readyState === EventSource.CLOSED && current.events === events) {
            poll(job, finished);
        }
    });
}

async function poll(job, finished) {
    while (current.id === job.id) {
        const progress = update(job, await get(`/api/v1/jobs/${job.id}`));
        if (isFinal(progress.status)) {
            await finished(progress);
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
    }
}

/** Shows a job's progress on the bar and on its line in the list. */
function update(job, progress) {
    setProgress(progress);
    document.querySelector(`#recent tr[data-job="${job.id}"] td:nth-child(3)`)
        ?.replaceChildren(...statusOf(progress));
    return progress;
}

const WORDS = {QUEUED: 'Queued', RUNNING: 'Running', COMPLETED: 'Completed', FAILED: 'Failed',
    CANCELLED: 'Cancelled'};

/** What was last announced: screen readers hear when the status or the quarter changes, not every event. */
let lastAnnounced = '';

function setProgress(progress) {
    const bar = $('progress');
    const percent = progress ? Math.floor(progress.progress * 100) : 0;
    bar.setAttribute('aria-valuenow', percent);
    bar.querySelector('.bar').style.width = `${percent}%`;
    bar.dataset.status = progress ? progress.status : '';
    $('progress-text').textContent = `${percent}%`;
    $('cancel').hidden = !progress || isFinal(progress.status);
    if (!progress) {
        $('progress-detail').textContent = '';
        $('progress-status').textContent = '';
        return;
    }
    const detail = `${count(progress.simulationsCompleted)} of ${count(progress.simulations)} simulated, `
        + `${count(progress.chunksCompleted)} of ${count(progress.chunks)} chunks`;
    bar.setAttribute('aria-valuetext', `${percent}%: ${detail}`);
    const text = progress.status === 'FAILED' ? `Failed: ${progress.error}` : `${WORDS[progress.status]}: ${detail}.`;
    $('progress-detail').textContent = text;
    const announcement = progress.status === 'RUNNING'
        ? `Running, ${Math.floor(percent / 25) * 25}% done` : text;
    if (announcement !== lastAnnounced) {
        lastAnnounced = announcement;
        $('progress-status').textContent = announcement;
    }
}

async function showResult(job) {
    const result = await get(`/api/v1/jobs/${job.id}/result`);
    if (current.id !== job.id) {
        return;
    }
    const target = $('result');
    if (job.type === 'BRACKET_POOL') {
        renderPool(target, result, job);
    } else if (job.type === 'TOURNAMENT') {
        renderTournament(target, result, job, submit);
    } else {
        renderMatchup(target, result, job);
    }
}

/** A job's status as the list shows it: "running 45.0%", "completed". */
const statusOf = (job) => [el('span', {class: `status-${job.status.toLowerCase()}`}, job.status.toLowerCase()),
    isFinal(job.status) ? '' : ` ${pct(job.progress)}`];

async function loadRecent() {
    const body = $('recent').querySelector('tbody');
    try {
        const page = await get('/api/v1/jobs?limit=20');
        body.replaceChildren(...page.jobs.map((job) => el('tr', {'data-job': job.id},
            el('td', {}, el('a', {href: `#job=${job.id}`}, describe(job))),
            el('td', {class: 'num'}, count(job.simulations)),
            el('td', {}, ...statusOf(job)),
            el('td', {}, el('time', {datetime: job.createdAt}, new Date(job.createdAt).toLocaleString())))));
        if (page.jobs.length === 0) {
            body.append(el('tr', {}, el('td', {colspan: 4}, 'No jobs yet.')));
        }
    } catch (e) {
        body.replaceChildren(el('tr', {}, el('td', {colspan: 4}, `Jobs cannot be listed: ${e.message}`)));
    }
}

/** Each key's open jobs and its share of the chunks in flight (GET /api/v1/queue), refreshed with the list. */
async function loadShares() {
    const body = $('shares').querySelector('tbody');
    try {
        const queue = await get('/api/v1/queue');
        const lanes = queue.lanes.map((l) => `${l.lane.toLowerCase()}: ${count(l.consumers)} consumers, window ${count(l.window)}`);
        $('share-summary').textContent = `${count(queue.backlogChunks)} chunks of open jobs not yet played; ${lanes.join('; ')}.`;
        body.replaceChildren(...queue.keys.map((k) => el('tr', {},
            el('td', {}, k.key),
            el('td', {class: 'num'}, count(k.jobs)),
            el('td', {class: 'num'}, count(k.chunksInFlight)),
            el('td', {class: 'num'}, pct(k.share)),
            el('td', {class: 'num'}, count(k.gamesQueued)))));
        if (queue.keys.length === 0) {
            body.append(el('tr', {}, el('td', {colspan: 5}, 'No open jobs.')));
        }
    } catch (e) {
        body.replaceChildren(el('tr', {}, el('td', {colspan: 5}, `The shares cannot be read: ${e.message}`)));
    }
}

async function submit(request) {
    const job = await post('/api/v1/jobs', request);
    location.hash = `job=${job.id}`;
    loadRecent();
    loadShares();
    $('job-title').focus();
}

function setUpApiKey() {
    const input = $('api-key');
    input.value = apiKey.get();
    input.addEventListener('change', () => apiKey.set(input.value.trim()));
}

$('cancel').addEventListener('click', async () => {
    try {
        setProgress(await del(`/api/v1/jobs/${current.id}`));
        if (current.events) {
            current.events.close();
        }
        loadRecent();
    } catch (e) {
        $('progress-detail').textContent = `Not cancelled: ${e.message}`;
        $('progress-status').textContent = `Not cancelled: ${e.message}`;
    }
});
$('refresh').addEventListener('click', () => {
    loadRecent();
    loadShares();
});
window.addEventListener('hashchange', () => show(jobFromAddress()));

setUpApiKey();
loadRecent();
loadShares();
setInterval(loadShares, 2000);
show(jobFromAddress());
setUpForm(submit).catch((e) => {
    $('form-error').textContent = `The form cannot load its seasons: ${e.message}`;
});
