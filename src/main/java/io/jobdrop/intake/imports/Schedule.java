package io.jobdrop.intake.imports;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an import fires: a Quartz cron expression with seconds ({@code 0 0 2 * * ?}) in the import's time zone, or
 * {@code every <n>s|m|h} turned into one. Every instance must compute the same fire times, so intervals are aligned
 * to the clock (every 10m fires at :00, :10, ...), never counted from when an instance started; that is why an
 * interval must divide its unit evenly (every 7m could not be aligned), a whole unit being the next one (every 60m is
 * every hour). The expression is parsed once, here, and asked at each tick.
 */
public final class Schedule {

    /** How far back {@link #latestAtOrBefore} looks: beyond a year a cron expression is not a schedule. */
    static final Duration LOOK_BACK = Duration.ofDays(400);

    private static final Pattern EVERY = Pattern.compile("every\\s+(\\d+)\\s*([smh])");

    private final String text;
    private final String cron;
    private final ZoneId zone;
    private final CronExpression expression;

    private Schedule(String text, String cron, ZoneId zone, CronExpression expression) {
        this.text = text;
        this.cron = cron;
        this.zone = zone;
        this.expression = expression;
    }

    /** @throws IllegalArgumentException with a message fit for an import file's report */
    public static Schedule parse(String text, ZoneId zone) {
        String trimmed = text.trim();
        String cron = trimmed.startsWith("every") ? interval(trimmed) : trimmed;
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("schedule '" + trimmed + "' is not a Quartz cron expression with seconds"
                    + " (e.g. '0 0 2 * * ?') or 'every <n>s|m|h': " + e.getMessage());
        }
        expression.setTimeZone(TimeZone.getTimeZone(zone));
        return new Schedule(trimmed, cron, zone, expression);
    }

    private static String interval(String text) {
        Matcher m = EVERY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("schedule '" + text + "' is not 'every <n>s', 'every <n>m' or"
                    + " 'every <n>h' (e.g. 'every 10m')");
        }
        int n = Integer.parseInt(m.group(1));
        String unit = m.group(2);
        int period = unit.equals("h") ? 24 : 60;
        if (n < 1 || period % n != 0) {
            throw new IllegalArgumentException("schedule '" + text + "': every " + n + unit + " cannot be aligned to"
                    + " the clock; use a number that divides " + period + " (or a cron expression)");
        }
        if (n == period) { // the whole unit: every 60s is every minute, every 24h every day (at midnight)
            return switch (unit) {
                case "s" -> "0 * * * * ?";
                case "m" -> "0 0 * * * ?";
                default -> "0 0 0 * * ?";
            };
        }
        String step = n == 1 ? "*" : "0/" + n;
        return switch (unit) {
            case "s" -> step + " * * * * ?";
            case "m" -> "0 " + step + " * * * ?";
            default -> "0 0 " + step + " * * ?";
        };
    }

    /** What the import file said. */
    public String text() {
        return text;
    }

    /** The Quartz cron expression the schedule runs on. */
    public String cron() {
        return cron;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first fire strictly after {@code after}; empty for an expression that never fires again. */
    public Optional<Instant> next(Instant after) {
        // CronExpression computes on a calendar of its own per call: one parsed expression serves every thread
        Date next = expression.getNextValidTimeAfter(Date.from(after));
        return Optional.ofNullable(next).map(Date::toInstant);
    }

    /**
     * The newest fire time at or before {@code at}, so a tick that ran late (Quartz fires a misfired trigger "now")
     * still has the fire time every instance computes; empty when there is none within {@link #LOOK_BACK}. Looks back
     * over doubling spans, so a schedule that fires often is not walked over a long span.
     */
    public Optional<Instant> latestAtOrBefore(Instant at) {
        for (Duration span = Duration.ofSeconds(1); span.compareTo(LOOK_BACK) <= 0; span = span.multipliedBy(2)) {
            Optional<Instant> fire = next(at.minus(span));
            if (fire.isPresent() && !fire.get().isAfter(at)) {
                Instant latest = fire.get();
                for (Optional<Instant> later = next(latest); later.isPresent() && !later.get().isAfter(at);
                     later = next(later.get())) {
                    latest = later.get();
                }
                return Optional.of(latest);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
