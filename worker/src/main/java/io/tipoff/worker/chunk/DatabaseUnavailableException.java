package io.tipoff.worker.chunk;

/** The database stayed unreachable for as long as a worker retries: the chunk goes back to the queue, unharmed. */
class DatabaseUnavailableException extends RuntimeException {

    DatabaseUnavailableException(Throwable cause) {
        super("database unavailable: " + cause, cause);
    }
}
