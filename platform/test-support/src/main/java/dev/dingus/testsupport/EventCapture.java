package dev.dingus.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * Listens on a test's event exchange through a queue of its own and keeps every message, so a test can
 * assert what was published and how often. Close it at the end of the test.
 */
public final class EventCapture implements AutoCloseable {
    private final SimpleMessageListenerContainer container;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    private EventCapture(SimpleMessageListenerContainer container) {
        this.container = container;
    }

    /** Binds a fresh auto-delete queue to {@code exchange} with {@code routingPattern} (e.g. {@code user.#}). */
    public static EventCapture start(ConnectionFactory connections, String exchange, String routingPattern) {
        RabbitAdmin admin = new RabbitAdmin(connections);
        TopicExchange topic = new TopicExchange(exchange, true, true);
        admin.declareExchange(topic);
        // Not AnonymousQueue: it sets x-queue-leader-locator, which RabbitMQ before 3.12 refuses.
        Queue queue = new Queue("test.capture." + TestInfrastructure.uniqueId(), false, true, true);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(topic).with(routingPattern));
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueues(queue);
        EventCapture capture = new EventCapture(container);
        container.setMessageListener(capture.messages::add);
        container.start();
        return capture;
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** The bodies (JSON envelopes) of messages whose routing key is {@code type}. */
    public List<String> bodiesOf(String type) {
        return messages.stream().filter(m -> type.equals(m.getMessageProperties().getReceivedRoutingKey()))
                .map(m -> new String(m.getBody(), StandardCharsets.UTF_8)).toList();
    }

    /** Waits until {@code condition} holds for the captured bodies of {@code type}, or fails after {@code timeout}. */
    public List<String> await(String type, Predicate<List<String>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> bodies = bodiesOf(type);
            if (condition.test(bodies)) {
                return bodies;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Events of type " + type + " did not arrive as expected within " + timeout
                + "; got " + bodiesOf(type).size());
    }

    @Override
    public void close() {
        container.stop();
    }
}
