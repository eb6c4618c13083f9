package org.xiaodai.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP/1.1 load generator for the API benchmark: {@code connections} threads, each
 * with one keep-alive socket to 127.0.0.1, send the same GET back to back for a fixed time and
 * record every latency. It is deliberately small (blocking sockets, a pre-encoded request, no
 * allocation per response beyond the body buffer) so that on a machine it shares with the server
 * it takes as little CPU as possible, and the same cost from every endpoint it measures.
 */
final class HttpLoad {

    private final int port;
    private final int connections;

    HttpLoad(int port, int connections) {
        this.port = port;
        this.connections = connections;
    }

    /** What one timed run measured: 2xx responses per second and their latencies. */
    record Result(String path, long responses, long errors, double seconds, long[] latenciesNanos) {

        double perSecond() {
            return responses / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.clamp(index, 0, latenciesNanos.length - 1)] / 1e6;
        }

        double meanMillis() {
            return Arrays.stream(latenciesNanos).average().orElse(Double.NaN) / 1e6;
        }
    }

    /** Sends {@code GET path} on every connection until {@code seconds} have passed. */
    Result run(String path, String bearerToken, double seconds) throws InterruptedException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n"
                + (bearerToken == null ? "" : "Authorization: Bearer " + bearerToken + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Worker> workers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(request, deadline);
            workers.add(worker);
            Thread thread = Thread.ofPlatform().name("load-" + i).daemon().start(() -> {
                try {
                    worker.loop();
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
            worker.thread = thread;
        }
        for (Worker worker : workers) {
            worker.thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("load generator failed on " + path, failure.get());
        }
        long responses = 0;
        long errors = 0;
        int total = 0;
        for (Worker worker : workers) {
            responses += worker.ok;
            errors += worker.errors;
            total += worker.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (Worker worker : workers) {
            System.arraycopy(worker.latencies, 0, all, at, worker.count);
            at += worker.count;
        }
        Arrays.sort(all);
        return new Result(path, responses, errors, elapsed, all);
    }

    /** One connection's loop; a response is counted when it started before the deadline. */
    private final class Worker {

        private final byte[] request;
        private final long deadline;
        private final byte[] line = new byte[8192];
        private long[] latencies = new long[16_384];
        private int count;
        private long ok;
        private long errors;
        private Thread thread;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Worker(byte[] request, long deadline) {
            this.request = request;
            this.deadline = deadline;
        }

        void loop() throws IOException {
            try {
                while (System.nanoTime() < deadline) {
                    if (socket == null) {
                        connect();
                    }
                    long sent = System.nanoTime();
                    out.write(request);
                    out.flush();
                    int status = readResponse();
                    long latency = System.nanoTime() - sent;
                    if (status >= 200 && status < 300) {
                        ok++;
                        record(latency);
                    } else {
                        errors++;
                    }
                }
            } finally {
                if (socket != null) {
                    socket.close();
                }
            }
        }

        private void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 65_536);
            out = socket.getOutputStream();
        }

        private void record(long latency) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
        }

        /** Reads status line, headers and body (Content-Length or chunked); returns the status. */
        private int readResponse() throws IOException {
            String status = readLine();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(readLine().trim(), 16); size > 0;
                     size = Long.parseLong(readLine().trim(), 16)) {
                    skip(size);
                    readLine();
                }
                readLine();
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                socket.close();
                socket = null;
            }
            return code;
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String readLine() throws IOException {
            int n = 0;
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new UncheckedIOException(new IOException("connection closed by the server"));
                }
                if (b != '\r' && n < line.length) {
                    line[n++] = (byte) b;
                }
            }
            return new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }
    }
}
