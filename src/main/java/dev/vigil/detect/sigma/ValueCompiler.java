package dev.vigil.detect.sigma;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles one {@code field|modifiers: values} entry into a {@link FieldMatcher}, applying every value modifier of
 * the Sigma modifiers appendix (v2.1) in the order written: {@code contains}, {@code startswith}, {@code endswith},
 * {@code all}, {@code re} with {@code i}/{@code m}/{@code s}, {@code base64}, {@code base64offset}, {@code utf16le},
 * {@code utf16be}, {@code utf16}, {@code wide}, {@code windash}, {@code cidr}, {@code exists}, {@code gt},
 * {@code gte}, {@code lt}, {@code lte}, {@code neq}, {@code fieldref}, {@code cased}, {@code expand} and the time
 * modifiers {@code minute} … {@code year}. Pure.
 */
final class ValueCompiler {

    /** Most variants one value may expand into (windash, placeholders). */
    static final int VARIANT_LIMIT = 625;

    private enum Modifier {
        CONTAINS, STARTSWITH, ENDSWITH, ALL, RE, I, M, S, BASE64, BASE64OFFSET, UTF16LE, UTF16BE, UTF16, WIDE, WINDASH,
        CIDR, EXISTS, GT, GTE, LT, LTE, NEQ, FIELDREF, CASED, EXPAND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR
    }

    private static final Set<Modifier> TYPES = EnumSet.of(Modifier.RE, Modifier.CIDR, Modifier.EXISTS, Modifier.FIELDREF);
    private static final Set<Modifier> COMPARISONS = EnumSet.of(Modifier.GT, Modifier.GTE, Modifier.LT, Modifier.LTE);
    private static final Set<Modifier> TIME_PARTS = EnumSet.of(Modifier.MINUTE, Modifier.HOUR, Modifier.DAY, Modifier.WEEK,
            Modifier.MONTH, Modifier.YEAR);
    private static final Set<Modifier> ENCODINGS = EnumSet.of(Modifier.BASE64, Modifier.BASE64OFFSET, Modifier.UTF16LE,
            Modifier.UTF16BE, Modifier.UTF16, Modifier.WIDE, Modifier.WINDASH, Modifier.EXPAND);

    private final Placeholders placeholders;

    ValueCompiler(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    FieldMatcher compile(FieldSpec spec) throws CompileProblem {
        List<Modifier> modifiers = parseModifiers(spec);
        boolean all = modifiers.contains(Modifier.ALL);
        boolean cased = modifiers.contains(Modifier.CASED);
        boolean negated = modifiers.contains(Modifier.NEQ);
        Modifier type = typeOf(spec, modifiers);
        Modifier comparison = single(spec, modifiers, COMPARISONS, "comparison");
        Modifier timePart = single(spec, modifiers, TIME_PARTS, "time");
        if (spec.field() == null && (type == Modifier.EXISTS || type == Modifier.FIELDREF || type == Modifier.CIDR
                || comparison != null || timePart != null)) {
            throw problem(spec, "'" + lower(type != null ? type : comparison != null ? comparison : timePart)
                    + "' needs a field; keywords search every value", false);
        }
        if (type == Modifier.EXISTS) {
            return exists(spec, modifiers);
        }
        if (type == Modifier.FIELDREF) {
            return fieldReference(spec, modifiers, cased, all, negated);
        }
        boolean nullMatches = false;
        List<String> texts = new ArrayList<>();
        for (String value : spec.values()) {
            if (value == null) {
                nullMatches = true;
            } else {
                texts.add(value);
            }
        }
        if (nullMatches && !modifiers.stream().allMatch(m -> m == Modifier.NEQ)) {
            throw problem(spec, "null cannot take modifiers other than 'neq'", false);
        }
        List<ValueTest> tests = new ArrayList<>();
        for (String text : texts) {
            if (type == Modifier.RE) {
                tests.add(regex(spec, text, modifiers));
            } else if (type == Modifier.CIDR) {
                tests.add(cidr(spec, text));
            } else if (timePart != null) {
                tests.add(new ValueTest.TimePartCompare(ValueTest.TimePart.valueOf(timePart.name()), comparisonOf(comparison),
                        number(spec, text)));
            } else if (comparison != null) {
                tests.add(new ValueTest.NumberCompare(comparisonOf(comparison), number(spec, text)));
            } else {
                List<ValueTest> forms = new ArrayList<>();
                for (SigmaString value : strings(spec, text, modifiers)) {
                    forms.add(ValueTest.of(value, cased));
                }
                if (all && forms.size() > 1) {
                    tests.add(new ValueTest.AnyOf(forms));
                } else {
                    tests.addAll(forms);
                }
            }
        }
        return new FieldMatcher.Values(spec.field(), tests, all, nullMatches, negated);
    }

    private List<SigmaString> strings(FieldSpec spec, String text, List<Modifier> modifiers) throws CompileProblem {
        List<String> raws = modifiers.contains(Modifier.EXPAND) ? expand(spec, text) : List.of(text);
        List<Encoded> values = new ArrayList<>();
        for (String raw : raws) {
            values.add(new Encoded(SigmaString.parse(raw), false));
        }
        for (Modifier modifier : modifiers) {
            List<Encoded> next = new ArrayList<>();
            for (Encoded value : values) {
                next.addAll(apply(spec, modifier, value));
            }
            if (next.size() > VARIANT_LIMIT) {
                throw problem(spec, "the modifiers expand one value into more than " + VARIANT_LIMIT + " variants", true);
            }
            values = next;
        }
        List<SigmaString> result = new ArrayList<>(values.size());
        for (Encoded value : values) {
            result.add(spec.field() == null ? value.string().withLeadingAny().withTrailingAny() : value.string());
        }
        return result;
    }

    /** A value between modifiers: text, or bytes held one per char after a UTF-16 encoding. */
    private record Encoded(SigmaString string, boolean bytes) {
    }

    private List<Encoded> apply(FieldSpec spec, Modifier modifier, Encoded value) throws CompileProblem {
        return switch (modifier) {
            case CONTAINS -> List.of(new Encoded(value.string().withLeadingAny().withTrailingAny(), value.bytes()));
            case STARTSWITH -> List.of(new Encoded(value.string().withTrailingAny(), value.bytes()));
            case ENDSWITH -> List.of(new Encoded(value.string().withLeadingAny(), value.bytes()));
            case WINDASH -> {
                try {
                    yield value.string().windashVariants(VARIANT_LIMIT).stream().map(s -> new Encoded(s, value.bytes())).toList();
                } catch (IllegalArgumentException e) {
                    throw problem(spec, e.getMessage(), true);
                }
            }
            case UTF16LE, WIDE -> List.of(encode(spec, modifier, value, "UTF-16LE", new byte[0]));
            case UTF16BE -> List.of(encode(spec, modifier, value, "UTF-16BE", new byte[0]));
            case UTF16 -> List.of(encode(spec, modifier, value, "UTF-16LE", new byte[] {(byte) 0xFF, (byte) 0xFE}));
            case BASE64 -> List.of(new Encoded(SigmaString.literal(Base64.getEncoder().encodeToString(bytesOf(spec, modifier, value))), false));
            case BASE64OFFSET -> base64Offsets(bytesOf(spec, modifier, value));
            default -> List.of(value);
        };
    }

    /**
     * The three encodings of a value shifted by zero, one and two bytes, cut to the characters that do not depend on
     * the surrounding data (pySigma's offsets: start 0, 2, 3; end by length mod 3: none, -3, -2).
     */
    static List<Encoded> base64Offsets(byte[] bytes) {
        int[] starts = {0, 2, 3};
        int[] ends = {0, 3, 2};
        List<Encoded> variants = new ArrayList<>(3);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[bytes.length + shift];
            for (int i = 0; i < shift; i++) {
                shifted[i] = ' ';
            }
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int end = encoded.length() - ends[(bytes.length + shift) % 3];
            String cut = starts[shift] <= end ? encoded.substring(starts[shift], end) : "";
            variants.add(new Encoded(SigmaString.literal(cut), false));
        }
        return variants;
    }

    private static Encoded encode(FieldSpec spec, Modifier modifier, Encoded value, String charset, byte[] prefix) throws CompileProblem {
        if (value.bytes()) {
            throw problem(spec, "'" + lower(modifier) + "' applied to an already encoded value", false);
        }
        if (value.string().hasWildcards()) {
            throw problem(spec, "'" + lower(modifier) + "' cannot encode wildcards; put 'contains', 'startswith' or 'endswith' after it", false);
        }
        byte[] encoded = value.string().plain().getBytes(java.nio.charset.Charset.forName(charset));
        byte[] all = new byte[prefix.length + encoded.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(encoded, 0, all, prefix.length, encoded.length);
        return new Encoded(SigmaString.literal(new String(all, StandardCharsets.ISO_8859_1)), true);
    }

    private static byte[] bytesOf(FieldSpec spec, Modifier modifier, Encoded value) throws CompileProblem {
        if (value.string().hasWildcards()) {
            throw problem(spec, "'" + lower(modifier) + "' cannot encode wildcards; put 'contains', 'startswith' or 'endswith' after it", false);
        }
        String plain = value.string().plain();
        return value.bytes() ? plain.getBytes(StandardCharsets.ISO_8859_1) : plain.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> expand(FieldSpec spec, String text) throws CompileProblem {
        List<String> results = new ArrayList<>();
        results.add("");
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '%') {
                appendAll(results, "%");
                i += 2;
                continue;
            }
            int close = c == '%' ? text.indexOf('%', i + 1) : -1;
            if (close > i + 1) {
                String name = text.substring(i + 1, close);
                List<String> values = placeholders.get(name).orElseThrow(() -> problem(spec,
                        "placeholder %" + name + "% has no value; define it under vigil.detect.placeholders", true));
                List<String> next = new ArrayList<>();
                for (String prefix : results) {
                    for (String value : values) {
                        next.add(prefix + value);
                    }
                }
                if (next.size() > VARIANT_LIMIT) {
                    throw problem(spec, "placeholders expand one value into more than " + VARIANT_LIMIT + " variants", true);
                }
                results = next;
                i = close + 1;
            } else {
                appendAll(results, String.valueOf(c));
                i++;
            }
        }
        return results;
    }

    private static void appendAll(List<String> results, String text) {
        results.replaceAll(prefix -> prefix + text);
    }

    private static ValueTest regex(FieldSpec spec, String text, List<Modifier> modifiers) throws CompileProblem {
        int flags = 0;
        if (modifiers.contains(Modifier.I)) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (modifiers.contains(Modifier.M)) {
            flags |= Pattern.MULTILINE;
        }
        if (modifiers.contains(Modifier.S)) {
            flags |= Pattern.DOTALL;
        }
        try {
            return ValueTest.Regex.of(Pattern.compile(text, flags));
        } catch (PatternSyntaxException e) {
            throw problem(spec, "invalid regular expression '" + text + "': " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""), false);
        }
    }

    private static ValueTest cidr(FieldSpec spec, String text) throws CompileProblem {
        try {
            return ValueTest.Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw problem(spec, e.getMessage(), false);
        }
    }

    private static FieldMatcher exists(FieldSpec spec, List<Modifier> modifiers) throws CompileProblem {
        if (modifiers.size() != 1) {
            throw problem(spec, "'exists' cannot be combined with other modifiers", false);
        }
        if (spec.values().size() != 1 || spec.values().getFirst() == null
                || !(spec.values().getFirst().equalsIgnoreCase("true") || spec.values().getFirst().equalsIgnoreCase("false"))) {
            throw problem(spec, "'exists' takes true or false", false);
        }
        return new FieldMatcher.Exists(spec.field(), Boolean.parseBoolean(spec.values().getFirst().toLowerCase(Locale.ROOT)));
    }

    private static FieldMatcher fieldReference(FieldSpec spec, List<Modifier> modifiers, boolean cased, boolean all,
                                               boolean negated) throws CompileProblem {
        FieldMatcher.RefMode mode = FieldMatcher.RefMode.EQUALS;
        for (Modifier modifier : modifiers) {
            FieldMatcher.RefMode next = switch (modifier) {
                case STARTSWITH -> FieldMatcher.RefMode.STARTS_WITH;
                case ENDSWITH -> FieldMatcher.RefMode.ENDS_WITH;
                case CONTAINS -> FieldMatcher.RefMode.CONTAINS;
                case FIELDREF, CASED, ALL, NEQ -> null;
                default -> throw problem(spec, "'fieldref' cannot be combined with '" + lower(modifier) + "'", false);
            };
            if (next != null) {
                if (mode != FieldMatcher.RefMode.EQUALS) {
                    throw problem(spec, "'fieldref' takes at most one of contains, startswith, endswith", false);
                }
                mode = next;
            }
        }
        for (String value : spec.values()) {
            if (value == null || value.isBlank()) {
                throw problem(spec, "'fieldref' takes field names, not null or empty values", false);
            }
        }
        return new FieldMatcher.FieldReference(spec.field(), spec.values(), mode, cased, all, negated);
    }

    private static List<Modifier> parseModifiers(FieldSpec spec) throws CompileProblem {
        List<Modifier> modifiers = new ArrayList<>();
        boolean afterRe = false;
        for (String name : spec.modifiers()) {
            Modifier modifier;
            try {
                modifier = Modifier.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem(spec, "unknown modifier '" + name + "' in '" + spec.key() + "'", false);
            }
            if ((modifier == Modifier.I || modifier == Modifier.M || modifier == Modifier.S) && !afterRe) {
                throw problem(spec, "'" + name + "' in '" + spec.key() + "' is a flag of 're' and must follow it", false);
            }
            afterRe |= modifier == Modifier.RE;
            if (modifiers.contains(modifier)) {
                throw problem(spec, "modifier '" + name + "' appears twice in '" + spec.key() + "'", false);
            }
            modifiers.add(modifier);
        }
        return modifiers;
    }

    private static Modifier typeOf(FieldSpec spec, List<Modifier> modifiers) throws CompileProblem {
        Modifier type = single(spec, modifiers, TYPES, "type");
        if (type == null) {
            return null;
        }
        for (Modifier modifier : modifiers) {
            boolean conflicts = (COMPARISONS.contains(modifier) || TIME_PARTS.contains(modifier) || ENCODINGS.contains(modifier))
                    || (type != Modifier.FIELDREF && (modifier == Modifier.CONTAINS || modifier == Modifier.STARTSWITH
                    || modifier == Modifier.ENDSWITH));
            if (conflicts) {
                throw problem(spec, "modifiers '" + lower(type) + "' and '" + lower(modifier) + "' cannot be combined in '" + spec.key() + "'", false);
            }
        }
        return type;
    }

    private static Modifier single(FieldSpec spec, List<Modifier> modifiers, Set<Modifier> kind, String what) throws CompileProblem {
        Modifier found = null;
        for (Modifier modifier : modifiers) {
            if (kind.contains(modifier)) {
                if (found != null) {
                    throw problem(spec, what + " modifiers '" + lower(found) + "' and '" + lower(modifier)
                            + "' cannot be combined in '" + spec.key() + "'", false);
                }
                found = modifier;
            }
        }
        return found;
    }

    private static ValueTest.Comparison comparisonOf(Modifier modifier) {
        return modifier == null ? ValueTest.Comparison.EQ : ValueTest.Comparison.valueOf(modifier.name());
    }

    private static double number(FieldSpec spec, String text) throws CompileProblem {
        Double value = ValueTest.NumberCompare.number(text);
        if (value == null) {
            throw problem(spec, "'" + spec.key() + "' needs a number, got '" + text + "'", false);
        }
        return value;
    }

    private static String lower(Modifier modifier) {
        return modifier.name().toLowerCase(Locale.ROOT);
    }

    private static CompileProblem problem(FieldSpec spec, String message, boolean unsupported) {
        return new CompileProblem(spec.line(), (unsupported ? "unsupported: " : "") + message, unsupported);
    }
}
