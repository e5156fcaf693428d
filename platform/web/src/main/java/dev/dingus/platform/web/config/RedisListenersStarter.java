package dev.dingus.platform.web.config;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Starts every Redis pub/sub listener container in the background and keeps trying until Redis answers,
 * so a service can start (and serve what does not need Redis) while Redis is down. Spring's own
 * auto-start would fail the whole application instead.
 */
public class RedisListenersStarter implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RedisListenersStarter.class);
    private static final long RETRY_MILLIS = 2_000;

    private final ObjectProvider<RedisMessageListenerContainer> containers;
    private volatile boolean running;

    public RedisListenersStarter(ObjectProvider<RedisMessageListenerContainer> containers) {
        this.containers = containers;
    }

    /** Takes the containers' start away from Spring's lifecycle; {@link #start()} does it instead. */
    public static BeanPostProcessor deferAutoStartup() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof RedisMessageListenerContainer container) {
                    container.setAutoStartup(false);
                }
                return bean;
            }
        };
    }

    @Override
    public void start() {
        running = true;
        List<RedisMessageListenerContainer> all = containers.orderedStream().toList();
        Thread.ofVirtual().name("redis-listeners-starter").start(() -> all.forEach(this::startWithRetries));
    }

    private void startWithRetries(RedisMessageListenerContainer container) {
        while (running && !container.isRunning()) {
            try {
                container.start();
            } catch (RuntimeException e) {
                log.warn("Redis listeners not started yet ({}); retrying in {} ms", e.getMessage(), RETRY_MILLIS);
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        containers.orderedStream().forEach(RedisMessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
