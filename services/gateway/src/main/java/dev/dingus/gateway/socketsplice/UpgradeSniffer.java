package dev.dingus.gateway.socketsplice;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * First handler of a gateway connection (after TLS): holds the connection's first bytes until it can tell whether
 * they are a Socket.IO WebSocket upgrade to splice. If not, it steps out of the pipeline and passes them on to
 * reactor-netty unchanged; if so, it connects to the node and keeps what the client sends until the node agreed to
 * the upgrade. A node that cannot be reached gets the client a 503 problem, as any unreachable service does. Only the first request of a connection is looked at: WebSocket clients open a fresh connection.
 */
final class UpgradeSniffer extends ChannelInboundHandlerAdapter {
    private static final byte[] PREFIX = ("GET " + UpgradeRequest.PATH_PREFIX).getBytes(StandardCharsets.US_ASCII);

    private final SocketIoSplice splice;
    /** What the client sent so far: the head, then anything after it until the node answered. */
    private ByteBuf received;
    private SocketIoSplice.Splice plan;
    private int headLength;

    UpgradeSniffer(SocketIoSplice splice) {
        this.splice = splice;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            handOff(ctx);
            ctx.fireChannelRead(msg);
            return;
        }
        received = received == null ? bytes : Unpooled.wrappedBuffer(received, bytes);
        if (plan != null) {
            return; // connecting or waiting for the node's answer: sent on after the 101
        }
        if (!startsLikeAnUpgrade(received)) {
            handOff(ctx);
            return;
        }
        headLength = UpgradeRequest.headLength(received);
        if (headLength < 0) {
            if (received.readableBytes() > UpgradeRequest.MAX_HEAD_BYTES) {
                handOff(ctx);
            }
            return;
        }
        UpgradeRequest request = UpgradeRequest.parse(received, headLength);
        plan = request == null ? null : splice.plan(request, ctx.channel());
        if (plan == null) {
            handOff(ctx);
            return;
        }
        ctx.channel().config().setAutoRead(false);
        SocketIoSplice.Splice decided = plan;
        splice.connector().connect(ctx.channel(), plan.host(), plan.port(), splice.connectTimeoutMillis(),
                new UpstreamHandshake(this, ctx), (channel, failure) -> connected(ctx, decided, channel, failure));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Still reading the head: ask for the rest (reactor-netty reads on demand, not automatically).
        if (plan == null) {
            ctx.read();
        }
    }

    private void connected(ChannelHandlerContext ctx, SocketIoSplice.Splice decided, Channel channel, Throwable failure) {
        if (!ctx.channel().isActive()) {
            if (channel != null) {
                channel.close();
            }
            return;
        }
        if (channel == null) {
            SocketIoSplice.debug("node " + decided.host() + ":" + decided.port() + " unreachable", failure);
            release();
            ctx.writeAndFlush(Unpooled.wrappedBuffer(splice.nodeUnavailable(decided)))
                    .addListener(ChannelFutureListener.CLOSE);
            splice.ended(decided, 503);
            return;
        }
        ctx.channel().closeFuture().addListener(f -> channel.close());
        channel.writeAndFlush(Unpooled.wrappedBuffer(decided.head()));
    }

    /** The node answered the upgrade with 101: from now on bytes flow both ways untouched. */
    void upgraded(ChannelHandlerContext clientCtx, ChannelHandlerContext upstreamCtx) {
        if (received == null || !clientCtx.channel().isActive()) {
            upstreamCtx.close(); // the client left while the node was answering
            return;
        }
        ByteBuf early = received.skipBytes(headLength);
        received = null;
        SocketIoSplice.Splice done = plan;
        Channel client = clientCtx.channel();
        Relay.join(client.pipeline(), clientCtx, SocketIoSplice.HANDLER_NAME, upstreamCtx.pipeline(), upstreamCtx);
        if (early.isReadable()) {
            upstreamCtx.channel().writeAndFlush(early);
        } else {
            early.release();
        }
        client.config().setAutoRead(true);
        client.closeFuture().addListener(f -> splice.ended(done, 101));
    }

    /** The node refused the upgrade: its answer goes to the client, then both connections close. */
    void refused(Channel client, int status) {
        if (received != null) {
            received.release();
            received = null;
        }
        SocketIoSplice.Splice done = plan;
        client.closeFuture().addListener(f -> splice.ended(done, status));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (plan == null) {
            ctx.fireExceptionCaught(cause);
        } else {
            SocketIoSplice.debug("client connection failed", cause);
            ctx.close();
        }
    }

    /** Steps out of the pipeline; what arrived so far goes on to reactor-netty as if this handler never was. */
    private void handOff(ChannelHandlerContext ctx) {
        ByteBuf held = received;
        received = null;
        ctx.pipeline().remove(this);
        if (held != null) {
            ctx.fireChannelRead(held);
        }
    }

    private void release() {
        if (received != null) {
            ReferenceCountUtil.safeRelease(received);
            received = null;
        }
    }

    /** True while the bytes so far could still be "GET /socket.io/". */
    private static boolean startsLikeAnUpgrade(ByteBuf buf) {
        int n = Math.min(buf.readableBytes(), PREFIX.length);
        for (int i = 0; i < n; i++) {
            if (buf.getByte(buf.readerIndex() + i) != PREFIX[i]) {
                return false;
            }
        }
        return true;
    }
}
