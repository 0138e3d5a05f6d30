package io.jobdrop.spec.template;

import io.jobdrop.spec.go.GoQuoting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parse tree (Go's text/template/parse/node.go). Every node keeps the char offset Go reports errors at, and
 * {@link #toString()} is Go's String(), which error messages quote as the failing context.
 */
interface Node {

    int pos();

    /** Nodes that may not start a later pipeline stage, and may not be followed by ".field". */
    static boolean isLiteral(Node n) {
        return n instanceof Bool || n instanceof Dot || n instanceof Nil || n instanceof Number || n instanceof Str;
    }

    final class ListNode implements Node {
        private final int pos;
        final List<Node> nodes = new ArrayList<>();

        ListNode(int pos) {
            this.pos = pos;
        }

        @Override
        public int pos() {
            return pos;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            nodes.forEach(sb::append);
            return sb.toString();
        }
    }

    record Text(int pos, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record Action(int pos, int line, Pipe pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    final class Pipe implements Node {
        private final int pos;
        final int line;
        boolean isAssign;
        final List<Variable> decl = new ArrayList<>();
        final List<Command> cmds = new ArrayList<>();

        Pipe(int pos, int line) {
            this.pos = pos;
            this.line = line;
        }

        @Override
        public int pos() {
            return pos;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    sb.append(decl.get(i));
                }
                sb.append(isAssign ? " = " : " := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                if (i > 0) {
                    sb.append(" | ");
                }
                sb.append(cmds.get(i));
            }
            return sb.toString();
        }
    }

    final class Command implements Node {
        private final int pos;
        final List<Node> args = new ArrayList<>();

        Command(int pos) {
            this.pos = pos;
        }

        @Override
        public int pos() {
            return pos;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                Node arg = args.get(i);
                sb.append(arg instanceof Pipe ? "(" + arg + ")" : arg.toString());
            }
            return sb.toString();
        }
    }

    /** $x or $x.Field1.Field2; ident[0] is the variable name, with its '$'. */
    record Variable(int pos, List<String> ident) implements Node {
        static Variable of(int pos, String text) {
            return new Variable(pos, Arrays.asList(text.split("\\.", -1)));
        }

        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    /** .Field1.Field2; ident holds the names without dots. */
    record Field(int pos, List<String> ident) implements Node {
        static Field of(int pos, String text) {
            return new Field(pos, Arrays.asList(text.substring(1).split("\\.", -1)));
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            ident.forEach(id -> sb.append('.').append(id));
            return sb.toString();
        }
    }

    /** (pipeline).Field1.Field2 or function.Field: a term followed by fields. */
    final class Chain implements Node {
        private final int pos;
        final Node node;
        final List<String> fields = new ArrayList<>();

        Chain(int pos, Node node) {
            this.pos = pos;
            this.node = node;
        }

        void add(String field) {
            fields.add(field.substring(1));
        }

        @Override
        public int pos() {
            return pos;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(node instanceof Pipe ? "(" + node + ")" : node.toString());
            fields.forEach(f -> sb.append('.').append(f));
            return sb.toString();
        }
    }

    record Identifier(int pos, String ident) implements Node {
        @Override
        public String toString() {
            return ident;
        }
    }

    record Dot(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    record Nil(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    record Bool(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return value ? "true" : "false";
        }
    }

    /** A string literal: quoted is the source text, text the unquoted value. */
    record Str(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    /** A numeric constant with every Go type it fits, as parse.NumberNode keeps them. */
    record Number(int pos, String text, NumberValue value) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record End(int pos) implements Node {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    record Else(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }

    record Break(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    record Continue(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    /** if, range and with share one shape; kind names the keyword. */
    record Branch(String kind, int pos, int line, Pipe pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String toString() {
            String s = "{{" + kind + " " + pipe + "}}" + list;
            if (elseList != null) {
                s += "{{else}}" + elseList;
            }
            return s + "{{end}}";
        }
    }

    record TemplateCall(int pos, int line, String name, Pipe pipe) implements Node {
        @Override
        public String toString() {
            String quoted = GoQuoting.quote(name);
            return pipe == null ? "{{template " + quoted + "}}" : "{{template " + quoted + " " + pipe + "}}";
        }
    }
}
