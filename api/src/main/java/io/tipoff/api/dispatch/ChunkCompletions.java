package io.tipoff.api.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the {@link Dispatcher} the moment a worker stores a chunk: the worker's store transaction sends a PostgreSQL
 * notification on {@value #CHANNEL} when it commits, and this api listens on a connection of its own. A slot freed on
 * any worker is refilled within milliseconds, not at the next dispatch interval (which still runs, should a
 * notification be missed while the database was away).
 */
@Component
class ChunkCompletions implements SmartLifecycle {

    /** The channel workers notify on; a notification carries no payload (the round reads the state). */
    static final String CHANNEL = "tipoff_chunk_stored";

    private static final Logger log = LoggerFactory.getLogger(ChunkCompletions.class);
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final Dispatcher dispatcher;
    private volatile boolean running;
    private Thread listener;

    ChunkCompletions(DataSource dataSource, Dispatcher dispatcher) {
        this.dataSource = dataSource;
        this.dispatcher = dispatcher;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "chunk-completions");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        dispatcher.wake();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.debug("Not listening for stored chunks ({}); trying again", e.toString());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
