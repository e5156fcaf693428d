package dev.dingus.gateway.socketsplice;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;

/**
 * One direction of a splice: what this connection reads is written to its peer, flushed once per read burst.
 * Writes go through the peer's relay context, so they skip reactor-netty's HTTP handlers behind it on the client's
 * connection. Reading stops while the peer cannot take more (its socket buffer is full), so a slow client slows its
 * node's connection instead of filling the gateway's memory. When either side closes, the other is closed after its
 * pending writes.
 */
final class Relay extends ChannelInboundHandlerAdapter {
    private ChannelHandlerContext peer;

    /** Puts a relay each in place of the two handlers that held the connections until now. */
    static void join(ChannelPipeline client, ChannelHandlerContext clientSlot, String clientName,
            ChannelPipeline upstream, ChannelHandlerContext upstreamSlot) {
        Relay fromClient = new Relay();
        Relay fromUpstream = new Relay();
        client.replace(clientSlot.handler(), clientName, fromClient);
        upstream.replace(upstreamSlot.handler(), "relay", fromUpstream);
        fromClient.peer = upstream.context(fromUpstream);
        fromUpstream.peer = client.context(fromClient);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        peer.write(msg, peer.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        peer.flush();
    }

    /** This side's writability decides whether its peer may read (each side's relay handles the other way). */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        peer.channel().config().setAutoRead(ctx.channel().isWritable());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closeAfterFlush(peer);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        SocketIoSplice.debug("spliced connection failed", cause);
        ctx.close();
    }

    /** Closes a connection once what was written to it is out; writes through {@code ctx}, not the pipeline's tail. */
    static void closeAfterFlush(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
