package org.xiaodai.iam.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body is read once into memory, so that it can be answered a second time: a write
 * whose token check, riding in its first transaction, found the remembered principal no longer current
 * is answered afresh with the principal resolved again ({@link BearerTokenFilter}). Only small bodies
 * the application reads as a stream (JSON, or none); a form or multipart body (read by the container
 * as parameters), a chunked one or one above {@link #LIMIT} is not buffered.
 */
final class ReplayableRequest extends HttpServletRequestWrapper {

    /** The largest body kept in memory (the API's JSON bodies are a few kilobytes). */
    static final int LIMIT = 256 * 1024;

    private final byte[] body;

    private ReplayableRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The request with its body read, or empty when it cannot be replayed. */
    static Optional<ReplayableRequest> of(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
            return Optional.empty();
        }
        long length = request.getContentLengthLong();
        if (length < 0) {
            // no Content-Length: a body only if it is chunked, which is not buffered
            return request.getHeader("Transfer-Encoding") == null
                    ? Optional.of(new ReplayableRequest(request, new byte[0])) : Optional.empty();
        }
        if (length > LIMIT) {
            return Optional.empty();
        }
        byte[] body = request.getInputStream().readNBytes((int) length);
        return Optional.of(new ReplayableRequest(request, body));
    }

    /** The same request, its body from the start, for the second answer. */
    ReplayableRequest again() {
        return new ReplayableRequest((HttpServletRequest) getRequest(), body);
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already in memory");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
