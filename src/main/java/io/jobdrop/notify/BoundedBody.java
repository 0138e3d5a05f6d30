package io.jobdrop.notify;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A webhook answer's body, read no further than needed: nothing for a 2xx (the status says it all), at most
 * {@code limit} bytes otherwise (enough for the error excerpt), the rest of the stream cancelled. The JDK's body
 * handlers read a body to its end, so a receiver that trickles or never ends one would hold the delivery thread (the
 * request timeout stops at the headers). It keeps the answer's head, so a status that came is not lost when the body
 * is cut off by the timeout.
 */
final class BoundedBody implements HttpResponse.BodyHandler<String> {

    private final int limit;
    private volatile HttpResponse.ResponseInfo head;

    BoundedBody(int limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
        head = info;
        return new Start(info.statusCode() / 100 == 2 ? 0 : limit);
    }

    /** The status and headers, once they came; null before. */
    HttpResponse.ResponseInfo head() {
        return head;
    }

    /** Collects the first bytes of a body, then cancels its stream. */
    private static final class Start implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Start(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (limit == 0) {
                s.cancel();
                finish();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int take = Math.min(item.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                item.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() >= limit) {
                subscription.cancel();
                finish();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            finish();
        }

        private void finish() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
