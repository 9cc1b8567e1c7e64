package io.tipoff.api.dispatch;

import io.tipoff.messaging.Lane;
import java.util.Arrays;
import org.springframework.context.ApplicationContext;

/**
 * What a running api's dispatcher counts, for tests in other packages and modules: its count of consumers is the one
 * its windows are sized by, refreshed from the broker at most once per {@link QueueDepth#CONSUMERS_FRESH}.
 */
public final class DispatcherView {

    private DispatcherView() {
    }

    /** The consumers of every lane as the dispatcher counts them (asking refreshes a count that is not fresh). */
    public static long consumers(ApplicationContext api) {
        QueueDepth queues = api.getBean(QueueDepth.class);
        return Arrays.stream(Lane.values()).mapToLong(queues::consumers).sum();
    }
}
