package dev.dingus.platform.events;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.platform.events.consumer.EventDispatcher;
import dev.dingus.platform.events.consumer.JdbcProcessedEvents;
import dev.dingus.platform.events.consumer.ProcessedEvents;
import dev.dingus.platform.events.consumer.ProcessedEventsRetention;
import dev.dingus.platform.events.consumer.RedisProcessedEvents;
import dev.dingus.platform.events.outbox.AutovacuumCheck;
import dev.dingus.platform.events.outbox.Outbox;
import dev.dingus.platform.events.outbox.OutboxRelay;
import dev.dingus.platform.events.outbox.RelayedEventsListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.HeadersExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Declares the exchange, this service's queue and its dead-letter queue, the confirmed publisher, the outbox
 * (when the service has a database) and the consumer of every {@link EventHandler} bean.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@EnableConfigurationProperties(EventsProperties.class)
public class DingusEventsAutoConfiguration {

    /**
     * Publishing events relies on broker confirms, whatever the service's other RabbitMQ settings say: simple
     * confirms, which the publishing thread waits for on its channel (correlated ones hand every confirm to a
     * thread pool, a measurable share of message-service's CPU under load).
     */
    @Bean
    static BeanPostProcessor publisherConfirmsOn() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof CachingConnectionFactory factory && !factory.isSimplePublisherConfirms()) {
                    factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
                }
                return bean;
            }
        };
    }

    @Bean
    EventsTopology eventsTopology(EventsProperties props, Environment env) {
        String exchange = props.exchange() != null ? props.exchange() : EventTypes.EXCHANGE;
        String queue = props.queue() != null ? props.queue() : env.getProperty("spring.application.name", "dingus") + ".events";
        return new EventsTopology(props.withNames(exchange, queue));
    }

    @Bean
    EventPublisher eventPublisher(RabbitTemplate rabbit, JsonMapper json, EventsTopology topology, Environment env,
            ObjectProvider<EventHeaders> headers) {
        return new EventPublisher(rabbit, json, topology.props().exchange(), env.getProperty("spring.application.name", "dingus"),
                headers.getIfAvailable(() -> EventHeaders.NONE));
    }

    @Bean
    Declarables dingusEventDeclarables(EventsTopology topology, ObjectProvider<EventHandler<?>> handlers) {
        EventsProperties p = topology.props();
        List<Declarable> declarables = new ArrayList<>();
        TopicExchange exchange = new TopicExchange(p.exchange(), true, p.temporary());
        declarables.add(exchange);
        List<EventHandler<?>> all = handlers.orderedStream().toList();
        if (!all.isEmpty()) {
            DirectExchange dlx = new DirectExchange(p.deadLetterExchange(), true, p.temporary());
            Map<String, Object> args = new HashMap<>();
            args.put("x-dead-letter-exchange", p.deadLetterExchange());
            args.put("x-dead-letter-routing-key", p.deadLetterQueue());
            Queue queue = new Queue(p.queue(), true, false, p.temporary(), args);
            Queue dlq = new Queue(p.deadLetterQueue(), true, false, p.temporary());
            declarables.add(dlx);
            declarables.add(queue);
            declarables.add(dlq);
            declarables.add(BindingBuilder.bind(dlq).to(dlx).with(p.deadLetterQueue()));
            subscriptions(all).forEach((type, filters) -> {
                if (filters.isEmpty()) {
                    declarables.add(BindingBuilder.bind(queue).to(exchange).with(type));
                    return;
                }
                // Only some events of this type: through a headers exchange of this queue's own, which drops the rest.
                HeadersExchange filter = new HeadersExchange(p.filterExchange(type), true, p.temporary());
                declarables.add(filter);
                declarables.add(BindingBuilder.bind(filter).to(exchange).with(type));
                filters.forEach(headers -> declarables.add(BindingBuilder.bind(queue).to(filter)
                        .whereAll(new HashMap<String, Object>(headers)).match()));
            });
        }
        return new Declarables(declarables);
    }

    /**
     * Each event type this service handles, with its header filters: none (every event of the type) as soon as one
     * of its handlers wants them all.
     */
    static Map<String, List<Map<String, String>>> subscriptions(List<EventHandler<?>> handlers) {
        Map<String, List<Map<String, String>>> byType = new LinkedHashMap<>();
        for (EventHandler<?> handler : handlers) {
            List<Map<String, String>> filters = byType.get(handler.type());
            if (filters != null && filters.isEmpty()) {
                continue;
            }
            if (handler.onlyWithHeaders().isEmpty()) {
                byType.put(handler.type(), List.of());
            } else {
                List<Map<String, String>> merged = new ArrayList<>(filters == null ? List.of() : filters);
                merged.addAll(handler.onlyWithHeaders());
                byType.put(handler.type(), merged);
            }
        }
        return byType;
    }

    /**
     * A type that became filtered keeps its old direct binding on a broker that had it (declarations only add),
     * and every event of the type would still arrive: removed once at start.
     */
    @Bean
    @ConditionalOnBean(EventHandler.class)
    FilteredBindings dingusFilteredBindings(AmqpAdmin admin, EventsTopology topology, List<EventHandler<?>> handlers) {
        return new FilteredBindings(admin, topology.props(), subscriptions(handlers));
    }

    @Bean
    @ConditionalOnBean(EventHandler.class)
    SimpleMessageListenerContainer dingusEventListenerContainer(ConnectionFactory connections, EventsTopology topology,
            List<EventHandler<?>> handlers, ProcessedEvents processed, ObjectProvider<TransactionTemplate> tx,
            ObjectProvider<DataSource> dataSource, JsonMapper json) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(topology.props().queue());
        // One consumer keeps each service's view of membership changes in publish order.
        container.setConcurrentConsumers(1);
        container.setPrefetchCount(50);
        container.setDefaultRequeueRejected(false);
        container.setMissingQueuesFatal(false);
        TransactionTemplate template = dataSource.getIfAvailable() != null ? tx.getIfAvailable() : null;
        container.setMessageListener(new EventDispatcher(handlers, processed, template, json, container::isRunning));
        return container;
    }

    /** Services with spring-jdbc on the class path have a database (presence-service excludes it). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.jdbc.core.simple.JdbcClient")
    static class WithDatabase {
        @Bean
        @ConditionalOnMissingBean
        OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate tx, EventPublisher publisher, JsonMapper json,
                EventsTopology topology, ObjectProvider<RelayedEventsListener> listeners) {
            return new OutboxRelay(jdbc, tx, publisher, json, topology.props(), listeners.orderedStream().toList());
        }

        @Bean
        AutovacuumCheck dingusAutovacuumCheck(JdbcClient jdbc) {
            return new AutovacuumCheck(jdbc);
        }

        @Bean
        @ConditionalOnMissingBean
        Outbox outbox(JdbcClient jdbc, JsonMapper json, Environment env, OutboxRelay relay) {
            return new Outbox(jdbc, json, env.getProperty("spring.application.name", "dingus"), relay);
        }

        @Bean
        @ConditionalOnMissingBean(ProcessedEvents.class)
        JdbcProcessedEvents jdbcProcessedEvents(JdbcClient jdbc) {
            return new JdbcProcessedEvents(jdbc);
        }

        /** Prunes the table above only: a service that brings its own {@link ProcessedEvents} looks after that store. */
        @Bean
        @ConditionalOnBean(JdbcProcessedEvents.class)
        ProcessedEventsRetention processedEventsRetention(JdbcProcessedEvents processed, EventsProperties props) {
            return new ProcessedEventsRetention(processed, props.processedRetention(), props.processedPruneInterval(),
                    props.processedPruneBatchSize());
        }

        /**
         * The outbox and processed-event tables come with this library, next to the service's own migrations.
         * Its versions (V0_x) sort below every service's own, so one added later is older than what existing
         * databases already applied, and Flyway refuses to start unless out-of-order migrations are allowed.
         */
        @Bean
        @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
        FlywayConfigurationCustomizer dingusEventsMigrations() {
            return config -> {
                config.outOfOrder(true);
                List<String> locations = new ArrayList<>();
                for (var location : config.getLocations()) {
                    locations.add(location.getDescriptor());
                }
                if (!locations.contains("classpath:db/events")) {
                    locations.add("classpath:db/events");
                }
                config.locations(locations.toArray(String[]::new));
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.jdbc.core.simple.JdbcClient")
    static class WithoutDatabase {
        @Bean
        @ConditionalOnMissingBean
        ProcessedEvents redisProcessedEvents(StringRedisTemplate redis, Environment env, EventsProperties props) {
            return new RedisProcessedEvents(redis, env.getProperty("dingus.redis.prefix", "dingus:"),
                    props.processedRetention());
        }
    }

    /** The resolved names (exchange, queue) this service uses. */
    public record EventsTopology(EventsProperties props) {}
}
