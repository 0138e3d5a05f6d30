package io.jobdrop.intake;

import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.ingest.TemplateVars;
import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.StoredAnswer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The intake step of {@code POST /api/v1/jobs}: the body is judged and recorded exactly as a dropped file (same
 * reader, same ledger write, same forwarding), and the request is answered with the outcome once it is committed.
 * Each body is an intake unit of its own (source {@code http}, a fresh claim key), named by its
 * {@code X-Jobdrop-Source} header. An {@code Idempotency-Key} makes a repeat within {@code keyLifetime} get the first
 * answer back without recording anything.
 *
 * <p>The step is asynchronous, as the inbox's is: the request thread judges the body and goes on while the ledger
 * commits it together with other requests' records (group commit).
 */
public final class HttpIntake extends AsyncProcessorSupport {

    /** The source of every HTTP body in the ledger's intake claims. */
    public static final String SOURCE = "http";
    /** Set when the answer is a repeat of an earlier request's (idempotency key). */
    public static final String REPEATED = "jobdropRepeated";
    /** Set when the request recorded a job that is new or changed, so forwarding gets a nudge. */
    public static final String CHANGED = "jobdropChanged";

    private final JobFileReader reader;
    private final JobFileIntake files;
    private final Duration keyLifetime;

    public HttpIntake(JobFileReader reader, JobFileIntake files, Duration keyLifetime) {
        this.reader = reader;
        this.files = files;
        this.keyLifetime = keyLifetime;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            Message in = exchange.getMessage();
            String source = header(in, "X-Jobdrop-Source", SOURCE);
            String key = header(in, "Idempotency-Key", null);
            boolean dryRun = dryRun(in.getHeader("dryRun", String.class));
            Map<String, String> vars = TemplateVars.parse(values(in.getHeader("var")));
            byte[] body = in.getBody(byte[].class);
            byte[] content = body == null ? new byte[0] : body;
            FileVerdict verdict = reader.read(source, content, vars);
            if (dryRun) {
                answer(exchange, HttpAnswer.judged(verdict));
                callback.done(true);
                return true;
            }
            IntakeClaim claim = new IntakeClaim(SOURCE, UUID.randomUUID().toString(), source);
            files.submitAnswered(claim, verdict, content, key, keyLifetime,
                    (outcome, deliveries) -> HttpAnswer.recorded(verdict, outcome, deliveries))
                    .whenComplete((keyed, failure) -> {
                        if (failure != null) {
                            exchange.setException(JobLedger.unwrap(failure));
                        } else {
                            exchange.setProperty(REPEATED, keyed.repeated());
                            exchange.setProperty(CHANGED, !keyed.repeated() && keyed.answer().status() == 201);
                            answer(exchange, keyed.answer());
                        }
                        callback.done(false);
                    });
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    private static void answer(Exchange exchange, StoredAnswer answer) {
        Message out = exchange.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(answer.body());
    }

    private static String header(Message in, String name, String fallback) {
        String value = in.getHeader(name, String.class);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static boolean dryRun(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new IllegalArgumentException("query parameter dryRun must be true or false, got '" + value + "'");
    }

    /** A repeated query parameter arrives as a list, a single one as a string. */
    private static List<String> values(Object header) {
        if (header == null) {
            return List.of();
        }
        if (header instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(header.toString());
    }
}
