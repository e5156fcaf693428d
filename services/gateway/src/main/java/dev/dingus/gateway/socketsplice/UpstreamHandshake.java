package dev.dingus.gateway.socketsplice;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The node's side while the upgrade is being answered: reads the status line of the node's answer and passes every
 * byte on to the client. A 101 turns the two connections into a splice; any other answer (a refused origin, an
 * unknown session) reaches the client as the node wrote it, and the connections close once the client had time to
 * read it: a connection that was not upgraded is never used for another request.
 */
final class UpstreamHandshake extends ChannelInboundHandlerAdapter {
    /** "HTTP/1.1 101" */
    private static final int STATUS_LINE_PREFIX = 12;
    static final long REFUSED_CLOSE_SECONDS = 10;

    private final UpgradeSniffer sniffer;
    /** The sniffer's place on the client's connection: writes from there skip reactor-netty's handlers. */
    private final ChannelHandlerContext client;
    private int status = -1;

    UpstreamHandshake(UpgradeSniffer sniffer, ChannelHandlerContext client) {
        this.sniffer = sniffer;
        this.client = client;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        if (status < 0) {
            if (bytes.readableBytes() < STATUS_LINE_PREFIX) {
                // A status line split over reads is so rare that refusing the splice is simplest: close both.
                bytes.release();
                ctx.close();
                client.close();
                return;
            }
            status = statusOf(bytes);
            client.write(bytes, client.voidPromise());
            if (status == 101) {
                client.flush();
                sniffer.upgraded(client, ctx);
            } else {
                sniffer.refused(client.channel(), status);
                ctx.executor().schedule(() -> {
                    ctx.close();
                    client.close();
                }, REFUSED_CLOSE_SECONDS, TimeUnit.SECONDS);
            }
            return;
        }
        client.write(bytes, client.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        client.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Relay.closeAfterFlush(client);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        SocketIoSplice.debug("node connection failed during the upgrade", cause);
        ctx.close();
    }

    private static int statusOf(ByteBuf bytes) {
        String line = bytes.toString(bytes.readerIndex(), STATUS_LINE_PREFIX, StandardCharsets.US_ASCII);
        if (!line.startsWith("HTTP/1.1 ")) {
            return 502;
        }
        try {
            return Integer.parseInt(line.substring(9, 12));
        } catch (NumberFormatException e) {
            return 502;
        }
    }
}
