package io.customeridentity.shared.edge;

import io.customeridentity.shared.web.RequestBodyRejected;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body that stops being read once it is larger than allowed, or once it arrives more slowly than the
 * minimum rate after the grace period: what a chunked upload or a trickling client cannot get past.
 */
final class LimitedBodyInputStream extends ServletInputStream {

    private final ServletInputStream body;
    private final long maxBytes;
    private final long graceNanos;
    private final long minBytesPerSecond;
    private final long startNanos = System.nanoTime();
    private long bytesRead;

    LimitedBodyInputStream(ServletInputStream body, long maxBytes, long graceNanos, long minBytesPerSecond) {
        this.body = body;
        this.maxBytes = maxBytes;
        this.graceNanos = graceNanos;
        this.minBytesPerSecond = minBytesPerSecond;
    }

    @Override
    public int read() throws IOException {
        int b = body.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = body.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) throws IOException {
        bytesRead += n;
        if (bytesRead > maxBytes) {
            throw RequestBodyRejected.tooLarge(maxBytes);
        }
        long elapsed = System.nanoTime() - startNanos;
        if (elapsed > graceNanos && bytesRead < minBytesPerSecond * ((elapsed - graceNanos) / 1_000_000_000L)) {
            throw RequestBodyRejected.tooSlow();
        }
    }

    @Override
    public int available() throws IOException {
        return body.available();
    }

    @Override
    public boolean isFinished() {
        return body.isFinished();
    }

    @Override
    public boolean isReady() {
        return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        body.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
