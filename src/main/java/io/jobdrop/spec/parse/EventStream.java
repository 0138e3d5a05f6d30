package io.jobdrop.spec.parse;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;

/**
 * The parser's events on their way to SnakeYAML's composer. It remembers where the current document and the last
 * alias started (the composer keeps neither), and gives the non-specific tag {@code !} its YAML meaning, "a string",
 * which is also what go-yaml makes of {@code ! 12}.
 */
final class EventStream implements Parser {

    private static final ImplicitTuple EXPLICIT = new ImplicitTuple(false, false);

    private final Parser parser;
    private Event next;
    private Mark documentStart;
    private Mark lastAlias;
    private Mark lastEvent;

    EventStream(Parser parser) {
        this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        Event e = peekEvent();
        return e != null && e.is(id);
    }

    @Override
    public Event peekEvent() {
        if (next == null) {
            next = adapt(parser.getEvent());
        }
        return next;
    }

    @Override
    public Event getEvent() {
        Event e = peekEvent();
        next = null;
        if (e != null) {
            lastEvent = e.getStartMark();
            if (e instanceof DocumentStartEvent) {
                documentStart = e.getStartMark();
            } else if (e instanceof AliasEvent) {
                lastAlias = e.getStartMark();
            }
        }
        return e;
    }

    Mark documentStart() {
        return documentStart;
    }

    Mark lastAlias() {
        return lastAlias;
    }

    Mark lastEvent() {
        return lastEvent;
    }

    private static Event adapt(Event e) {
        if (e instanceof ScalarEvent s && "!".equals(s.getTag())) {
            return new ScalarEvent(s.getAnchor(), Tag.STR.getValue(), EXPLICIT, s.getValue(), s.getStartMark(),
                    s.getEndMark(), s.getScalarStyle());
        }
        return e;
    }
}
