package io.jobdrop.spec.template;

import io.jobdrop.spec.go.GoQuoting;
import io.jobdrop.spec.go.GoStringOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a parsed template the way Go's text/template executes it (exec.go) with Option("missingkey=error"). The
 * executor remembers the node it is at, because Go reports every execution error at that node:
 * {@code executing "" at <.query>: map has no entry for key "query"}.
 */
final class Executor {
    /** Go stops at 100000 nested {{template}} calls (1000 on wasm); a Java thread's stack holds far fewer. */
    static final int MAX_EXEC_DEPTH = 100;

    private static final RuntimeException BREAK = new ControlFlow();
    private static final RuntimeException CONTINUE = new ControlFlow();

    /** {{break}} and {{continue}} unwind to the enclosing range. */
    private static final class ControlFlow extends RuntimeException {
        ControlFlow() {
            super(null, null, false, false);
        }
    }

    private record Variable(String name, Object value) {
    }

    private final Map<String, Node.ListNode> templates;
    private final StringBuilder out;
    private final Budget budget;
    private String name = "";
    private Node node;
    private List<Variable> vars = new ArrayList<>();
    private int depth;

    private Executor(Map<String, Node.ListNode> templates, int sizeHint, TemplateLimits limits) {
        this.templates = templates;
        this.out = new StringBuilder((int) Math.min(sizeHint, limits.outputBytes()));
        this.budget = new Budget(limits);
    }

    static String execute(Map<String, Node.ListNode> templates, Object data, int sizeHint, TemplateLimits limits) {
        Executor s = new Executor(templates, sizeHint, limits);
        s.vars.add(new Variable("$", data));
        try {
            s.walk(data, templates.get(""));
            String rendered = s.out.toString();
            s.budget.output(GoStrings.utf8Length(rendered, 0, rendered.length()));
            return rendered;
        } catch (Budget.Exhausted exhausted) {
            throw s.errorf(exhausted.getMessage());
        }
    }

    private TemplateFailure errorf(String message) {
        return TemplateFailure.executing(
                "executing " + GoQuoting.quote(name) + " at <" + node + ">: " + message, node.pos());
    }

    private void at(Node n) {
        node = n;
    }

    private int mark() {
        return vars.size();
    }

    private void pop(int mark) {
        vars.subList(mark, vars.size()).clear();
    }

    private void setVar(String varName, Object value) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(varName)) {
                vars.set(i, new Variable(varName, value));
                return;
            }
        }
        throw errorf("undefined variable: " + varName);
    }

    private void setTopVar(int n, Object value) {
        int i = vars.size() - n;
        vars.set(i, new Variable(vars.get(i).name(), value));
    }

    private Object varValue(String varName) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(varName)) {
                return vars.get(i).value();
            }
        }
        throw errorf("undefined variable: " + varName);
    }

    private void walk(Object dot, Node n) {
        at(n);
        budget.step();
        if (n instanceof Node.Action action) {
            // declared variables persist until the next {{end}}; a declaring action prints nothing
            Object value = evalPipeline(dot, action.pipe());
            if (action.pipe().decl.isEmpty()) {
                printValue(action, value);
            }
        } else if (n instanceof Node.Text text) {
            out.append(text.text());
            budget.output(out.length());
        } else if (n instanceof Node.ListNode list) {
            for (Node child : list.nodes) {
                walk(dot, child);
            }
        } else if (n instanceof Node.Branch branch) {
            if (branch.kind().equals("range")) {
                walkRange(dot, branch);
            } else {
                walkIfOrWith(branch.kind().equals("with"), dot, branch);
            }
        } else if (n instanceof Node.TemplateCall call) {
            walkTemplate(dot, call);
        } else if (n instanceof Node.Break) {
            throw BREAK;
        } else if (n instanceof Node.Continue) {
            throw CONTINUE;
        } else {
            throw errorf("unknown node: " + n);
        }
    }

    private void walkIfOrWith(boolean isWith, Object dot, Node.Branch branch) {
        int mark = mark();
        try {
            Object value = evalPipeline(dot, branch.pipe());
            if (GoValues.isTrue(value)) {
                walk(isWith ? value : dot, branch.list());
            } else if (branch.elseList() != null) {
                walk(dot, branch.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, Node.Branch r) {
        at(r);
        int outer = mark();
        try {
            Object value = evalPipeline(dot, r.pipe());
            int mark = mark();
            boolean ran = false;
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    ran = true;
                    oneIteration(r, mark, (long) i, list.get(i));
                }
            } else if (value instanceof Map<?, ?> map) {
                List<String> keys = new ArrayList<>();
                map.keySet().forEach(k -> keys.add((String) k));
                keys.sort(GoStringOrder.BYTE_ORDER);
                for (String key : keys) {
                    ran = true;
                    oneIteration(r, mark, key, map.get(key));
                }
            } else if (value instanceof Long count) {
                // Go 1.24 ranges over integers: 0..n-1, with at most one variable
                if (r.pipe().decl.size() > 1) {
                    throw errorf("can't use " + GoFormat.value(value) + " to iterate over more than one variable");
                }
                for (long i = 0; i < count; i++) {
                    ran = true;
                    oneIteration(r, mark, null, i);
                }
            } else if (value != null) {
                throw errorf("range can't iterate over " + GoFormat.value(value));
            }
            if (!ran && r.elseList() != null) {
                walk(dot, r.elseList());
            }
        } catch (ControlFlow flow) {
            if (flow != BREAK) {
                throw flow;
            }
        } catch (Budget.Exhausted exhausted) {
            // the loop is what the user must change, not the empty or tiny body the limit happened to stop in
            at(r);
            throw errorf(exhausted.getMessage());
        } finally {
            pop(outer);
        }
    }

    private void oneIteration(Node.Branch r, int mark, Object index, Object elem) {
        Node.Pipe pipe = r.pipe();
        if (!pipe.decl.isEmpty()) {
            if (pipe.isAssign) {
                // with two variables the index comes first; with one, the element
                setVar(pipe.decl.get(0).ident().get(0), pipe.decl.size() > 1 ? index : elem);
            } else {
                setTopVar(1, elem);
            }
        }
        if (pipe.decl.size() > 1) {
            if (pipe.isAssign) {
                setVar(pipe.decl.get(1).ident().get(0), elem);
            } else {
                setTopVar(2, index);
            }
        }
        try {
            walk(elem, r.list());
        } catch (ControlFlow flow) {
            if (flow != CONTINUE) {
                throw flow;
            }
        } finally {
            pop(mark);
        }
    }

    private void walkTemplate(Object dot, Node.TemplateCall t) {
        at(t);
        Node.ListNode tree = templates.get(t.name());
        if (tree == null) {
            throw errorf("template " + GoQuoting.quote(t.name()) + " not defined");
        }
        if (depth == MAX_EXEC_DEPTH) {
            throw errorf("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
        }
        Object newDot = evalPipeline(dot, t.pipe());
        String callerName = name;
        List<Variable> callerVars = vars;
        Node callerNode = node;
        // no dynamic scoping: the called template sees only $
        name = t.name();
        vars = new ArrayList<>(List.of(new Variable("$", newDot)));
        depth++;
        try {
            walk(newDot, tree);
        } finally {
            depth--;
            vars = callerVars;
            name = callerName;
            node = callerNode;
        }
    }

    private Object evalPipeline(Object dot, Node.Pipe pipe) {
        if (pipe == null) {
            return null;
        }
        at(pipe);
        Object value = GoValues.MISSING;
        for (Node.Command cmd : pipe.cmds) {
            value = evalCommand(dot, cmd, value); // the previous value is this command's final argument
        }
        for (Node.Variable variable : pipe.decl) {
            if (pipe.isAssign) {
                setVar(variable.ident().get(0), value);
            } else {
                vars.add(new Variable(variable.ident().get(0), value));
            }
        }
        return value;
    }

    private void notAFunction(List<Node> args, Object fin) {
        if ((args != null && args.size() > 1) || fin != GoValues.MISSING) {
            throw errorf("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalCommand(Object dot, Node.Command cmd, Object fin) {
        Node first = cmd.args.get(0);
        if (first instanceof Node.Field field) {
            return evalFieldNode(dot, field, cmd.args, fin);
        }
        if (first instanceof Node.Chain chain) {
            return evalChainNode(dot, chain, cmd.args, fin);
        }
        if (first instanceof Node.Identifier identifier) {
            return evalFunction(dot, identifier, cmd, cmd.args, fin);
        }
        if (first instanceof Node.Pipe pipe) {
            // a parenthesized pipeline takes no arguments
            notAFunction(cmd.args, fin);
            return evalPipeline(dot, pipe);
        }
        if (first instanceof Node.Variable variable) {
            return evalVariableNode(dot, variable, cmd.args, fin);
        }
        at(first);
        notAFunction(cmd.args, fin);
        if (first instanceof Node.Bool b) {
            return b.value();
        }
        if (first instanceof Node.Dot) {
            return dot;
        }
        if (first instanceof Node.Nil) {
            throw errorf("nil is not a command");
        }
        if (first instanceof Node.Number number) {
            return idealConstant(number);
        }
        if (first instanceof Node.Str s) {
            return s.text();
        }
        throw errorf("can't evaluate command " + GoQuoting.quote(first.toString()));
    }

    /** A constant's type comes from its spelling: 1 is an int, 1.0 and 1e3 float64, 'a' a rune (int). */
    private Object idealConstant(Node.Number constant) {
        at(constant);
        NumberValue n = constant.value();
        String text = constant.text();
        if (n.isComplex) {
            return n.complex128;
        }
        boolean hexInt = text.length() > 2 && text.charAt(0) == '0'
                && (text.charAt(1) == 'x' || text.charAt(1) == 'X') && !NumberValue.containsAny(text, "pP");
        boolean runeInt = text.startsWith("'");
        if (n.isFloat && !hexInt && !runeInt && NumberValue.containsAny(text, ".eEpP")) {
            return n.float64;
        }
        if (n.isInt) {
            return n.int64;
        }
        if (n.isUint) {
            throw errorf(text + " overflows int");
        }
        return null;
    }

    private Object evalFieldNode(Object dot, Node.Field field, List<Node> args, Object fin) {
        at(field);
        return evalFieldChain(dot, dot, field, field.ident(), args, fin);
    }

    private Object evalChainNode(Object dot, Node.Chain chain, List<Node> args, Object fin) {
        at(chain);
        if (chain.node instanceof Node.Nil) {
            throw errorf("indirection through explicit nil in " + chain);
        }
        Object receiver = evalArg(dot, null, chain.node);
        return evalFieldChain(dot, receiver, chain, chain.fields, args, fin);
    }

    private Object evalVariableNode(Object dot, Node.Variable variable, List<Node> args, Object fin) {
        at(variable);
        Object value = varValue(variable.ident().get(0));
        if (variable.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, variable, variable.ident().subList(1, variable.ident().size()), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node n, List<String> ident, List<Node> args, Object fin) {
        int last = ident.size() - 1;
        for (int i = 0; i < last; i++) {
            receiver = evalField(ident.get(i), null, GoValues.MISSING, receiver);
        }
        return evalField(ident.get(last), args, fin, receiver);
    }

    private Object evalFunction(Object dot, Node.Identifier n, Node cmd, List<Node> args, Object fin) {
        at(n);
        Builtins.Function function = Builtins.lookup(n.ident());
        if (function == null) {
            throw errorf(GoQuoting.quote(n.ident()) + " is not a defined function");
        }
        return evalCall(dot, function, cmd, args, fin);
    }

    /** Map keys are the only fields template data has; a missing one is an error (missingkey=error). */
    private Object evalField(String fieldName, List<Node> args, Object fin, Object receiver) {
        if (receiver == null) {
            throw errorf("nil data; no entry for key " + GoQuoting.quote(fieldName));
        }
        boolean hasArgs = (args != null && args.size() > 1) || fin != GoValues.MISSING;
        if (receiver instanceof Map<?, ?> map) {
            if (hasArgs) {
                throw errorf(fieldName + " is not a method but has arguments");
            }
            Object result = map.get(fieldName);
            if (result == null) {
                throw errorf("map has no entry for key " + GoQuoting.quote(fieldName));
            }
            return result;
        }
        throw errorf("can't evaluate field " + fieldName + " in type " + GoValues.typeName(receiver));
    }

    private Object evalCall(Object dot, Builtins.Function fn, Node n, List<Node> args, Object fin) {
        List<Node> params = args == null ? List.of() : args.subList(1, args.size());
        String fnName = fn.name();
        int numIn = params.size() + (fin != GoValues.MISSING ? 1 : 0);
        int numFixed = params.size();
        if (fn.isVariadic()) {
            numFixed = fn.fixed().size();
            if (numIn < numFixed) {
                throw errorf("wrong number of args for " + fnName + ": want at least " + numFixed
                        + " got " + params.size());
            }
        } else if (numIn != fn.fixed().size()) {
            throw errorf("wrong number of args for " + fnName + ": want " + fn.fixed().size() + " got " + numIn);
        }
        if (fnName.equals("and") || fnName.equals("or")) {
            // and/or stop at the first argument that decides the result, leaving the rest unevaluated
            Object v = null;
            for (Node arg : params) {
                v = evalArg(dot, Builtins.Param.VALUE, arg);
                if (GoValues.isTrue(v) == fnName.equals("or")) {
                    return v;
                }
            }
            if (fin != GoValues.MISSING) {
                v = validateType(fin, Builtins.Param.VALUE);
            }
            return v;
        }
        List<Object> argv = new ArrayList<>(numIn + 1);
        int i = 0;
        for (; i < numFixed && i < params.size(); i++) {
            argv.add(evalArg(dot, fn.fixed().get(i), params.get(i)));
        }
        if (fn.isVariadic()) {
            for (; i < params.size(); i++) {
                argv.add(evalArg(dot, fn.variadic(), params.get(i)));
            }
        }
        if (fin != GoValues.MISSING) {
            Builtins.Param type = fn.isVariadic() && numIn - 1 >= numFixed
                    ? fn.variadic()
                    : fn.fixed().get(numIn - 1);
            argv.add(validateType(fin, type));
        }
        if (fnName.equals("call")) {
            argv.add(0, params.isEmpty() ? "" : params.get(0).toString());
        }
        budget.step();
        try {
            Object result = fn.body().apply(argv, budget);
            if (result instanceof String built) {
                budget.built(built.length());
            }
            return result;
        } catch (Budget.Exhausted e) {
            at(n);
            throw errorf(e.getMessage());
        } catch (CallError e) {
            at(n);
            throw errorf("error calling " + fnName + ": " + e.getMessage());
        }
    }

    private Object validateType(Object value, Builtins.Param type) {
        if (value == null) {
            if (type == null || type.canBeNil()) {
                return null;
            }
            throw errorf("invalid value; expected " + type.goName);
        }
        if (type == Builtins.Param.STRING && !(value instanceof String)) {
            throw errorf("wrong type for value; expected string; got " + GoValues.typeName(value));
        }
        return value;
    }

    private Object evalArg(Object dot, Builtins.Param type, Node n) {
        at(n);
        if (n instanceof Node.Dot) {
            return validateType(dot, type);
        }
        if (n instanceof Node.Nil) {
            if (type == null || type.canBeNil()) {
                return null;
            }
            throw errorf("cannot assign nil to " + type.goName);
        }
        if (n instanceof Node.Field field) {
            return validateType(evalFieldNode(dot, field, List.of(n), GoValues.MISSING), type);
        }
        if (n instanceof Node.Variable variable) {
            return validateType(evalVariableNode(dot, variable, null, GoValues.MISSING), type);
        }
        if (n instanceof Node.Pipe pipe) {
            return validateType(evalPipeline(dot, pipe), type);
        }
        if (n instanceof Node.Identifier identifier) {
            return validateType(evalFunction(dot, identifier, identifier, null, GoValues.MISSING), type);
        }
        if (n instanceof Node.Chain chain) {
            return validateType(evalChainNode(dot, chain, null, GoValues.MISSING), type);
        }
        if (type == Builtins.Param.STRING) {
            if (n instanceof Node.Str s) {
                return s.text();
            }
            throw errorf("expected string; found " + n);
        }
        return evalEmptyInterface(dot, n);
    }

    private Object evalEmptyInterface(Object dot, Node n) {
        at(n);
        if (n instanceof Node.Bool b) {
            return b.value();
        }
        if (n instanceof Node.Number number) {
            return idealConstant(number);
        }
        if (n instanceof Node.Str s) {
            return s.text();
        }
        throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }

    private void printValue(Node n, Object value) {
        at(n);
        out.append(value == null ? "<no value>" : GoFormat.value(value));
        budget.output(out.length());
    }
}
