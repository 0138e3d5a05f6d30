package io.jobdrop.spec.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The predefined functions of text/template with Go's parameter lists, which decide how arguments are evaluated and
 * how a wrong argument count is worded. Bacalhau adds no functions of its own (no Sprig).
 */
final class Builtins {

    /** Go parameter types that matter to argument evaluation. */
    enum Param {
        /** reflect.Value: takes anything, nil included. */
        VALUE("reflect.Value"),
        /** interface{}: takes anything, nil included. */
        ANY("interface {}"),
        STRING("string");

        final String goName;

        Param(String goName) {
            this.goName = goName;
        }

        boolean canBeNil() {
            return this != STRING;
        }
    }

    @FunctionalInterface
    interface Body {
        Object apply(List<Object> args, Budget budget) throws CallError;
    }

    /** A function: its fixed parameters, the element type of its variadic tail (or null) and what it does. */
    record Function(String name, List<Param> fixed, Param variadic, Body body) {
        boolean isVariadic() {
            return variadic != null;
        }
    }

    private static final Map<String, Function> FUNCTIONS = Map.ofEntries(
            entry("and", List.of(Param.VALUE), Param.VALUE, (args, budget) -> {
                throw new IllegalStateException("and short-circuits in the executor");
            }),
            entry("or", List.of(Param.VALUE), Param.VALUE, (args, budget) -> {
                throw new IllegalStateException("or short-circuits in the executor");
            }),
            entry("call", List.of(Param.VALUE), Param.VALUE, (args, budget) -> call(args)),
            entry("html", List.of(), Param.ANY, (args, budget) -> Escapers.html(evalArgs(args, budget))),
            entry("index", List.of(Param.VALUE), Param.VALUE, (args, budget) -> Indexing.index(args.get(0), rest(args))),
            entry("slice", List.of(Param.VALUE), Param.VALUE, (args, budget) -> Indexing.slice(args.get(0), rest(args))),
            entry("js", List.of(), Param.ANY, (args, budget) -> Escapers.js(evalArgs(args, budget))),
            entry("len", List.of(Param.VALUE), null, (args, budget) -> Indexing.length(args.get(0))),
            entry("not", List.of(Param.VALUE), null, (args, budget) -> !GoValues.isTrue(args.get(0))),
            entry("print", List.of(), Param.ANY, GoFormat::sprint),
            entry("printf", List.of(Param.STRING), Param.ANY,
                    (args, budget) -> GoFormat.sprintf((String) args.get(0), rest(args), budget)),
            entry("println", List.of(), Param.ANY, GoFormat::sprintln),
            entry("urlquery", List.of(), Param.ANY, (args, budget) -> Escapers.urlQuery(evalArgs(args, budget))),
            entry("eq", List.of(Param.VALUE), Param.VALUE, (args, budget) -> Comparisons.eq(args.get(0), rest(args))),
            entry("ge", List.of(Param.VALUE, Param.VALUE), null, (args, budget) -> Comparisons.ge(args.get(0), args.get(1))),
            entry("gt", List.of(Param.VALUE, Param.VALUE), null, (args, budget) -> Comparisons.gt(args.get(0), args.get(1))),
            entry("le", List.of(Param.VALUE, Param.VALUE), null, (args, budget) -> Comparisons.le(args.get(0), args.get(1))),
            entry("lt", List.of(Param.VALUE, Param.VALUE), null, (args, budget) -> Comparisons.lt(args.get(0), args.get(1))),
            entry("ne", List.of(Param.VALUE, Param.VALUE), null, (args, budget) -> Comparisons.ne(args.get(0), args.get(1))));

    private Builtins() {
    }

    private static Map.Entry<String, Function> entry(String name, List<Param> fixed, Param variadic, Body body) {
        return Map.entry(name, new Function(name, fixed, variadic, body));
    }

    static boolean isDefined(String name) {
        return FUNCTIONS.containsKey(name);
    }

    static Function lookup(String name) {
        return FUNCTIONS.get(name);
    }

    private static List<Object> rest(List<Object> args) {
        return args.subList(1, args.size());
    }

    /**
     * fmt.Sprint of the arguments, except that nil prints as "&lt;no value&gt;" the way an action prints it
     * (funcs.go evalArgs).
     */
    private static String evalArgs(List<Object> args, Budget budget) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        List<Object> printable = new ArrayList<>(args.size());
        for (Object arg : args) {
            printable.add(arg == null ? "<no value>" : arg);
        }
        return GoFormat.sprint(printable, budget);
    }

    /** call's first argument is the callee's source text, put there by the executor for the error message. */
    private static Object call(List<Object> args) throws CallError {
        Object fn = args.get(1);
        if (fn == null) {
            throw new CallError("call of nil");
        }
        // template data holds no functions, so whatever was passed cannot be called
        throw new CallError("non-function " + args.get(0) + " of type " + GoValues.typeName(fn));
    }
}
