package dev.vigil.connectors;

import dev.vigil.event.LogSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@link ConnectorSpec.StepSpec} compiled once: conditions as sets, patterns compiled with their dotted group names
 * mapped to Java-legal ones. Guarantees: immutable and thread-safe; applying it touches only the given field map.
 */
final class CompiledStep {

    private static final int MAX_GROUPS = 64;
    private static final String[] GROUP_NAMES = java.util.stream.IntStream.range(0, MAX_GROUPS).mapToObj(i -> "g" + i)
            .toArray(String[]::new);
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9_.]*)>");

    private final List<Condition> conditions;
    private final List<String> present;
    private final LogSource logSource;
    private final String field;
    private final List<CompiledPattern> patterns;

    private record Condition(String field, Set<String> accepted) {
    }

    /** {@code anchored}: the expression starts with {@code ^}, so only a match at the start can succeed. */
    private record CompiledPattern(Pattern pattern, boolean anchored, List<String> groupFields, Map<String, String> set) {
        boolean matches(Matcher matcher) {
            return anchored ? matcher.lookingAt() : matcher.find();
        }
    }

    private CompiledStep(List<Condition> conditions, List<String> present, LogSource logSource, String field,
                         List<CompiledPattern> patterns) {
        this.conditions = conditions;
        this.present = present;
        this.logSource = logSource;
        this.field = field;
        this.patterns = patterns;
    }

    /** Compiles a step; a bad expression raises {@link ConnectorSpecException} at the pattern's line. */
    static CompiledStep compile(ConnectorSpec.StepSpec step, java.nio.file.Path file) {
        List<Condition> conditions = new ArrayList<>();
        step.when().forEach((name, values) -> conditions.add(new Condition(name, Set.copyOf(values))));
        List<CompiledPattern> patterns = new ArrayList<>();
        for (ConnectorSpec.PatternSpec pattern : step.patterns()) {
            List<String> groupFields = new ArrayList<>();
            Matcher named = NAMED_GROUP.matcher(pattern.match());
            StringBuilder regex = new StringBuilder();
            while (named.find()) {
                named.appendReplacement(regex, "(?<g" + groupFields.size() + ">");
                groupFields.add(named.group(1));
            }
            named.appendTail(regex);
            if (groupFields.size() > MAX_GROUPS) {
                throw new ConnectorSpecException(file, pattern.line(), "a pattern may name at most " + MAX_GROUPS
                        + " groups; this one names " + groupFields.size());
            }
            try {
                patterns.add(new CompiledPattern(Pattern.compile(regex.toString()), pattern.match().startsWith("^"),
                        List.copyOf(groupFields), pattern.set()));
            } catch (PatternSyntaxException e) {
                throw new ConnectorSpecException(file, pattern.line(),
                        "bad regular expression '" + pattern.match() + "': " + e.getDescription());
            }
        }
        return new CompiledStep(List.copyOf(conditions), step.present(), step.logSource(), step.field(), List.copyOf(patterns));
    }

    /** Applies the step to {@code fields} when its conditions hold; returns the log source in force afterwards. */
    LogSource apply(Map<String, Object> fields, LogSource current) {
        for (Condition condition : conditions) {
            Object value = fields.get(condition.field());
            if (value == null || !condition.accepted().contains(String.valueOf(value))) {
                return current;
            }
        }
        for (String name : present) {
            if (!fields.containsKey(name)) {
                return current;
            }
        }
        LogSource result = logSource == null ? current : logSource;
        if (field == null || !(fields.get(field) instanceof String text)) {
            return result;
        }
        for (CompiledPattern pattern : patterns) {
            Matcher matcher = pattern.pattern().matcher(text);
            if (pattern.matches(matcher)) {
                for (int i = 0; i < pattern.groupFields().size(); i++) {
                    String value = matcher.group(GROUP_NAMES[i]);
                    if (value != null && !value.isEmpty()) {
                        fields.put(pattern.groupFields().get(i), value);
                    }
                }
                fields.putAll(pattern.set());
                return result;
            }
        }
        return result;
    }
}
