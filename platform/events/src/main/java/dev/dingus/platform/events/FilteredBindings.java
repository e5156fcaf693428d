package dev.dingus.platform.events;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.context.SmartLifecycle;

/**
 * Removes, once at start, the direct binding of each type this service now takes only some events of
 * ({@link EventHandler#onlyWithHeaders}). A broker set up by an earlier version still has it, and through it
 * every event of the type would keep arriving. If the broker is not reachable at start the binding stays until
 * the next start. Until then the extra events only cost work: consumers drop repeats by event id, and
 * {@link EventHandler#concerns} drops the rest.
 */
public class FilteredBindings implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(FilteredBindings.class);

    private final AmqpAdmin admin;
    private final EventsProperties props;
    private final Map<String, List<Map<String, String>>> subscriptions;
    private volatile boolean running;

    FilteredBindings(AmqpAdmin admin, EventsProperties props, Map<String, List<Map<String, String>>> subscriptions) {
        this.admin = admin;
        this.props = props;
        this.subscriptions = subscriptions;
    }

    /** Removes the direct bindings of the filtered types; visible for tests. */
    public void removeDirectBindings() {
        subscriptions.forEach((type, filters) -> {
            if (!filters.isEmpty()) {
                admin.removeBinding(new Binding(props.queue(), Binding.DestinationType.QUEUE, props.exchange(), type, null));
            }
        });
    }

    @Override
    public void start() {
        running = true;
        try {
            removeDirectBindings();
        } catch (AmqpException e) {
            log.info("Could not check for outdated event bindings now (RabbitMQ: {}); trying again at the next start",
                    e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
