package dev.dingus.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** A Redis client aimed at a loopback port where nothing listens, for fail-open tests. Close it after use. */
public final class UnreachableRedis implements AutoCloseable {
    private final LettuceConnectionFactory connections;

    public UnreachableRedis() {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closed));
        connections.afterPropertiesSet();
        connections.start();
    }

    public ReactiveStringRedisTemplate template() {
        return new ReactiveStringRedisTemplate(connections);
    }

    @Override
    public void close() {
        connections.destroy();
    }
}
