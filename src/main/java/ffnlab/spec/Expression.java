package ffnlab.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A small arithmetic and logical expression over a trial's keys, for derived values
 * ({@code 0.001 * training.batch_size / 64}) and constraints ({@code parameters <= 5000}).
 *
 * <p>Grammar: {@code or := and ('or' and)*; and := cmp ('and' cmp)*; cmp := sum (('<'|'<='|'>'|'>='|'=='|'!=') sum)?;
 * sum := prod (('+'|'-') prod)*; prod := unary (('*'|'/'|'%') unary)*; unary := ('-'|'not') unary | power;
 * power := atom ('^' unary)?; atom := number | name | name '(' args ')' | '(' or ')'}. Names are dotted keys
 * ({@code model.hidden}) or the extras {@code parameters}, {@code depth}, {@code inputs}, {@code outputs}.
 * Values are vectors (a list key such as {@code model.hidden} is one); arithmetic needs single values,
 * {@code len sum min max} take a vector. True is 1, false is 0.
 *
 * @param text the expression as written
 * @param term the parsed form
 * @param mark where it was written, for messages about its value
 */
public record Expression(String text, Term term, Mark mark) {
    /** Names an expression may use besides the configuration keys. */
    public static final Set<String> EXTRAS = Set.of("parameters", "depth", "inputs", "outputs");
    private static final Set<String> FUNCTIONS = Set.of("min", "max", "sum", "len", "log", "log2", "exp", "sqrt",
            "pow", "abs", "round", "floor", "ceil");

    /** A parsed sub-expression. */
    @FunctionalInterface
    public interface Term {
        double[] eval(Function<String, double[]> variables);
    }

    /** Parses {@code text}; unknown names and syntax errors throw {@link IllegalArgumentException}. */
    public static Expression parse(String text) {
        return parse(text, Mark.of("expression"));
    }

    /** Parses {@code text} written at {@code mark}; unknown names and syntax errors throw {@link IllegalArgumentException}. */
    public static Expression parse(String text, Mark mark) {
        Parser p = new Parser(text);
        Term t = p.or();
        p.skip();
        if (p.pos < text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(p.pos) + "' at character " + (p.pos + 1));
        }
        return new Expression(text, t, mark);
    }

    /** The single value of the expression for the given variables. */
    public double evaluate(Function<String, double[]> variables) {
        return single(term.eval(variables), text);
    }

    private static double single(double[] v, String what) {
        if (v.length != 1) {
            throw new IllegalArgumentException("'" + what + "' is a list of " + v.length + " values; use len, sum, min or max");
        }
        return v[0];
    }

    private static double[] one(double x) {
        return new double[] {x};
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skip();
            if (s.startsWith(token, pos)) {
                boolean word = Character.isLetter(token.charAt(0));
                int end = pos + token.length();
                if (word && end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                    return false;
                }
                pos = end;
                return true;
            }
            return false;
        }

        Term or() {
            Term left = and();
            while (eat("or")) {
                Term l = left;
                Term r = and();
                left = v -> one(single(l.eval(v), "or") != 0 || single(r.eval(v), "or") != 0 ? 1 : 0);
            }
            return left;
        }

        Term and() {
            Term left = comparison();
            while (eat("and")) {
                Term l = left;
                Term r = comparison();
                left = v -> one(single(l.eval(v), "and") != 0 && single(r.eval(v), "and") != 0 ? 1 : 0);
            }
            return left;
        }

        Term comparison() {
            Term l = sum();
            for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
                if (eat(op)) {
                    Term r = sum();
                    return v -> {
                        double a = single(l.eval(v), op);
                        double b = single(r.eval(v), op);
                        boolean result = switch (op) {
                            case "<=" -> a <= b;
                            case ">=" -> a >= b;
                            case "==" -> a == b;
                            case "!=" -> a != b;
                            case "<" -> a < b;
                            default -> a > b;
                        };
                        return one(result ? 1 : 0);
                    };
                }
            }
            return l;
        }

        Term sum() {
            Term left = product();
            while (true) {
                Term l = left;
                if (eat("+")) {
                    Term r = product();
                    left = v -> one(single(l.eval(v), "+") + single(r.eval(v), "+"));
                } else if (eat("-")) {
                    Term r = product();
                    left = v -> one(single(l.eval(v), "-") - single(r.eval(v), "-"));
                } else {
                    return left;
                }
            }
        }

        Term product() {
            Term left = unary();
            while (true) {
                Term l = left;
                if (eat("*")) {
                    Term r = unary();
                    left = v -> one(single(l.eval(v), "*") * single(r.eval(v), "*"));
                } else if (eat("/")) {
                    Term r = unary();
                    left = v -> one(single(l.eval(v), "/") / single(r.eval(v), "/"));
                } else if (eat("%")) {
                    Term r = unary();
                    left = v -> one(single(l.eval(v), "%") % single(r.eval(v), "%"));
                } else {
                    return left;
                }
            }
        }

        Term unary() {
            if (eat("-")) {
                Term t = unary();
                return v -> one(-single(t.eval(v), "-"));
            }
            if (eat("not")) {
                Term t = unary();
                return v -> one(single(t.eval(v), "not") == 0 ? 1 : 0);
            }
            Term base = atom();
            if (eat("^")) {
                Term exponent = unary();
                return v -> one(Math.pow(single(base.eval(v), "^"), single(exponent.eval(v), "^")));
            }
            return base;
        }

        Term atom() {
            skip();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("expression ends too early");
            }
            char c = s.charAt(pos);
            if (eat("(")) {
                Term t = or();
                expect(")");
                return t;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                        || s.charAt(pos) == 'e' || s.charAt(pos) == 'E'
                        || (s.charAt(pos) == '-' || s.charAt(pos) == '+') && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E'))) {
                    pos++;
                }
                try {
                    double x = Double.parseDouble(s.substring(start, pos));
                    return v -> one(x);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad number '" + s.substring(start, pos) + "'");
                }
            }
            if (Character.isLetter(c)) {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '.')) {
                    pos++;
                }
                String name = s.substring(start, pos);
                if (eat("(")) {
                    return function(name);
                }
                if (!EXTRAS.contains(name) && ConfigKeys.get(name) == null) {
                    List<String> known = new ArrayList<>(ConfigKeys.all().keySet());
                    known.addAll(EXTRAS);
                    throw new IllegalArgumentException(Diagnostics.unknown("name", name, known));
                }
                return v -> v.apply(name);
            }
            throw new IllegalArgumentException("unexpected '" + c + "' at character " + (pos + 1));
        }

        private Term function(String name) {
            String f = name.toLowerCase(Locale.ROOT);
            if (!FUNCTIONS.contains(f)) {
                throw new IllegalArgumentException(Diagnostics.unknown("function", name, FUNCTIONS.stream().sorted().toList()));
            }
            List<Term> args = new ArrayList<>();
            if (!eat(")")) {
                do {
                    args.add(or());
                } while (eat(","));
                expect(")");
            }
            return v -> {
                double[] a = args.isEmpty() ? new double[0] : args.getFirst().eval(v);
                if (args.size() > 1) {
                    List<Double> all = new ArrayList<>();
                    for (Term t : args) {
                        for (double x : t.eval(v)) {
                            all.add(x);
                        }
                    }
                    a = all.stream().mapToDouble(Double::doubleValue).toArray();
                }
                return one(switch (f) {
                    case "len" -> a.length;
                    case "sum" -> java.util.Arrays.stream(a).sum();
                    case "min" -> java.util.Arrays.stream(a).min().orElse(Double.NaN);
                    case "max" -> java.util.Arrays.stream(a).max().orElse(Double.NaN);
                    case "pow" -> Math.pow(a[0], a[1]);
                    default -> {
                        double x = single(a, f);
                        yield switch (f) {
                            case "log" -> Math.log(x);
                            case "log2" -> Math.log(x) / Math.log(2);
                            case "exp" -> Math.exp(x);
                            case "sqrt" -> Math.sqrt(x);
                            case "abs" -> Math.abs(x);
                            case "round" -> Math.rint(x);
                            case "floor" -> Math.floor(x);
                            default -> Math.ceil(x);
                        };
                    }
                });
            };
        }

        private void expect(String token) {
            if (!eat(token)) {
                throw new IllegalArgumentException("expected '" + token + "' at character " + (pos + 1));
            }
        }
    }
}
