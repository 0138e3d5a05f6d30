package io.jobdrop.spec.template;

import io.jobdrop.spec.go.GoQuoting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's text/template parser (parse.Tree), ported decision for decision: the three-token look-ahead, the variable
 * scopes and the error wording all follow parse.go, so a template Go rejects fails here with the same message and
 * line. One Parser is one tree; {{define}} and {{block}} start another on the same lexer.
 */
final class Parser {
    /** Go allows 10000 nested parentheses (1000 on wasm); a Java thread's stack holds far fewer. */
    private static final int MAX_PAREN_DEPTH = 100;

    private String name;
    private final Lexer lex;
    private final Tokens tokens;
    private final Map<String, Node.ListNode> trees;
    private final Item[] token = new Item[3];
    private int peekCount;
    private final List<String> vars = new ArrayList<>(List.of("$"));
    private int actionLine;
    private int rangeDepth;
    private int stackDepth;
    private Node.ListNode root;

    /** Tokens read so far by all trees of one template, against the limit. */
    private static final class Tokens {
        private final long max;
        private long read;

        Tokens(long max) {
            this.max = max;
        }
    }

    private Parser(String name, Lexer lex, Map<String, Node.ListNode> trees, Tokens tokens) {
        this.name = name;
        this.lex = lex;
        this.trees = trees;
        this.tokens = tokens;
    }

    /** Parses a whole template: the top level under the name "", plus every {{define}} and {{block}}. */
    static Map<String, Node.ListNode> parse(String text) {
        return parse(text, TemplateLimits.DEFAULTS.tokens());
    }

    /** As {@link #parse(String)}, refusing a template of more than {@code maxTokens} tokens as it reaches them. */
    static Map<String, Node.ListNode> parse(String text, long maxTokens) {
        Map<String, Node.ListNode> trees = new HashMap<>();
        Parser top = new Parser("", new Lexer(text), trees, new Tokens(maxTokens));
        top.parseTop();
        top.add();
        return trees;
    }

    private Item next() {
        if (peekCount > 0) {
            peekCount--;
        } else {
            token[0] = lexNext();
        }
        return token[peekCount];
    }

    private void backup() {
        peekCount++;
    }

    private void backup2(Item t1) {
        token[1] = t1;
        peekCount = 2;
    }

    private void backup3(Item t2, Item t1) {
        token[1] = t1;
        token[2] = t2;
        peekCount = 3;
    }

    private Item peek() {
        if (peekCount > 0) {
            return token[peekCount - 1];
        }
        peekCount = 1;
        token[0] = lexNext();
        return token[0];
    }

    private Item lexNext() {
        Item item = lex.nextItem();
        if (++tokens.read > tokens.max) {
            token[0] = item;
            throw errorf("template has more than " + tokens.max + " tokens (jobdrop.limits.template-tokens)");
        }
        return item;
    }

    private Item nextNonSpace() {
        Item t;
        do {
            t = next();
        } while (t.type() == ItemType.SPACE);
        return t;
    }

    private Item peekNonSpace() {
        Item t = nextNonSpace();
        backup();
        return t;
    }

    private TemplateFailure errorf(String message) {
        Item current = token[0];
        return TemplateFailure.parsing("template: :" + current.line() + ": " + message, current.pos(), current.line());
    }

    private Item expect(ItemType expected, String context) {
        Item t = nextNonSpace();
        if (t.type() != expected) {
            throw unexpected(t, context);
        }
        return t;
    }

    private Item expectOneOf(ItemType first, ItemType second, String context) {
        Item t = nextNonSpace();
        if (t.type() != first && t.type() != second) {
            throw unexpected(t, context);
        }
        return t;
    }

    private TemplateFailure unexpected(Item t, String context) {
        if (t.type() == ItemType.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != t.line()) {
                extra = " in action started at :" + actionLine;
                if (t.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length()); // avoid "action in action"
                }
            }
            return errorf(t + extra);
        }
        return errorf("unexpected " + t + " in " + context);
    }

    private void add() {
        Node.ListNode existing = trees.get(name);
        if (existing == null || isEmptyTree(existing)) {
            trees.put(name, root);
            return;
        }
        if (!isEmptyTree(root)) {
            throw errorf("template: multiple definition of template " + GoQuoting.quote(name));
        }
    }

    /** Whether a tree holds nothing but white space and comments (parse.IsEmptyTree). */
    static boolean isEmptyTree(Node n) {
        if (n == null) {
            return true;
        }
        if (n instanceof Node.ListNode list) {
            return list.nodes.stream().allMatch(Parser::isEmptyTree);
        }
        if (n instanceof Node.Text text) {
            return text.text().strip().isEmpty();
        }
        return false;
    }

    private void parseTop() {
        root = new Node.ListNode(peek().pos());
        while (peek().type() != ItemType.EOF) {
            if (peek().type() == ItemType.LEFT_DELIM) {
                Item delim = next();
                if (nextNonSpace().type() == ItemType.DEFINE) {
                    new Parser("definition", lex, trees, tokens).parseDefinition();
                    continue;
                }
                backup2(delim);
            }
            Node n = textOrAction();
            if (n instanceof Node.End || n instanceof Node.Else) {
                throw errorf("unexpected " + n);
            }
            root.nodes.add(n);
        }
    }

    private void parseDefinition() {
        String context = "define clause";
        Item nameToken = expectOneOf(ItemType.STRING, ItemType.RAW_STRING, context);
        name = unquote(nameToken.val());
        expect(ItemType.RIGHT_DELIM, context);
        Node end = itemList();
        if (!(end instanceof Node.End)) {
            throw errorf("unexpected " + end + " in " + context);
        }
        add();
    }

    /** Parses into root until {{end}} or {{else}}, which it returns. */
    private Node itemList() {
        root = new Node.ListNode(peekNonSpace().pos());
        return itemsInto(root);
    }

    private Node itemsInto(Node.ListNode list) {
        while (peekNonSpace().type() != ItemType.EOF) {
            Node n = textOrAction();
            if (n instanceof Node.End || n instanceof Node.Else) {
                return n;
            }
            list.nodes.add(n);
        }
        throw errorf("unexpected EOF");
    }

    private Node textOrAction() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case TEXT:
                return new Node.Text(t.pos(), t.val());
            case LEFT_DELIM:
                actionLine = t.line();
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            default:
                throw unexpected(t, "input");
        }
    }

    private Node action() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return breakControl(t, "{{break}}");
            case CONTINUE:
                return breakControl(t, "{{continue}}");
            case ELSE:
                return elseControl();
            case END:
                return new Node.End(expect(ItemType.RIGHT_DELIM, "end").pos());
            case IF:
                return control("if");
            case RANGE:
                return control("range");
            case TEMPLATE:
                return templateControl();
            case WITH:
                return control("with");
            default:
                break;
        }
        backup();
        Item first = peek();
        // variables declared here stay in scope until the enclosing {{end}}
        return new Node.Action(first.pos(), first.line(), pipeline("command", ItemType.RIGHT_DELIM));
    }

    private Node breakControl(Item keyword, String context) {
        Item t = nextNonSpace();
        if (t.type() != ItemType.RIGHT_DELIM) {
            throw unexpected(t, context);
        }
        if (rangeDepth == 0) {
            throw errorf(context + " outside {{range}}");
        }
        return keyword.type() == ItemType.BREAK
                ? new Node.Break(keyword.pos(), keyword.line())
                : new Node.Continue(keyword.pos(), keyword.line());
    }

    private Node.Pipe pipeline(String context, ItemType end) {
        Item first = peekNonSpace();
        Node.Pipe pipe = new Node.Pipe(first.pos(), first.line());
        boolean moreDeclarations = true;
        while (moreDeclarations) {
            moreDeclarations = false;
            Item v = peekNonSpace();
            if (v.type() != ItemType.VARIABLE) {
                break;
            }
            next();
            // "$x foo" versus "$x := foo" needs three tokens of look-ahead, spaces being tokens
            Item tokenAfterVariable = peek();
            Item following = peekNonSpace();
            if (following.type() == ItemType.ASSIGN || following.type() == ItemType.DECLARE) {
                pipe.isAssign = following.type() == ItemType.ASSIGN;
                nextNonSpace();
                pipe.decl.add(Node.Variable.of(v.pos(), v.val()));
                vars.add(v.val());
            } else if (following.type() == ItemType.CHAR && following.val().equals(",")) {
                nextNonSpace();
                pipe.decl.add(Node.Variable.of(v.pos(), v.val()));
                vars.add(v.val());
                if (context.equals("range") && pipe.decl.size() < 2) {
                    ItemType after = peekNonSpace().type();
                    if (after == ItemType.VARIABLE || after == ItemType.RIGHT_DELIM || after == ItemType.RIGHT_PAREN) {
                        moreDeclarations = true; // the second variable of "range $i, $e :="
                        continue;
                    }
                    throw errorf("range can only initialize variables");
                }
                throw errorf("too many declarations in " + context);
            } else if (tokenAfterVariable.type() == ItemType.SPACE) {
                backup3(v, tokenAfterVariable);
            } else {
                backup2(v);
            }
        }
        while (true) {
            Item t = nextNonSpace();
            if (t.type() == end) {
                checkPipeline(pipe, context);
                return pipe;
            }
            switch (t.type()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE,
                        LEFT_PAREN -> {
                    backup();
                    pipe.cmds.add(command());
                }
                default -> throw unexpected(t, context);
            }
        }
    }

    private void checkPipeline(Node.Pipe pipe, String context) {
        if (pipe.cmds.isEmpty()) {
            throw errorf("missing value for " + context);
        }
        for (int i = 1; i < pipe.cmds.size(); i++) {
            if (Node.isLiteral(pipe.cmds.get(i).args.get(0))) {
                throw errorf("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private Node.Branch control(String context) {
        int scope = vars.size();
        try {
            Node.Pipe pipe = pipeline(context, ItemType.RIGHT_DELIM);
            if (context.equals("range")) {
                rangeDepth++;
            }
            Node.ListNode list = new Node.ListNode(peekNonSpace().pos());
            Node next = itemsInto(list);
            if (context.equals("range")) {
                rangeDepth--;
            }
            Node.ListNode elseList = null;
            if (next instanceof Node.Else) {
                // "{{else if x}}" reads as "{{else}}{{if x}}...{{end}}" with the inner {{end}} shared
                if (context.equals("if") && peek().type() == ItemType.IF) {
                    next();
                    elseList = new Node.ListNode(next.pos());
                    elseList.nodes.add(control("if"));
                } else if (context.equals("with") && peek().type() == ItemType.WITH) {
                    next();
                    elseList = new Node.ListNode(next.pos());
                    elseList.nodes.add(control("with"));
                } else {
                    elseList = new Node.ListNode(peekNonSpace().pos());
                    Node end = itemsInto(elseList);
                    if (!(end instanceof Node.End)) {
                        throw errorf("expected end; found " + end);
                    }
                }
            }
            return new Node.Branch(context, pipe.pos(), pipe.line, pipe, list, elseList);
        } finally {
            vars.subList(scope, vars.size()).clear();
        }
    }

    private Node elseControl() {
        Item peeked = peekNonSpace();
        if (peeked.type() == ItemType.IF || peeked.type() == ItemType.WITH) {
            return new Node.Else(peeked.pos(), peeked.line());
        }
        Item t = expect(ItemType.RIGHT_DELIM, "else");
        return new Node.Else(t.pos(), t.line());
    }

    private Node blockControl() {
        String context = "block clause";
        Item t = nextNonSpace();
        String blockName = templateName(t, context);
        Node.Pipe pipe = pipeline(context, ItemType.RIGHT_DELIM);
        Parser block = new Parser(blockName, lex, trees, tokens);
        Node end = block.itemList();
        if (!(end instanceof Node.End)) {
            throw errorf("unexpected " + end + " in " + context);
        }
        block.add();
        return new Node.TemplateCall(t.pos(), t.line(), blockName, pipe);
    }

    private Node templateControl() {
        String context = "template clause";
        Item t = nextNonSpace();
        String templateName = templateName(t, context);
        Node.Pipe pipe = null;
        if (nextNonSpace().type() != ItemType.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, ItemType.RIGHT_DELIM);
        }
        return new Node.TemplateCall(t.pos(), t.line(), templateName, pipe);
    }

    private String templateName(Item t, String context) {
        if (t.type() == ItemType.STRING || t.type() == ItemType.RAW_STRING) {
            return unquote(t.val());
        }
        throw unexpected(t, context);
    }

    private Node.Command command() {
        Node.Command cmd = new Node.Command(peekNonSpace().pos());
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                cmd.args.add(operand);
            }
            Item t = next();
            if (t.type() == ItemType.SPACE) {
                continue;
            }
            if (t.type() == ItemType.RIGHT_DELIM || t.type() == ItemType.RIGHT_PAREN) {
                backup();
            } else if (t.type() != ItemType.PIPE) {
                throw unexpected(t, "operand");
            }
            break;
        }
        if (cmd.args.isEmpty()) {
            throw errorf("empty command");
        }
        return cmd;
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (peek().type() == ItemType.FIELD) {
            Node.Chain chain = new Node.Chain(peek().pos(), node);
            while (peek().type() == ItemType.FIELD) {
                chain.add(next().val());
            }
            // .X.Y stays a field and $x.Y a variable, as in Go's original API; only other terms keep the chain
            if (node instanceof Node.Field) {
                return Node.Field.of(chain.pos(), chain.toString());
            }
            if (node instanceof Node.Variable) {
                return Node.Variable.of(chain.pos(), chain.toString());
            }
            if (Node.isLiteral(node)) {
                throw errorf("unexpected . after term " + GoQuoting.quote(node.toString()));
            }
            return chain;
        }
        return node;
    }

    private Node term() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case IDENTIFIER:
                if (!Builtins.isDefined(t.val())) {
                    throw errorf("function " + GoQuoting.quote(t.val()) + " not defined");
                }
                return new Node.Identifier(t.pos(), t.val());
            case DOT:
                return new Node.Dot(t.pos());
            case NIL:
                return new Node.Nil(t.pos());
            case VARIABLE:
                return useVar(t.pos(), t.val());
            case FIELD:
                return Node.Field.of(t.pos(), t.val());
            case BOOL:
                return new Node.Bool(t.pos(), t.val().equals("true"));
            case CHAR_CONSTANT, COMPLEX, NUMBER:
                try {
                    return new Node.Number(t.pos(), t.val(), NumberValue.parse(t.val(), t.type()));
                } catch (NumberValue.NumberSyntaxError e) {
                    throw errorf(e.getMessage());
                }
            case LEFT_PAREN:
                if (stackDepth >= MAX_PAREN_DEPTH) {
                    throw errorf("max expression depth exceeded");
                }
                stackDepth++;
                try {
                    return pipeline("parenthesized pipeline", ItemType.RIGHT_PAREN);
                } finally {
                    stackDepth--;
                }
            case STRING, RAW_STRING:
                return new Node.Str(t.pos(), t.val(), unquote(t.val()));
            default:
                backup();
                return null;
        }
    }

    private Node useVar(int pos, String text) {
        Node.Variable v = Node.Variable.of(pos, text);
        if (vars.contains(v.ident().get(0))) {
            return v;
        }
        throw errorf("undefined variable " + GoQuoting.quote(v.ident().get(0)));
    }

    private String unquote(String literal) {
        try {
            return GoQuoting.unquote(literal);
        } catch (GoQuoting.SyntaxError e) {
            throw errorf(e.getMessage());
        }
    }
}
