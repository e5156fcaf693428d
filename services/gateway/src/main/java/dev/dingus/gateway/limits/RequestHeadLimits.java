package dev.dingus.gateway.limits;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.gateway.errors.Problems;
import dev.dingus.gateway.requestid.RequestIds;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request whose head Netty cannot decode — a request line over {@code server.netty.max-initial-line-length},
 * headers over {@code server.max-http-request-header-size}, or a malformed head — never reaches WebFlux, and
 * reactor-netty answers it with a bare status and no body. This handler, right after the HTTP codec, gives it the
 * gateway's usual problem+json (414 {@code uri_too_long}, 431 {@code headers_too_large}, 400
 * {@code malformed_request}) and closes the connection, as reactor-netty does: after a broken head the rest of the
 * stream cannot be trusted. A head that decodes but whose target is no URI (a raw backslash, space or quote) would be
 * refused by Spring's server adapter with a bare 400 just the same, so it gets the 400 problem here too.
 */
@Component
public class RequestHeadLimits implements NettyServerCustomizer {
    static final String HANDLER_NAME = "dingus.requestHeadLimits";

    private final String maxLine;
    private final String maxHeaders;

    public RequestHeadLimits(@Value("${server.netty.max-initial-line-length:4KB}") String maxLine,
            @Value("${server.max-http-request-header-size:8KB}") String maxHeaders) {
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new DecodingFailureAnswer());
            }
        });
    }

    /**
     * Passes every decoded message on, except a request head that failed to decode: that one is answered here and
     * the connection closed. A body that fails later is left to reactor-netty, since an answer may have begun.
     */
    final class DecodingFailureAnswer extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            DecoderResult result = msg instanceof HttpRequest head ? head.decoderResult() : DecoderResult.SUCCESS;
            if (result.isSuccess() && (!(msg instanceof HttpRequest head) || isUri(head.uri()))) {
                ctx.fireChannelRead(msg);
                return;
            }
            ReferenceCountUtil.release(msg);
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(answer(result.isSuccess() ? new URISyntaxException("", "not a URI") : result.cause()))
                    .addListener(ChannelFutureListener.CLOSE);
        }

        /** As Spring's adapter reads the target: {@code java.net.URI}'s grammar (RFC 2396). */
        private static boolean isUri(String target) {
            try {
                new URI(target);
                return true;
            } catch (URISyntaxException e) {
                return false;
            }
        }

        private FullHttpResponse answer(Throwable cause) {
            HttpStatus status;
            String code;
            String detail;
            if (cause instanceof TooLongHttpLineException) {
                status = HttpStatus.URI_TOO_LONG;
                code = ErrorCodes.URI_TOO_LONG;
                detail = "The request line (method, path and query) is longer than " + maxLine + ".";
            } else if (cause instanceof TooLongHttpHeaderException) {
                status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                code = ErrorCodes.HEADERS_TOO_LARGE;
                detail = "The request's headers are larger than " + maxHeaders + " in all.";
            } else if (cause instanceof URISyntaxException) {
                status = HttpStatus.BAD_REQUEST;
                code = ErrorCodes.MALFORMED_REQUEST;
                detail = "The request's path or query holds a character that must be percent-encoded, such as a"
                        + " backslash, a space or a quote.";
            } else {
                status = HttpStatus.BAD_REQUEST;
                code = ErrorCodes.MALFORMED_REQUEST;
                detail = "The request's head is not valid HTTP/1.1.";
            }
            String requestId = RequestIds.acceptOrCreate(null);
            // The path is unknown (it may be what was too long), so the problem names none.
            byte[] body = Problems.json("", requestId, status, code, detail);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set("X-Content-Type-Options", "nosniff")
                    .set(RequestIds.HEADER, requestId)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }
}
