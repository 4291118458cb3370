package dev.vigil.detect.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles a {@link Detection} (of a rule or a filter) into a {@link RuleNode}: field entries through
 * {@link ValueCompiler}, the condition through {@link ConditionParser}, search identifiers resolved by name and by
 * pattern. Pure.
 */
final class DetectionCompiler {

    private final ValueCompiler values;

    DetectionCompiler(Placeholders placeholders) {
        this.values = new ValueCompiler(placeholders);
    }

    RuleNode compile(Detection detection) throws CompileProblem {
        Map<String, RuleNode.SelectionNode> selections = new LinkedHashMap<>();
        for (Selection selection : detection.selections().values()) {
            List<List<FieldMatcher>> alternatives = new ArrayList<>();
            for (List<FieldSpec> alternative : selection.alternatives()) {
                List<FieldMatcher> matchers = new ArrayList<>();
                for (FieldSpec spec : alternative) {
                    matchers.add(values.compile(spec));
                }
                alternatives.add(matchers);
            }
            selections.put(selection.name(), new RuleNode.SelectionNode(selection.name(), alternatives));
        }
        List<RuleNode> conditions = new ArrayList<>();
        for (String text : detection.conditions()) {
            Condition condition;
            try {
                condition = ConditionParser.parse(text);
            } catch (ConditionParser.ConditionSyntaxException e) {
                throw new CompileProblem(detection.conditionLine(), "condition '" + text + "': " + e.getMessage(), e.unsupported());
            }
            conditions.add(resolve(condition, selections, text, detection.conditionLine()));
        }
        return conditions.size() == 1 ? conditions.getFirst() : new RuleNode.OrNode(conditions);
    }

    private static RuleNode resolve(Condition condition, Map<String, RuleNode.SelectionNode> selections, String text,
                                    int line) throws CompileProblem {
        return switch (condition) {
            case Condition.And(List<Condition> operands) -> new RuleNode.AndNode(resolveAll(operands, selections, text, line));
            case Condition.Or(List<Condition> operands) -> new RuleNode.OrNode(resolveAll(operands, selections, text, line));
            case Condition.Not(Condition operand) -> new RuleNode.NotNode(resolve(operand, selections, text, line));
            case Condition.Reference(String name) -> {
                RuleNode.SelectionNode node = selections.get(name);
                if (node == null) {
                    throw new CompileProblem(line, "condition '" + text + "' refers to '" + name
                            + "', which is not a search identifier of this rule (it has: " + String.join(", ", selections.keySet()) + ")", false);
                }
                yield node;
            }
            case Condition.Quantified(int count, String pattern) -> {
                List<RuleNode> matched = new ArrayList<>();
                Pattern regex = pattern == null ? null : Pattern.compile(globToRegex(pattern));
                for (Map.Entry<String, RuleNode.SelectionNode> entry : selections.entrySet()) {
                    boolean selected = pattern == null ? !entry.getKey().startsWith("_") : regex.matcher(entry.getKey()).matches();
                    if (selected) {
                        matched.add(entry.getValue());
                    }
                }
                String written = (count == Condition.Quantified.ALL ? "all" : String.valueOf(count)) + " of " + (pattern == null ? "them" : pattern);
                if (matched.isEmpty()) {
                    throw new CompileProblem(line, "condition '" + text + "': '" + written + "' matches no search identifier (the rule has: "
                            + String.join(", ", selections.keySet()) + ")", false);
                }
                int needed = count == Condition.Quantified.ALL ? matched.size() : count;
                if (needed > matched.size()) {
                    throw new CompileProblem(line, "condition '" + text + "': '" + written + "' asks for more than the "
                            + matched.size() + " search identifiers it matches", false);
                }
                yield matched.size() == 1 ? matched.getFirst() : new RuleNode.AtLeastNode(needed, matched);
            }
        };
    }

    private static List<RuleNode> resolveAll(List<Condition> operands, Map<String, RuleNode.SelectionNode> selections,
                                             String text, int line) throws CompileProblem {
        List<RuleNode> nodes = new ArrayList<>(operands.size());
        for (Condition operand : operands) {
            nodes.add(resolve(operand, selections, text, line));
        }
        return nodes;
    }

    private static String globToRegex(String pattern) {
        String[] pieces = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(pieces[i]));
        }
        return regex.toString();
    }
}
