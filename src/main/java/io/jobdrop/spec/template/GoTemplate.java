package io.jobdrop.spec.template;

import io.jobdrop.spec.SourcePosition;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Renders a job file the way {@code bacalhau job run} does before parsing it: the whole text goes through Go's
 * text/template with {@code missingkey=error} and a flat map of string variables as data. So {@code {{.name}}} fails
 * when name is not set, while {@code {{or (index . "name") "default"}}} falls back. {@code {{define}}},
 * {@code {{template}}} and {@code {{block}}} work as in Go.
 */
public final class GoTemplate {

    private GoTemplate() {
    }

    public static String render(String text, Map<String, String> vars) throws TemplateException {
        return render(text, vars, TemplateLimits.DEFAULTS);
    }

    /** Renders within {@code limits}: a template that would run longer or write more is refused, at its node. */
    public static String render(String text, Map<String, String> vars, TemplateLimits limits) throws TemplateException {
        Objects.requireNonNull(text, "text");
        if (!text.contains("{{")) {
            // without a left delimiter Go's lexer yields one text node: the output is the input
            return text;
        }
        Map<String, String> data = new TreeMap<>();
        if (vars != null) {
            vars.forEach((k, v) -> data.put(Objects.requireNonNull(k, "variable name"), v == null ? "" : v));
        }
        return renderData(text, data, limits);
    }

    /** Renders with any template value as the data (a Map of strings, a List, a String, ...), for tests of range. */
    static String renderData(String text, Object data) throws TemplateException {
        return renderData(text, data, TemplateLimits.DEFAULTS);
    }

    private static String renderData(String text, Object data, TemplateLimits limits) throws TemplateException {
        Map<String, Node.ListNode> templates;
        try {
            templates = Parser.parse(text, limits.tokens());
        } catch (TemplateFailure failure) {
            throw failure.toException(text);
        } catch (StackOverflowError tooDeep) {
            // Go's stack grows to a gigabyte; a job file nested this deeply is refused rather than crash the thread
            throw new TemplateException("template: : nesting too deep to parse", SourcePosition.UNKNOWN, true);
        }
        try {
            return Executor.execute(templates, data, text.length(), limits);
        } catch (TemplateFailure failure) {
            throw failure.toException(text);
        } catch (StackOverflowError tooDeep) {
            throw new TemplateException("template: : nesting too deep to execute", SourcePosition.UNKNOWN, false);
        }
    }
}
