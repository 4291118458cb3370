package dev.vigil.detect.sigma;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Sigma condition expressions: {@code and}, {@code or}, {@code not}, parentheses, {@code 1 of x*},
 * {@code all of x*}, {@code 1 of them}, {@code all of them} (and {@code N of}, {@code any of}), with Sigma's
 * precedence: {@code or} binds least, then {@code and}, then {@code not}, then {@code x of}, then parentheses.
 *
 * <p>Errors are {@link ConditionSyntaxException}s naming the column (1-based) and the problem. Pure.
 */
public final class ConditionParser {

    /** A condition that cannot be parsed; {@link #column()} is 1-based within the condition text. */
    public static final class ConditionSyntaxException extends Exception {
        private final int column;
        private final boolean unsupported;

        ConditionSyntaxException(int column, String problem, boolean unsupported) {
            super(problem);
            this.column = column;
            this.unsupported = unsupported;
        }

        public int column() {
            return column;
        }

        public boolean unsupported() {
            return unsupported;
        }
    }

    private record Token(String text, int column) {
        boolean is(String keyword) {
            return text.equalsIgnoreCase(keyword);
        }
    }

    private final List<Token> tokens;
    private int position;

    private ConditionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses one condition expression. */
    public static Condition parse(String text) throws ConditionSyntaxException {
        ConditionParser parser = new ConditionParser(tokenize(text));
        if (parser.tokens.isEmpty()) {
            throw new ConditionSyntaxException(1, "the condition is empty", false);
        }
        checkParentheses(parser.tokens);
        Condition condition = parser.or();
        if (parser.position < parser.tokens.size()) {
            Token extra = parser.tokens.get(parser.position);
            if (extra.is(")")) {
                throw new ConditionSyntaxException(extra.column(), "unbalanced parentheses: ')' at column " + extra.column() + " has no matching '('", false);
            }
            throw new ConditionSyntaxException(extra.column(), "unexpected '" + extra.text() + "' at column " + extra.column()
                    + ": expected 'and', 'or' or the end of the condition", false);
        }
        return condition;
    }

    private static void checkParentheses(List<Token> tokens) throws ConditionSyntaxException {
        ArrayDeque<Token> open = new ArrayDeque<>();
        for (Token token : tokens) {
            if (token.is("(")) {
                open.push(token);
            } else if (token.is(")")) {
                if (open.isEmpty()) {
                    throw new ConditionSyntaxException(token.column(), "unbalanced parentheses: ')' at column " + token.column()
                            + " has no matching '('", false);
                }
                open.pop();
            }
        }
        if (!open.isEmpty()) {
            Token unclosed = open.peek();
            throw new ConditionSyntaxException(unclosed.column(), "unbalanced parentheses: '(' at column " + unclosed.column()
                    + " is never closed", false);
        }
    }

    private Condition or() throws ConditionSyntaxException {
        List<Condition> operands = new ArrayList<>();
        operands.add(and());
        while (peekIs("or")) {
            position++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.getFirst() : new Condition.Or(operands);
    }

    private Condition and() throws ConditionSyntaxException {
        List<Condition> operands = new ArrayList<>();
        operands.add(not());
        while (peekIs("and")) {
            position++;
            operands.add(not());
        }
        return operands.size() == 1 ? operands.getFirst() : new Condition.And(operands);
    }

    private Condition not() throws ConditionSyntaxException {
        if (peekIs("not")) {
            position++;
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() throws ConditionSyntaxException {
        Token token = next("a search identifier, 'not', 'N of' or '('");
        if (token.is("(")) {
            Condition inner = or();
            if (position >= tokens.size()) {
                throw new ConditionSyntaxException(token.column(), "unbalanced parentheses: '(' at column " + token.column() + " is never closed", false);
            }
            Token close = tokens.get(position++);
            if (!close.is(")")) {
                throw new ConditionSyntaxException(close.column(), "unexpected '" + close.text() + "' at column " + close.column() + ": expected ')'", false);
            }
            return inner;
        }
        if (token.is(")")) {
            throw new ConditionSyntaxException(token.column(), "unbalanced parentheses: ')' at column " + token.column() + " has no matching '('", false);
        }
        if (token.is("and") || token.is("or") || token.is("of") || token.is("them")) {
            throw new ConditionSyntaxException(token.column(), "unexpected '" + token.text() + "' at column " + token.column()
                    + ": expected a search identifier, 'not', 'N of' or '('", false);
        }
        if (peekIs("of")) {
            int count = quantity(token);
            position++;
            Token target = next("a search-identifier pattern or 'them' after 'of'");
            if (target.is("(") || target.is(")") || target.is("and") || target.is("or") || target.is("not")) {
                throw new ConditionSyntaxException(target.column(), "unexpected '" + target.text() + "' at column " + target.column()
                        + ": expected a search-identifier pattern or 'them' after 'of'", false);
            }
            return new Condition.Quantified(count, target.is("them") ? null : target.text());
        }
        return new Condition.Reference(token.text());
    }

    private static int quantity(Token token) throws ConditionSyntaxException {
        if (token.is("all")) {
            return Condition.Quantified.ALL;
        }
        if (token.is("any")) {
            return 1;
        }
        try {
            int count = Integer.parseInt(token.text());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConditionSyntaxException(token.column(), "'" + token.text() + " of' at column " + token.column()
                + ": the quantity must be 'all', 'any' or a positive number", false);
    }

    private boolean peekIs(String keyword) {
        return position < tokens.size() && tokens.get(position).is(keyword);
    }

    private Token next(String expected) throws ConditionSyntaxException {
        if (position >= tokens.size()) {
            int column = tokens.isEmpty() ? 1 : tokens.getLast().column() + tokens.getLast().text().length();
            throw new ConditionSyntaxException(column, "the condition ends early: expected " + expected, false);
        }
        return tokens.get(position++);
    }

    private static List<Token> tokenize(String text) throws ConditionSyntaxException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), i + 1));
                i++;
            } else if (c == '|') {
                throw new ConditionSyntaxException(i + 1, "unsupported: '|' at column " + (i + 1)
                        + " starts a Sigma 1 aggregation (count() ...); express it as a correlation rule", true);
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()|".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                String word = text.substring(start, i);
                if (!word.matches("[A-Za-z0-9_.*\\-]+")) {
                    throw new ConditionSyntaxException(start + 1, "'" + word + "' at column " + (start + 1)
                            + " is not a search identifier (letters, digits, '_', '-', '.', '*')", false);
                }
                tokens.add(new Token(word, start + 1));
            }
        }
        return tokens;
    }
}
