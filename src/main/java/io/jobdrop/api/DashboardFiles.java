package io.jobdrop.api;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's static files, served from the jar ({@code web/} on the classpath) at {@code /} and
 * {@code /<file>.<ext>}: one folder, no subfolders, so no request path can reach outside it. Read from the classpath
 * only (a {@code web/} folder in the working directory cannot shadow them, as it would with Vert.x's StaticHandler),
 * kept in memory after the first request (a few tens of KB), and revalidated by ETag on every load so an upgraded jar
 * is seen at once. The files hold no data: the page asks the token-guarded {@code /api/v1} for everything.
 */
public final class DashboardFiles implements Handler<RoutingContext> {

    /** A file name the dashboard may have: letters, digits, dashes and one extension. */
    public static final String PATH_REGEX = "/([A-Za-z0-9_-]+\\.(?:html|css|js|svg|png|ico))?";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+\\.([a-z]+)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon");
    /** The page loads only what comes from here and talks only to here: no CDN, no inline script. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private record WebFile(Buffer bytes, String type, String etag) {
    }

    private final String folder;
    /** Files found, by name; a miss is not kept, so asking for made-up names cannot grow it. */
    private final Map<String, WebFile> files = new ConcurrentHashMap<>();

    /** @param folder the classpath folder holding the files ({@code web}) */
    public DashboardFiles(String folder) {
        this.folder = folder;
    }

    @Override
    public void handle(RoutingContext request) {
        String path = request.normalizedPath();
        String name = path.equals("/") ? "index.html" : path.substring(1);
        WebFile web = NAME.matcher(name).matches() ? files.computeIfAbsent(name, this::load) : null;
        if (web == null) {
            request.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                    .end(ApiErrors.body(404, "the dashboard has no file " + path));
            return;
        }
        var response = request.response().putHeader("Cache-Control", "no-cache").putHeader("ETag", web.etag())
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", POLICY);
        if (web.etag().equals(request.request().getHeader("If-None-Match"))) {
            response.setStatusCode(304).end();
            return;
        }
        // each response gets its own copy: a Buffer's read position is not safe to share between responses
        response.putHeader("Content-Type", web.type()).end(web.bytes().copy());
    }

    /** The number of files held in memory. */
    int cachedFiles() {
        return files.size();
    }

    /** @return null when the jar has no such file (computeIfAbsent then keeps nothing) */
    private WebFile load(String name) {
        var matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return null;
        }
        String type = TYPES.get(matcher.group(1).toLowerCase(Locale.ROOT));
        try (InputStream in = DashboardFiles.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
            if (in == null || type == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12)
                    + "\"";
            return new WebFile(Buffer.buffer(bytes), type, etag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
