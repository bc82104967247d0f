package io.hookline.bench.harness;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The webhook endpoints: two Netty HTTP/1.1 servers on loopback, non-blocking (a delayed answer is a scheduled task,
 * a hanging one is no answer at all, never a parked thread).
 * <ul>
 *   <li>keep-alive: keeps every connection open as long as the client likes;</li>
 *   <li>common: behaves like the usual web servers and proxies: closes a connection idle for 5 s (with no request
 *       waiting for its answer), and answers the 100th request of a connection with {@code Connection: close}.</li>
 * </ul>
 * What each path does is set per path ({@link Mode}); every request is counted in the current {@link Tally}.
 */
final class Receivers implements AutoCloseable {

    enum Mode {
        /** 200 at once. */
        OK,
        /** 200 after {@link #DELAY_MS} ms. */
        DELAY,
        /** never answers (the client's timeout ends it). */
        HANG,
        /** 500 at once. */
        ERROR
    }

    static final long DELAY_MS = 100;
    static final int IDLE_CLOSE_SECONDS = 5;
    static final int REQUESTS_PER_CONNECTION = 100;
    private static final byte[] STAMP = "\"sent_ns\":".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private volatile Tally tally = new Tally("idle");
    private final EventLoopGroup group;
    private final Channel keepAlive;
    private final Channel common;

    Receivers(int threads) throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        keepAlive = bind(false);
        common = bind(true);
    }

    /** Starts counting for a new scenario and returns its tally. */
    Tally begin(String scenario) {
        Tally next = new Tally(scenario);
        tally = next;
        return next;
    }

    void mode(String path, Mode mode) {
        modes.put(path, mode);
    }

    String url(boolean commonKind, String path) {
        Channel channel = commonKind ? common : keepAlive;
        return "http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort() + path;
    }

    private Channel bind(boolean commonKind) throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        tally.connectionOpened();
                        if (commonKind) {
                            channel.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_CLOSE_SECONDS,
                                    TimeUnit.SECONDS));
                        }
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new Endpoint(commonKind));
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
    }

    /** One connection's handler: counts, then answers as the path's mode says. */
    private final class Endpoint extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final boolean commonKind;
        private int served;
        private int waiting;

        Endpoint(boolean commonKind) {
            this.commonKind = commonKind;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            long now = System.nanoTime();
            String uri = request.uri();
            int query = uri.indexOf('?');
            String path = query < 0 ? uri : uri.substring(0, query);
            Mode mode = modes.getOrDefault(path, Mode.OK);
            tally.request(now, path, request.headers().get("webhook-id"), stamp(request.content()),
                    mode == Mode.OK || mode == Mode.DELAY);
            served++;
            boolean close = !HttpUtil.isKeepAlive(request) || commonKind && served >= REQUESTS_PER_CONNECTION;
            switch (mode) {
                case OK -> answer(ctx, HttpResponseStatus.OK, close);
                case ERROR -> answer(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, close);
                case DELAY -> {
                    waiting++;
                    ctx.executor().schedule(() -> {
                        waiting--;
                        answer(ctx, HttpResponseStatus.OK, close);
                    }, DELAY_MS, TimeUnit.MILLISECONDS);
                }
                case HANG -> waiting++; // until the client gives up and closes the connection
            }
        }

        private void answer(ChannelHandlerContext ctx, HttpResponseStatus status, boolean close) {
            if (!ctx.channel().isActive()) {
                return;
            }
            byte[] body = status == HttpResponseStatus.OK ? new byte[0]
                    : "{\"error\":\"benchmark endpoint failing on purpose\"}".getBytes(StandardCharsets.US_ASCII);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
            if (body.length > 0) {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            }
            if (close) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.writeAndFlush(response);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && waiting == 0) {
                ctx.close(); // a common server's keep-alive timeout
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a client that reset the connection: nothing to tell
        }
    }

    /** The number after {@code "sent_ns":} in the body (spaces allowed), or 0. */
    static long stamp(ByteBuf content) {
        int start = content.readerIndex();
        int end = content.writerIndex();
        outer:
        for (int i = start; i <= end - STAMP.length; i++) {
            for (int j = 0; j < STAMP.length; j++) {
                if (content.getByte(i + j) != STAMP[j]) {
                    continue outer;
                }
            }
            int k = i + STAMP.length;
            while (k < end && content.getByte(k) == ' ') {
                k++;
            }
            long value = 0;
            boolean digits = false;
            while (k < end) {
                byte b = content.getByte(k);
                if (b < '0' || b > '9') {
                    break;
                }
                value = value * 10 + (b - '0');
                digits = true;
                k++;
            }
            return digits ? value : 0;
        }
        return 0;
    }

    @Override
    public void close() {
        keepAlive.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        common.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
