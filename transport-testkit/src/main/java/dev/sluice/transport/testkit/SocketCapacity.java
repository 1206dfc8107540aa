package dev.sluice.transport.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How many bytes one loopback connection holds when its reader stops: the socket buffers of both ends as
 * this machine's network stack really sizes them, measured with the same settings the transport's
 * connections get, by writing without blocking until nothing more is taken.
 */
public final class SocketCapacity {

    private SocketCapacity() {
    }

    /**
     * The bytes a writer with send buffer {@code writerSendBuffer} (0: the system's) gets into a connection
     * whose reader, with receive buffer {@code readerReceiveBuffer} (0: the system's), reads nothing.
     */
    public static long measure(int writerSendBuffer, int readerReceiveBuffer) throws IOException {
        try (ServerSocket listener = new ServerSocket()) {
            if (readerReceiveBuffer > 0) {
                listener.setReceiveBufferSize(readerReceiveBuffer);
            }
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel writer = SocketChannel.open()) {
                if (writerSendBuffer > 0) {
                    writer.setOption(StandardSocketOptions.SO_SNDBUF, writerSendBuffer);
                }
                writer.connect(listener.getLocalSocketAddress());
                try (Socket reader = listener.accept()) {
                    reader.setSoTimeout(0); // it never reads: that is the point
                    writer.configureBlocking(false);
                    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
                    long written = 0;
                    int idle = 0;
                    while (idle < 10) {
                        chunk.clear();
                        int n = writer.write(chunk);
                        written += n;
                        if (n == 0) {
                            idle++;
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                        } else {
                            idle = 0;
                        }
                    }
                    return written;
                }
            }
        }
    }

    /** An integer system property, or 0 if it is not set. */
    public static int property(String name) {
        String value = System.getProperty(name);
        return value == null ? 0 : Integer.parseInt(value);
    }
}
