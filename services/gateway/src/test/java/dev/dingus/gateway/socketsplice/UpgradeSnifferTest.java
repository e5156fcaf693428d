package dev.dingus.gateway.socketsplice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.gateway.clientaddress.ClientAddresses;
import dev.dingus.gateway.clientaddress.TrustedProxiesSettings;
import dev.dingus.gateway.cors.CorsSettings;
import dev.dingus.gateway.routing.SocketIoUpstreams;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.netty.NettyPipeline;

/**
 * The sniffer on its own, in front of a stand-in for reactor-netty's HTTP codec: what it hands on untouched, and what
 * a client gets when the node cannot be reached (here: an in-memory channel, from which no node connection can be
 * opened).
 */
class UpgradeSnifferTest {
    private static final String UPGRADE = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: chat.example\r\n"
            + RawUpgrade.HEADERS;

    private final SocketIoSplice splice = new SocketIoSplice(
            new SocketIoUpstreams(URI.create("http://127.0.0.1:3013"), ""),
            new ClientAddresses(new TrustedProxiesSettings(List.of())),
            new CorsSettings(List.of("http://localhost:5173")), true, false, 2000);
    private final List<String> handedOn = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    UpgradeSnifferTest() {
        channel.pipeline().addLast(NettyPipeline.HttpCodec, new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf bytes = (ByteBuf) msg;
                handedOn.add(bytes.toString(StandardCharsets.ISO_8859_1));
                bytes.release();
            }
        });
        channel.pipeline().addBefore(NettyPipeline.HttpCodec, SocketIoSplice.HANDLER_NAME, new UpgradeSniffer(splice));
    }

    @Test
    void anotherRequestIsHandedOnAtItsFirstBytesAndTheSnifferStepsOut() {
        channel.writeInbound(ascii("GET /api/v1/rooms HTTP/1.1\r\n"));
        channel.writeInbound(ascii("Host: chat.example\r\n\r\n"));

        assertThat(String.join("", handedOn)).isEqualTo("GET /api/v1/rooms HTTP/1.1\r\nHost: chat.example\r\n\r\n");
        assertThat(channel.pipeline().get(SocketIoSplice.HANDLER_NAME)).isNull();
    }

    @Test
    void aPollingRequestIsHandedOnWholeOnceItsHeadIsComplete() {
        String polling = "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: chat.example\r\n\r\n";
        channel.writeInbound(ascii(polling.substring(0, 20)));
        assertThat(handedOn).isEmpty();

        channel.writeInbound(ascii(polling.substring(20)));

        assertThat(String.join("", handedOn)).isEqualTo(polling);
    }

    @Test
    void anUpgradeFromAForeignOriginIsHandedOnForTheGatewayToRefuse() {
        String upgrade = UPGRADE + "Origin: http://evil.example\r\n\r\n";
        channel.writeInbound(ascii(upgrade));

        assertThat(String.join("", handedOn)).isEqualTo(upgrade);
    }

    @Test
    void aHeadLongerThanTheLimitIsHandedOnForTheGatewayToRefuse() {
        String start = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nX-Long: " + "a".repeat(9000);
        channel.writeInbound(ascii(start));

        assertThat(String.join("", handedOn)).isEqualTo(start);
    }

    @Test
    void anUpgradeWhoseNodeCannotBeReachedIsA503ProblemAndTheConnectionCloses() {
        channel.writeInbound(ascii(UPGRADE + "X-Request-Id: req-1\r\n\r\n"));
        channel.runPendingTasks();

        ByteBuf written = channel.readOutbound();
        String answer = written.toString(StandardCharsets.ISO_8859_1);
        written.release();
        assertThat(answer).startsWith("HTTP/1.1 503 Service Unavailable\r\n")
                .contains("Content-Type: application/problem+json").contains("X-Request-Id: req-1")
                .contains("\"code\":\"service_unavailable\"").contains("\"requestId\":\"req-1\"")
                .contains("\"instance\":\"/socket.io/\"");
        assertThat(handedOn).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }
}
