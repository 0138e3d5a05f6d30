package io.jobdrop.intake.imports;

import io.jobdrop.spec.parse.GoYaml;
import io.jobdrop.spec.parse.YamlDocument;
import io.jobdrop.spec.parse.YamlNode;
import io.jobdrop.spec.parse.YamlScalar;
import io.jobdrop.spec.parse.YamlSeq;
import io.jobdrop.spec.parse.YamlSyntaxException;
import io.jobdrop.store.ImportLedger;
import io.jobdrop.store.ImportValidators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An import from an http(s) URL, fetched with a conditional GET: the ETag and Last-Modified it last answered (kept in
 * the ledger, per import and URL) go out as If-None-Match and If-Modified-Since, and a 304, or a 200 whose body is the
 * one seen last time, submits nothing. The body is a job file, or a YAML/JSON list of URLs (relative ones resolved
 * against it), each then fetched the same way. A list is followed when it changes. With a token, every request to the
 * origin (scheme, host, port) of the import's own URL carries {@code Authorization: Bearer <token>} (never logged),
 * listed URLs on other origins do not. Redirects are followed here, not by the client, so that the token never
 * follows one to another origin, and one from https to http is refused.
 */
final class UrlSources {

    /** The most redirects one URL may take before its fire fails. */
    static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final ImportLedger ledger;
    private final String token;
    private final Duration timeout;
    private final long maxBytes;

    UrlSources(ImportLedger ledger, String token, Duration timeout, long maxBytes) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.ledger = ledger;
        this.token = token;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    SourceRead read(ImportDefinition definition, Instant fireTime) throws SourceUnreachable {
        URI listOrJob = URI.create(definition.from());
        Optional<Fetched> fetched = fetch(definition, listOrJob);
        if (fetched.isEmpty()) {
            return new SourceRead(List.of(), 1, List.of());
        }
        Fetched first = fetched.get();
        List<URI> listed = first.body() == null ? null : urlList(listOrJob, first.body());
        String fire = Fires.label(definition, fireTime);
        if (listed == null) {
            return new SourceRead(List.of(unit(fireTime, fire, listOrJob, first)), 0, List.of(first.keep()));
        }
        List<ImportUnit> units = new ArrayList<>();
        List<Runnable> keep = new ArrayList<>();
        int unchanged = 0;
        for (URI url : listed) {
            Optional<Fetched> job = fetch(definition, url);
            if (job.isEmpty()) {
                unchanged++;
                continue;
            }
            units.add(unit(fireTime, fire, url, job.get()));
            keep.add(job.get().keep());
        }
        keep.add(first.keep()); // the list last: a crash before it reads the list (and its URLs) again
        return new SourceRead(units, unchanged, keep);
    }

    private static ImportUnit unit(Instant fireTime, String fire, URI url, Fetched fetched) {
        String key = Fires.key(fireTime) + " " + url;
        String name = fire + ":" + url;
        return fetched.body() == null ? ImportUnit.tooLarge(key, name, fetched.size())
                : ImportUnit.of(key, name, fetched.body());
    }

    /** What a URL answered with new content, and how to keep its validators once that content is recorded. */
    private record Fetched(byte[] body, long size, Runnable keep) {
    }

    /** Empty when the URL has nothing new (304, or the body seen last time). */
    private Optional<Fetched> fetch(ImportDefinition definition, URI url) throws SourceUnreachable {
        String where = url.toString();
        ImportValidators seen = ledger.validators(definition.name(), where);
        URI origin = URI.create(definition.from());
        HttpResponse<InputStream> response = send(url, seen, origin);
        for (int redirects = 0; isRedirect(response.statusCode()); redirects++) {
            String location = response.headers().firstValue("Location").orElse(null);
            discard(response);
            if (location == null) {
                throw new SourceUnreachable("GET " + where + " answered " + response.statusCode() + " without a"
                        + " Location");
            }
            if (redirects == MAX_REDIRECTS) {
                throw new SourceUnreachable("GET " + where + ": more than " + MAX_REDIRECTS + " redirects");
            }
            response = send(redirect(response.uri(), location), seen, origin);
        }
        int status = response.statusCode();
        try (InputStream in = response.body()) {
            if (status == 304) {
                return Optional.empty();
            }
            if (status != 200) {
                throw new SourceUnreachable("GET " + where + " answered " + status);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            boolean tooLarge = body.length > maxBytes;
            // a body over the limit is read no further: its size for the report is what the server said it is
            long size = tooLarge ? response.headers().firstValueAsLong("Content-Length").orElse(body.length)
                    : body.length;
            ImportValidators now = new ImportValidators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null), sha256(body));
            Runnable keep = () -> ledger.saveValidators(definition.name(), where, now);
            if (now.bodySha256().equals(seen.bodySha256())) {
                keep.run(); // new validators for the same body: ask with them next time
                return Optional.empty();
            }
            return Optional.of(new Fetched(tooLarge ? null : body, size, keep));
        } catch (IOException e) {
            throw new SourceUnreachable("GET " + where + ": reading the body: " + describe(e), e);
        }
    }

    /**
     * One GET; the token goes along only to the origin of the import's own URL ({@code origin}), not to a redirect's
     * or a listed URL's other origin: whoever serves a list or a redirect must not be able to collect the token.
     */
    private HttpResponse<InputStream> send(URI url, ImportValidators seen, URI origin) throws SourceUnreachable {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        if (seen.etag() != null) {
            request.header("If-None-Match", seen.etag());
        }
        if (seen.lastModified() != null) {
            request.header("If-Modified-Since", seen.lastModified());
        }
        if (!token.isEmpty() && sameOrigin(origin, url)) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new SourceUnreachable("GET " + url + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnreachable("GET " + url + ": interrupted", e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the connection is closed instead of reused: nothing else depends on it
        }
    }

    /**
     * Where a redirect from {@code from} to {@code location} (maybe relative) leads.
     *
     * @throws SourceUnreachable when it leads from https to http, or nowhere a GET can go
     */
    static URI redirect(URI from, String location) throws SourceUnreachable {
        URI to;
        try {
            to = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new SourceUnreachable("GET " + from + " redirected to '" + location + "', which is not a URL", e);
        }
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if ("https".equalsIgnoreCase(from.getScheme()) && scheme.equals("http")) {
            throw new SourceUnreachable("GET " + from + " redirected from https to http (" + to + "): refused, it"
                    + " would send the request (and its token) unencrypted");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SourceUnreachable("GET " + from + " redirected to " + to + ", which is not http(s)");
        }
        return to;
    }

    /** Same scheme, host and port (the scheme's default when none is written). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /**
     * The URLs of a list body (a YAML or JSON sequence of http(s) URLs, relative ones resolved against the list), or
     * null when the body is something else: a job file.
     */
    private static List<URI> urlList(URI base, byte[] body) {
        List<YamlDocument> documents;
        try {
            documents = GoYaml.load(new String(body, StandardCharsets.UTF_8));
        } catch (YamlSyntaxException | RuntimeException e) {
            return null; // not YAML: the reader will say what is wrong with it as a job file
        }
        if (documents.size() != 1 || !(documents.get(0).root() instanceof YamlSeq seq) || seq.items().isEmpty()) {
            return null;
        }
        List<URI> urls = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlScalar s) || !(s.value() instanceof String text)) {
                return null;
            }
            URI url;
            try {
                url = base.resolve(text.trim());
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                return null;
            }
            urls.add(url);
        }
        return urls;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " "
                + e.getMessage();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
