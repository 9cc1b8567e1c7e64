// Talking to the api: JSON in and out, problems (RFC 9457) turned into errors, the optional API key sent with every
// request (the api wants it for changes, and for reads too when it protects them), and the formats the pages share.

const KEY = 'tipoff.apiKey';

export const apiKey = {
    get: () => sessionStorage.getItem(KEY) || '',
    set: (value) => value ? sessionStorage.setItem(KEY, value) : sessionStorage.removeItem(KEY),
};

/** An answer that was not 2xx, with the problem body the api sent (detail, errors by field). */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problem.detail || problem.title || `HTTP ${status}`);
        this.status = status;
        this.problem = problem;
    }
}

async function call(method, path, body) {
    const headers = {Accept: 'application/json'};
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    if (apiKey.get()) {
        headers['X-API-Key'] = apiKey.get();
    }
    const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
        throw new ApiError(response.status, data || {});
    }
    return data;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const del = (path) => call('DELETE', path);

const percent1 = new Intl.NumberFormat('en', {style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1});
const whole = new Intl.NumberFormat('en');
const decimal1 = new Intl.NumberFormat('en', {minimumFractionDigits: 1, maximumFractionDigits: 1});

/** 0.61087 → "61.1%" */
export const pct = (p) => percent1.format(p);
/** 1000000 → "1,000,000" */
export const count = (n) => whole.format(n);
/** 63.894 → "63.9" */
export const one = (x) => decimal1.format(x);

/** A short name for a job: "Virginia vs Texas Tech", "2019 tournament". */
export function describe(job) {
    if (job.matchup) {
        return `${job.matchup.teamA.name} vs ${job.matchup.teamB.name}`;
    }
    const t = job.tournament;
    if (job.type === 'BRACKET_POOL') {
        return `${t.season} bracket pool`;
    }
    return t.season ? `${t.season} tournament` : `Tournament of ${t.teams.length} teams`;
}

/** Creates an element with attributes and children (strings become text, never HTML). */
export function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value !== null && value !== undefined && value !== false) {
            node.setAttribute(name, value === true ? '' : value);
        }
    }
    node.append(...children.flat().filter((c) => c !== null && c !== undefined));
    return node;
}
