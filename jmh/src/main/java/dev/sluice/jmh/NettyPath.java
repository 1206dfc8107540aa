package dev.sluice.jmh;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.traffic.AbstractTrafficShapingHandler;
import io.netty.handler.traffic.GlobalTrafficShapingHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The Netty peer of the pacing check: the payload goes over a real loopback TCP connection from a client
 * whose pipeline holds a {@link GlobalTrafficShapingHandler} (write limit = the rate in bytes per second)
 * to a server that writes every read into the check's {@link TimestampingSink}. The client writes the
 * payload in {@link PacingPath#CHUNK_BYTES} buffers and lets the handler delay them. Netty's shaper has no
 * burst setting; what shapes its bursts is the check interval over which it counts bytes (1 s by default).
 * The fair configuration counts over the time the fair burst takes at the rate (160 ms at 100 KiB/s, 16 KiB).
 * Netty here is the version the benchmark module already has on its class path (through Lettuce).
 */
final class NettyPath {

    private NettyPath() {
    }

    /** Sends the payload; returns once the sink has every byte. {@code checkIntervalMillis} 0: Netty's default. */
    static void send(PacingPath.Transfer transfer, long checkIntervalMillis) throws Exception {
        byte[] payload = transfer.payload();
        CountDownLatch received = new CountDownLatch(1);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        GlobalTrafficShapingHandler shaper = null;
        try {
            long writeLimit = PeerPaths.wholeBytesPerSecond(transfer.rate());
            shaper = checkIntervalMillis == 0
                    ? new GlobalTrafficShapingHandler(group.next(), writeLimit, 0)
                    : new GlobalTrafficShapingHandler(group.next(), writeLimit, 0, checkIntervalMillis);
            GlobalTrafficShapingHandler clientShaper = shaper;
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new Receiver(transfer, payload.length, received));
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            Channel client = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(clientShaper);
                        }
                    })
                    .connect(server.localAddress()).sync().channel();
            ChannelFuture last = null;
            for (int offset = 0; offset < payload.length; offset += PacingPath.CHUNK_BYTES) {
                int n = Math.min(PacingPath.CHUNK_BYTES, payload.length - offset);
                last = client.writeAndFlush(Unpooled.wrappedBuffer(payload, offset, n));
            }
            long timeout = 4 * transfer.rate().nanosToSend(payload.length) + transfer.sink().idleNanos()
                    + TimeUnit.SECONDS.toNanos(30);
            if (!received.await(timeout, TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("netty: the payload did not arrive within " + timeout / 1_000_000 + " ms");
            }
            if (last != null) {
                last.sync();
            }
            client.close().sync();
            server.close().sync();
        } finally {
            if (shaper != null) {
                shaper.release();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /** The fair check interval: the time the fair burst takes at the rate, at least Netty's 10 ms floor. */
    static long fairCheckIntervalMillis(PacingPath.Transfer transfer) {
        long millis = transfer.rate().nanosToSend(transfer.fairBurstBytes()) / 1_000_000;
        return Math.max(10, millis);
    }

    /** Netty's default check interval, named for the report. */
    static final long DEFAULT_CHECK_INTERVAL_MILLIS = AbstractTrafficShapingHandler.DEFAULT_CHECK_INTERVAL;

    /** The server side: every read goes into the sink as it arrives. */
    private static final class Receiver extends ChannelInboundHandlerAdapter {
        private final PacingPath.Transfer transfer;
        private final int expected;
        private final CountDownLatch received;
        private int got;

        Receiver(PacingPath.Transfer transfer, int expected, CountDownLatch received) {
            this.transfer = transfer;
            this.expected = expected;
            this.received = received;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            ByteBuf buffer = (ByteBuf) message;
            try {
                int n = buffer.readableBytes();
                byte[] bytes = new byte[n];
                buffer.readBytes(bytes);
                transfer.sink().write(bytes, 0, n);
                got += n;
                if (got >= expected) {
                    received.countDown();
                }
            } finally {
                buffer.release();
            }
        }
    }
}
