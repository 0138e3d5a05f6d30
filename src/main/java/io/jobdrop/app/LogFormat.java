package io.jobdrop.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/**
 * Applies the resolved {@code jobdrop.log.format} (flag, -D, environment, packaged default) to logback: logback.xml
 * names one appender per format and picks it from this system property.
 */
public final class LogFormat {

    public static final String KEY = "jobdrop.log.format";

    private LogFormat() {
    }

    /** @param format {@code text} or {@code json}, as the settings resolver checked it */
    public static void use(String format) {
        if (format.equals(System.getProperty(KEY))) {
            return;
        }
        System.setProperty(KEY, format);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                throw new IllegalStateException("cannot configure logging: " + e.getMessage(), e);
            }
        }
    }
}
