package dev.sluice.qos.internal;

import dev.sluice.api.Body;
import dev.sluice.api.Credentials;
import dev.sluice.api.Headers;
import dev.sluice.api.Request;
import dev.sluice.api.Response;
import dev.sluice.api.Transport;
import dev.sluice.oss.OssQuery;
import dev.sluice.oss.OssResource;
import dev.sluice.oss.OssServiceException;
import dev.sluice.oss.OssV4Signer;
import dev.sluice.oss.OssXmlMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends one QoS request: signs it with V4 at the clock's instant for the resource it addresses, sends it
 * over the transport, waits, and returns the body of a 2xx answer or throws the {@link OssServiceException}
 * of any other, built with {@link OssServiceException#from}. The {@code oss} module's own exchange is internal
 * to it (it streams bodies, runs the client's middleware and infers the resource from the URI), hence this
 * small one.
 */
public final class QosExchange {

    /** The largest response body read into memory; QoS documents are a few KiB. */
    static final int MAX_DOCUMENT_BYTES = 1 << 20;

    private final URI endpoint;
    private final Transport transport;
    private final OssV4Signer signer;
    private final Credentials credentials;
    private final Clock clock;

    /**
     * Sends to {@code endpoint} through {@code transport}, signing with {@code signer} and {@code credentials}
     * at {@code clock}'s instant.
     */
    public QosExchange(URI endpoint, Transport transport, OssV4Signer signer, Credentials credentials, Clock clock) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.signer = signer;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** GETs {@code resource} with {@code query} and reads the answer as {@code type}. */
    public <T> T get(OssResource resource, OssQuery query, Class<T> type) throws IOException {
        URI uri = resource.uri(endpoint, query);
        byte[] body = send(Request.of("GET", uri), resource);
        try {
            return OssXmlMapper.hardened().read(body, type);
        } catch (IOException e) {
            throw new IOException("OSS answered GET " + uri + " with a document that is not a "
                    + type.getSimpleName().replace("Xml", "") + ": " + e.getMessage(), e);
        }
    }

    /** PUTs {@code document} as XML to {@code resource} with {@code query}, with {@code Content-Type} and {@code Content-MD5}. */
    public void put(OssResource resource, OssQuery query, Object document) throws IOException {
        byte[] body = OssXmlMapper.hardened().write(document);
        Request request = new Request("PUT", resource.uri(endpoint, query),
                Headers.of("Content-Type", "application/xml", "Content-MD5", md5(body)), Body.ofBytes(body));
        send(request, resource);
    }

    /** DELETEs {@code resource} with {@code query}; any 2xx (200, 204) is success. */
    public void delete(OssResource resource, OssQuery query) throws IOException {
        send(Request.of("DELETE", resource.uri(endpoint, query)), resource);
    }

    /** Closes the transport. */
    public void close() {
        transport.close();
    }

    private byte[] send(Request request, OssResource resource) throws IOException {
        Request signed = signer.sign(request, resource, credentials, clock.instant());
        Response response = await(transport.send(signed));
        byte[] body;
        try {
            body = await(BodyBytes.collect(response.body().publisher(), MAX_DOCUMENT_BYTES));
        } catch (IOException unreadable) {
            if (response.isSuccessful()) {
                throw unreadable;
            }
            body = new byte[0]; // the status and headers still say what went wrong
        }
        if (!response.isSuccessful()) {
            throw OssServiceException.from(response.status(), response.headers(), body);
        }
        return body;
    }

    private static String md5(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /**
     * Waits for {@code future}; an interrupt cancels it and keeps the interrupt flag, an {@link IOException}
     * or {@link RuntimeException} cause is rethrown as it is.
     */
    static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for OSS");
            interrupted.initCause(e);
            throw interrupted;
        } catch (CancellationException e) {
            throw new IOException("the request was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IOException(cause);
        }
    }
}
