-- The W3C trace context (traceparent) of the request that submitted the job, when that request was traced: the chunks,
-- published later by the outbox relay, continue its trace (README, Tracing). Null when tracing is off.
alter table jobs add column trace_parent text check (length(trace_parent) <= 100);
