package org.careerconversations.deployment;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a designer's model may say. The engine's expression language calls methods on
 * anything it reaches, and from any object reflection leads everywhere, so an allowlist of objects is not
 * enough: the expression itself is read (with the engine's own parser) and refused unless it is
 * <ul>
 *   <li>text with variables, literals, comparisons, arithmetic, {@code empty}, {@code !} and {@code ? :};</li>
 *   <li>one of the app's helpers that the app's own models use, read or called by name
 *       ({@code ${deadlines.checkIn()}}, {@code ${deadlines.preparation(meetingStartsAt)}},
 *       {@code ${roundSchedule.cron}}) with variables and literals as arguments;</li>
 *   <li>in a delegate expression: one of the app's steps by name, {@code ${documentAgreements}}.</li>
 * </ul>
 * No other method call, property ({@code a.b}, {@code a['b']}), function ({@code now()}), and none of the
 * engine's own objects ({@code execution}, {@code task}).
 */
final class DesignerExpressions {

    /** The app's helpers and what a model may read or call on each: values, never objects that lead further. */
    static final Map<String, Set<String>> HELPERS = Map.of(
        "deadlines", Set.of("scheduling", "preparation", "holding", "documenting", "signingOff", "hrDecision",
            "checkIn"),
        "roundSchedule", Set.of("cron"),
        "notificationSettings", Set.of("retryCycle"));

    /** Names the engine resolves to its own objects, from which every service is reachable. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask");

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final Predicate<String> isStep;

    /** @param isStep whether a name is one of the app's steps (a delegate bean a model may name) */
    DesignerExpressions(Predicate<String> isStep) {
        this.isStep = isStep;
    }

    /** Whether the text is evaluated by the engine as an expression rather than taken as it is. */
    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Why a value expression is refused, or empty when a designer may use it. */
    Optional<String> checkValue(String expression) {
        Node root;
        try {
            root = PARSER.build(expression).getRoot();
        } catch (TreeBuilderException e) {
            return Optional.of("the engine cannot read this expression");
        }
        return check(root);
    }

    /** Why a delegate expression is refused: it must name one of the app's steps, {@code ${stepName}}. */
    Optional<String> checkDelegate(String expression) {
        String trimmed = expression.trim();
        if ((trimmed.startsWith("${") || trimmed.startsWith("#{")) && trimmed.endsWith("}")) {
            String name = trimmed.substring(2, trimmed.length() - 1).trim();
            if (isStep.test(name)) {
                return Optional.empty();
            }
            if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return Optional.of("'" + name + "' is not one of the app's steps (the element templates offer them)");
            }
        }
        return Optional.of("a delegate expression names one of the app's steps and nothing else, e.g. "
            + "${documentAgreements}");
    }

    private Optional<String> check(Node node) {
        if (node instanceof AstIdentifier identifier) {
            return ENGINE_OBJECTS.contains(identifier.getName())
                ? Optional.of("'" + identifier.getName() + "' is the engine itself, not a variable")
                : Optional.empty();
        }
        if (node instanceof AstFunction function) {
            return Optional.of("functions such as " + function.getName() + "() are not allowed");
        }
        if (node instanceof AstMethod || node instanceof AstDot || node instanceof AstBracket) {
            return helper(node);
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<String> refused = check(node.getChild(i));
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** {@code helper.member} or {@code helper.member(arguments)} of {@link #HELPERS}, nothing deeper. */
    private Optional<String> helper(Node node) {
        Node property = node instanceof AstMethod ? node.getChild(0) : node;
        if (property instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier base) {
            String member = dot.toString().substring(2);   // AstDot prints itself as ". member"
            Set<String> members = HELPERS.get(base.getName());
            if (members != null && members.contains(member)) {
                return node instanceof AstMethod ? check(node.getChild(1)) : Optional.empty();
            }
        }
        // say what the chain starts from: the engine, a function, or a variable or bean
        Node start = node;
        while (start instanceof AstMethod || start instanceof AstDot || start instanceof AstBracket) {
            start = start.getChild(0);
        }
        Optional<String> fromStart = start instanceof AstIdentifier || start instanceof AstFunction
            ? check(start) : Optional.empty();
        return fromStart.isPresent() ? fromStart : Optional.of("method calls and properties (a.b, a['b'], a.b()) "
            + "are not allowed, only variables and the app's helpers");
    }

    /** For messages: the expression, shortened. */
    static String quote(String expression) {
        String oneLine = expression.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
    }
}
