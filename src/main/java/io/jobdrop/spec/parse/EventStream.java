package io.jobdrop.spec.parse;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;

/**
 * The parser's events on their way to SnakeYAML's composer. It remembers where the current document and the last
 * alias started (the composer keeps neither), and gives the non-specific tag {@code !} its YAML meaning, "a string",
 * which is also what go-yaml makes of {@code ! 12}. It also counts documents and nodes as written, so that a file
 * past its {@link YamlLimits} stops before the composer has built all of it.
 */
final class EventStream implements Parser {

    private static final ImplicitTuple EXPLICIT = new ImplicitTuple(false, false);

    private final Parser parser;
    private final YamlLimits limits;
    private int documents;
    private long elements;
    private Event next;
    private Mark documentStart;
    private Mark lastAlias;
    private Mark lastEvent;

    EventStream(Parser parser, YamlLimits limits) {
        this.parser = parser;
        this.limits = limits;
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
                if (++documents > limits.documents()) {
                    throw new ExpansionLimitException("file holds more than " + limits.documents()
                            + " documents (jobdrop.limits.documents)", e.getStartMark());
                }
            } else if (e instanceof AliasEvent) {
                lastAlias = e.getStartMark();
            }
            if ((e instanceof ScalarEvent || e instanceof MappingStartEvent || e instanceof SequenceStartEvent
                    || e instanceof AliasEvent) && ++elements > limits.elements()) {
                throw new ExpansionLimitException("file holds more than " + limits.elements()
                        + " elements (jobdrop.limits.elements)", e.getStartMark());
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
