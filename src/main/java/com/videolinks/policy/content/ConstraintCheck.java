package com.videolinks.policy.content;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.drools.model.codegen.execmodel.generator.DrlxParseUtil;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;

/**
 * One field constraint of a pattern, parsed with the executable model's own expression parser (JavaParser with
 * Drools' operators). Allowed: record components of the pattern's type (as {@code field}, {@code field.sub} or
 * {@code field()}), bound variables and their components, literals, enum constants of the vocabulary, comparison
 * and logical operators, {@code in} / {@code not in}, and a binding ({@code $x : field}).
 */
final class ConstraintCheck {

    private static final Set<BinaryExpr.Operator> OPERATORS = Set.of(BinaryExpr.Operator.EQUALS,
            BinaryExpr.Operator.NOT_EQUALS, BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS,
            BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS, BinaryExpr.Operator.AND,
            BinaryExpr.Operator.OR);
    private static final String SUBSET = "; constraints compare the fact's fields, bound variables, literals and "
            + "vocabulary enum constants with == != < <= > >= && || ! in";

    /**
     * What an operand stands for: a value of a known type, or a vocabulary enum type naming its constants; {@code opaque}
     * when the value is a name ({@link com.videolinks.policy.vocabulary.Opaque}), {@code nullLiteral} for {@code null}.
     */
    private record Operand(Class<?> valueType, Class<?> enumType, boolean opaque, boolean nullLiteral) {

        static final Operand UNKNOWN = new Operand(null, null, false, false);
        static final Operand NULL = new Operand(Object.class, null, false, true);

        static Operand value(Class<?> type) {
            return new Operand(type, null, false, false);
        }

        static Operand value(Class<?> type, boolean opaque) {
            return new Operand(type, null, opaque, false);
        }
    }

    private final String expression;
    private final Class<?> patternType;
    private final Map<String, Class<?>> bindings;
    private final Set<String> opaqueBindings;
    private final Consumer<String> refuse;
    private final Consumer<String> readsName;
    private boolean refused;
    private boolean nameRead;

    /**
     * {@code opaqueBindings} holds the bound variables that are names; {@code readsName} hears, once, how this
     * constraint uses a name other than by comparing it for equality with a name or null (allowed, not refused).
     */
    ConstraintCheck(String expression, Class<?> patternType, Map<String, Class<?>> bindings, Set<String> opaqueBindings,
                    Consumer<String> refuse, Consumer<String> readsName) {
        this.expression = expression;
        this.patternType = patternType;
        this.bindings = bindings;
        this.opaqueBindings = opaqueBindings;
        this.refuse = refuse;
        this.readsName = readsName;
    }

    void run() {
        DrlxExpression parsed;
        try {
            parsed = DrlxParseUtil.parseExpression(expression);
        } catch (RuntimeException e) {
            refuse("this constraint cannot be parsed");
            return;
        }
        Expression body = parsed.getExpr();
        Operand operand = condition(body);
        if (parsed.getBind() != null && !refused) {
            String name = parsed.getBind().getIdentifier();
            Expression bound = body instanceof BinaryExpr binary ? leftmost(binary) : body;
            Operand value = bound == body ? operand : operand(bound);
            Class<?> type = value.valueType();
            bindings.put(name, type == null ? Object.class : type);
            if (value.opaque()) {
                opaqueBindings.add(name);
            }
        }
    }

    private static Expression leftmost(BinaryExpr binary) {
        Expression left = binary.getLeft();
        while (left instanceof BinaryExpr inner) {
            left = inner.getLeft();
        }
        return left;
    }

    /** A boolean condition or, for a plain binding ({@code $x : field}), the bound value. */
    private Operand condition(Expression e) {
        if (e instanceof BinaryExpr binary) {
            if (!OPERATORS.contains(binary.getOperator())) {
                refuse("the operator " + binary.getOperator().asString() + " is not allowed" + SUBSET);
                return Operand.UNKNOWN;
            }
            boolean logical = binary.getOperator() == BinaryExpr.Operator.AND || binary.getOperator() == BinaryExpr.Operator.OR;
            if (logical) {
                condition(binary.getLeft());
                condition(binary.getRight());
            } else {
                Operand left = operand(binary.getLeft());
                Operand right = operand(binary.getRight());
                comparison(binary.getOperator(), left, right);
            }
            return Operand.value(Boolean.class);
        }
        if (e instanceof PointFreeExpr pointFree) {
            String operator = pointFree.getOperator().getIdentifier();
            if (!operator.equals("in") || pointFree.getArg1() != null || pointFree.getArg2() != null) {
                refuse("the operator " + (pointFree.isNegated() ? "not " : "") + operator + " is not allowed" + SUBSET);
                return Operand.UNKNOWN;
            }
            boolean names = operand(pointFree.getLeft()).opaque();
            for (Expression listed : pointFree.getRight()) {
                names |= operand(listed).opaque();
            }
            if (names) {
                readName("it looks a name up in a list of values");
            }
            return Operand.value(Boolean.class);
        }
        if (e instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            condition(unary.getExpression());
            return Operand.value(Boolean.class);
        }
        if (e instanceof EnclosedExpr enclosed) {
            return condition(enclosed.getInner());
        }
        return operand(e);
    }

    private Operand operand(Expression e) {
        if (e instanceof EnclosedExpr enclosed) {
            return operand(enclosed.getInner());
        }
        if (e instanceof BinaryExpr || e instanceof PointFreeExpr
                || e instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            return condition(e);
        }
        if (e instanceof TextBlockLiteralExpr) {
            refuse("text blocks are not allowed" + SUBSET);
            return Operand.UNKNOWN;
        }
        if (e instanceof NullLiteralExpr) {
            return Operand.NULL;
        }
        if (e instanceof LiteralExpr) {
            return Operand.value(Object.class);
        }
        if (e instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.MINUS
                && unary.getExpression() instanceof LiteralExpr) {
            return Operand.value(Object.class);
        }
        if (e instanceof NameExpr name) {
            return name(name.getNameAsString());
        }
        if (e instanceof FieldAccessExpr access) {
            Operand scope = operand(access.getScope());
            String field = access.getNameAsString();
            if (refused) {
                return Operand.UNKNOWN;
            }
            if (scope.opaque()) {
                readName("it reads " + field + " inside a name");
            }
            if (scope.enumType() != null) {
                if (RuleVocabulary.isEnumConstant(scope.enumType(), field)) {
                    return Operand.value(scope.enumType());
                }
                refuse(scope.enumType().getSimpleName() + " has no constant " + DrlFileCheck.quote(field));
                return Operand.UNKNOWN;
            }
            return component(scope.valueType(), field);
        }
        if (e instanceof MethodCallExpr call) {
            if (call.getArguments().isNonEmpty() || call.getTypeArguments().isPresent()) {
                refuse("calling " + call.getNameAsString() + "(...) is not allowed; only record accessors without "
                        + "arguments may be called in a constraint" + SUBSET);
                return Operand.UNKNOWN;
            }
            Optional<Expression> scope = call.getScope();
            Operand scopeOperand = scope.isPresent() ? operand(scope.get()) : Operand.value(patternType);
            Class<?> owner = scopeOperand.valueType();
            if (refused) {
                return Operand.UNKNOWN;
            }
            if (scopeOperand.opaque()) {
                readName("it reads " + call.getNameAsString() + "() inside a name");
            }
            Optional<Class<?>> type = RuleVocabulary.component(owner, call.getNameAsString());
            if (type.isEmpty()) {
                refuse("calling " + call.getNameAsString() + "() is not allowed; only record accessors of the "
                        + "vocabulary may be called in a constraint" + SUBSET);
                return Operand.UNKNOWN;
            }
            return Operand.value(type.get(), RuleVocabulary.isOpaque(owner, call.getNameAsString()));
        }
        refuse(describe(e) + " is not allowed in a constraint" + SUBSET);
        return Operand.UNKNOWN;
    }

    private Operand name(String name) {
        Optional<Class<?>> field = RuleVocabulary.component(patternType, name);
        if (field.isPresent()) {
            return Operand.value(field.get(), RuleVocabulary.isOpaque(patternType, name));
        }
        if (bindings.containsKey(name)) {
            return Operand.value(bindings.get(name), opaqueBindings.contains(name));
        }
        Optional<Class<?>> enumType = RuleVocabulary.enumType(name);
        if (enumType.isPresent()) {
            return new Operand(null, enumType.get(), false, false);
        }
        refuse(DrlFileCheck.quote(name) + " is neither a field of " + patternType.getSimpleName()
                + ", a bound variable nor a vocabulary enum" + SUBSET);
        return Operand.UNKNOWN;
    }

    private Operand component(Class<?> owner, String field) {
        Optional<Class<?>> type = RuleVocabulary.component(owner, field);
        if (type.isEmpty()) {
            refuse(DrlFileCheck.quote(field) + " is not a field of "
                    + (owner == null ? "the vocabulary" : owner.getSimpleName()) + SUBSET);
            return Operand.UNKNOWN;
        }
        return Operand.value(type.get(), RuleVocabulary.isOpaque(owner, field));
    }

    /** A name may be compared for equality with another name or null; any other comparison reads it. */
    private void comparison(BinaryExpr.Operator operator, Operand left, Operand right) {
        if (!left.opaque() && !right.opaque()) {
            return;
        }
        boolean equality = operator == BinaryExpr.Operator.EQUALS || operator == BinaryExpr.Operator.NOT_EQUALS;
        if (!equality) {
            readName("it compares a name with " + operator.asString());
        } else if (!(left.opaque() || left.nullLiteral()) || !(right.opaque() || right.nullLiteral())) {
            readName("it compares a name with something that is not a name or null");
        }
    }

    private void readName(String how) {
        if (!nameRead) {
            nameRead = true;
            readsName.accept(how);
        }
    }

    private static String describe(Expression e) {
        String kind = e.getClass().getSimpleName().replace("Expr", "");
        return switch (kind) {
            case "ObjectCreation" -> "new";
            case "Cast", "InlineCast", "FullyQualifiedInlineCast" -> "a cast";
            case "InstanceOf" -> "instanceof";
            case "Conditional" -> "the ?: operator";
            case "Lambda" -> "a lambda";
            case "MethodReference" -> "a method reference";
            case "HalfBinary", "HalfPointFree" -> "a half constraint (write the field on both sides)";
            case "OOPath" -> "an OOPath";
            case "NullSafeFieldAccess", "NullSafeMethodCall" -> "the !. operator";
            case "Assign" -> "an assignment";
            case "This" -> "this";
            default -> "the expression kind " + kind;
        };
    }

    private void refuse(String message) {
        if (!refused) {
            refused = true;
            refuse.accept(message);
        }
    }
}
