package dev.dingus.gateway.socketsplice;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.NetUtil;
import java.lang.reflect.Constructor;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * Opens the connection to a node on the client connection's own event loop and transport (both ends of a splice
 * are then served by one thread, with no hand-off between them). A node given by name is resolved on a virtual
 * thread, never on the event loop; the JDK caches the answer.
 */
final class UpstreamConnector {
    private final ExecutorService resolver = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentHashMap<Class<?>, Constructor<? extends Channel>> constructors = new ConcurrentHashMap<>();

    /** Connects and calls back on the client's event loop with the channel, or with the failure. */
    void connect(Channel client, String host, int port, int timeoutMillis, ChannelHandler handler,
            BiConsumer<Channel, Throwable> done) {
        Constructor<? extends Channel> constructor = constructorLike(client);
        if (constructor == null) {
            done.accept(null, new IllegalStateException("transport " + client.getClass().getName() + " is not spliced"));
            return;
        }
        Bootstrap bootstrap = new Bootstrap()
                .group(client.eventLoop())
                .channelFactory(() -> newChannel(constructor))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, true)
                .handler(handler);
        if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
            listen(bootstrap.connect(new InetSocketAddress(host, port)), done);
            return;
        }
        CompletableFuture.supplyAsync(() -> new InetSocketAddress(host, port), resolver).whenComplete(
                (address, failure) -> client.eventLoop().execute(() -> {
                    if (failure != null || address.isUnresolved()) {
                        done.accept(null, failure != null ? failure : new IllegalStateException("unknown host " + host));
                    } else {
                        listen(bootstrap.connect(address), done);
                    }
                }));
    }

    private static void listen(ChannelFuture connecting, BiConsumer<Channel, Throwable> done) {
        connecting.addListener(f -> done.accept(f.isSuccess() ? connecting.channel() : null, f.cause()));
    }

    /** The client's socket channel class, if it can also open an outgoing connection (NIO, epoll, kqueue). */
    @SuppressWarnings("unchecked")
    private Constructor<? extends Channel> constructorLike(Channel client) {
        if (!(client instanceof SocketChannel)) {
            return null;
        }
        return constructors.computeIfAbsent(client.getClass(), type -> {
            try {
                return (Constructor<? extends Channel>) type.getConstructor();
            } catch (NoSuchMethodException e) {
                return null;
            }
        });
    }

    private static Channel newChannel(Constructor<? extends Channel> constructor) {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
