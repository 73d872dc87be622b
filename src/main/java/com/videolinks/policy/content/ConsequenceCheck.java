package com.videolinks.policy.content;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;

/**
 * A rule's consequence, parsed with JavaParser. Allowed: statements {@code insert(new <Conclusion>(...));} whose
 * arguments are literals, variables bound in the conditions, their record accessors, vocabulary enum constants and
 * {@code drools.getRule().getName()}. Nothing else runs, so nothing else is allowed.
 */
final class ConsequenceCheck {

    /** Reports a refusal at a line and column of the consequence text (both 1-based). */
    interface Refusal {
        void at(int line, int column, String message);
    }

    private static final String SUBSET = "; a consequence may only insert(new <Conclusion>(...)) with literals, bound "
            + "variables, their record accessors, enum constants and drools.getRule().getName()";

    private final String code;
    private final Map<String, Class<?>> bindings;
    private final Set<String> opaqueBindings;
    private final Refusal refusal;
    private final Refusal readsName;
    private boolean nameRead;

    /**
     * {@code readsName} hears, once, where a conclusion is given a name that is not one of the facts' names passed
     * whole (a literal id, a link's text) or a name where it expects a value ({@link
     * com.videolinks.policy.vocabulary.Opaque}); allowed, not refused.
     */
    ConsequenceCheck(String code, Map<String, Class<?>> bindings, Set<String> opaqueBindings, Refusal refusal,
                     Refusal readsName) {
        this.code = code;
        this.bindings = bindings;
        this.opaqueBindings = opaqueBindings;
        this.refusal = refusal;
        this.readsName = readsName;
    }

    void run() {
        // the text is wrapped on the same line, so JavaParser's positions are the consequence's own
        ParseResult<BlockStmt> parsed = new JavaParser(new ParserConfiguration()).parseBlock("{" + code + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            refusal.at(1, 1, "the consequence is not plain Java statements (modify blocks and MVEL are not allowed)" + SUBSET);
            return;
        }
        for (Statement statement : parsed.getResult().get().getStatements()) {
            statement(statement);
        }
    }

    private void statement(Statement statement) {
        if (!(statement instanceof ExpressionStmt expressionStmt)) {
            refuse(statement, describe(statement) + " is not allowed" + SUBSET);
            return;
        }
        Expression expression = expressionStmt.getExpression();
        if (!(expression instanceof MethodCallExpr call) || call.getScope().isPresent()
                || !call.getNameAsString().equals("insert") || call.getTypeArguments().isPresent()) {
            refuse(expression, describe(expression) + " is not allowed" + SUBSET);
            return;
        }
        if (call.getArguments().size() != 1 || !(call.getArgument(0) instanceof ObjectCreationExpr created)) {
            refuse(call, "insert(...) must be given exactly one new <Conclusion>(...)" + SUBSET);
            return;
        }
        String type = created.getType().getNameWithScope();
        if (created.getScope().isPresent() || created.getAnonymousClassBody().isPresent()
                || created.getTypeArguments().isPresent() || created.getType().getTypeArguments().isPresent()
                || RuleVocabulary.conclusion(type).isEmpty()) {
            refuse(created, "new " + DrlFileCheck.quote(type) + " is not allowed; a rule may create only the "
                    + "vocabulary's conclusions (LinkSelected, MeetingLink, LinkPending, LinkWithheld, LinkHidden, "
                    + "ConnectRefused, MeetingNeeded, MeetingsKept)" + SUBSET);
            return;
        }
        Class<?> conclusion = RuleVocabulary.conclusion(type).orElseThrow();
        for (int i = 0; i < created.getArguments().size(); i++) {
            Expression argument = created.getArgument(i);
            argument(argument);
            names(argument, RuleVocabulary.isOpaque(conclusion, i));
        }
    }

    /** What an argument hands a conclusion: a name, a value, or a value read out of a name. */
    private enum Handed { NAME, VALUE, READ_FROM_NAME }

    /** A name may be handed on only whole, from a fact, into a conclusion's name (or null there). */
    private void names(Expression argument, boolean expectsName) {
        if (nameRead || argument instanceof NullLiteralExpr) {
            return;
        }
        Handed handed;
        if (argument instanceof NameExpr name) {
            handed = opaqueBindings.contains(name.getNameAsString()) ? Handed.NAME : Handed.VALUE;
        } else if (argument instanceof MethodCallExpr call && !isRuleName(call)) {
            handed = accessorHands(call);
        } else {
            handed = Handed.VALUE;
        }
        String how = null;
        if (handed == Handed.READ_FROM_NAME) {
            how = "it reads a value out of a name";
        } else if (expectsName && handed != Handed.NAME) {
            how = "it gives a conclusion a name that is not one of the facts' names";
        } else if (!expectsName && handed == Handed.NAME) {
            how = "it gives a conclusion a name where a value belongs";
        }
        if (how != null) {
            nameRead = true;
            int line = argument.getBegin().map(p -> p.line).orElse(1);
            int column = argument.getBegin().map(p -> p.column).orElse(2);
            readsName.at(line, line == 1 ? column - 1 : column, how);
        }
    }

    private Handed accessorHands(MethodCallExpr call) {
        Expression scope = call.getScope().orElse(null);
        Class<?> owner;
        Handed scopeHands;
        if (scope instanceof NameExpr name) {
            owner = bindings.get(name.getNameAsString());
            scopeHands = opaqueBindings.contains(name.getNameAsString()) ? Handed.NAME : Handed.VALUE;
        } else if (scope instanceof MethodCallExpr inner) {
            owner = accessorType(inner).orElse(null);
            scopeHands = accessorHands(inner);
        } else {
            return Handed.VALUE;
        }
        if (scopeHands != Handed.VALUE) {
            return Handed.READ_FROM_NAME;
        }
        return RuleVocabulary.isOpaque(owner, call.getNameAsString()) ? Handed.NAME : Handed.VALUE;
    }

    private void argument(Expression argument) {
        if (argument instanceof TextBlockLiteralExpr) {
            refuse(argument, "text blocks are not allowed" + SUBSET);
        } else if (argument instanceof LiteralExpr) {
            return;
        } else if (argument instanceof UnaryExpr unary && unary.getOperator() == UnaryExpr.Operator.MINUS
                && unary.getExpression() instanceof LiteralExpr) {
            return;
        } else if (argument instanceof NameExpr name) {
            if (!bindings.containsKey(name.getNameAsString())) {
                refuse(argument, DrlFileCheck.quote(name.getNameAsString()) + " is not a variable bound in the "
                        + "conditions" + SUBSET);
            }
        } else if (argument instanceof FieldAccessExpr access) {
            Optional<Class<?>> enumType = access.getScope() instanceof NameExpr scope
                    ? RuleVocabulary.enumType(scope.getNameAsString()) : Optional.empty();
            if (enumType.isEmpty() || !RuleVocabulary.isEnumConstant(enumType.get(), access.getNameAsString())) {
                refuse(argument, "only constants of the vocabulary's enums may be named (Type.CONSTANT)" + SUBSET);
            }
        } else if (argument instanceof MethodCallExpr call) {
            if (isRuleName(call)) {
                return;
            }
            if (accessorType(call).isEmpty()) {
                refuse(argument, "calling " + call.getNameAsString() + "(...) is not allowed; only record accessors "
                        + "of bound variables ($fact.field())" + SUBSET);
            }
        } else {
            refuse(argument, describe(argument) + " is not allowed as an argument" + SUBSET);
        }
    }

    /** The type a chain of record accessors on a bound variable returns ({@code $a.link().url()}), if it is one. */
    private Optional<Class<?>> accessorType(MethodCallExpr call) {
        if (call.getArguments().isNonEmpty() || call.getTypeArguments().isPresent() || call.getScope().isEmpty()) {
            return Optional.empty();
        }
        Expression scope = call.getScope().get();
        Optional<Class<?>> owner;
        if (scope instanceof NameExpr name) {
            owner = Optional.ofNullable(bindings.get(name.getNameAsString()));
        } else if (scope instanceof MethodCallExpr inner) {
            owner = accessorType(inner);
        } else {
            owner = Optional.empty();
        }
        return owner.flatMap(type -> RuleVocabulary.component(type, call.getNameAsString()));
    }

    private static boolean isRuleName(MethodCallExpr call) {
        return call.getNameAsString().equals("getName") && call.getArguments().isEmpty()
                && call.getScope().orElse(null) instanceof MethodCallExpr getRule
                && getRule.getNameAsString().equals("getRule") && getRule.getArguments().isEmpty()
                && getRule.getScope().orElse(null) instanceof NameExpr drools
                && drools.getNameAsString().equals("drools")
                && call.getTypeArguments().isEmpty() && getRule.getTypeArguments().isEmpty();
    }

    private static String describe(Node node) {
        if (node instanceof MethodCallExpr call) {
            String scope = call.getScope().map(s -> s instanceof NameExpr || s instanceof FieldAccessExpr
                    ? s.toString() + "." : "(...).").orElse("");
            return "calling " + DrlFileCheck.quote(scope + call.getNameAsString()) + "(...)";
        }
        if (node instanceof ObjectCreationExpr created) {
            return "new " + DrlFileCheck.quote(created.getType().getNameWithScope());
        }
        String kind = node.getClass().getSimpleName().replace("Stmt", "").replace("Expr", "");
        return switch (kind) {
            case "While", "Do", "For", "ForEach" -> "a loop (" + kind.toLowerCase() + ")";
            case "If", "Switch" -> "a conditional (" + kind.toLowerCase() + ")";
            case "Try", "Throw" -> "exception handling (" + kind.toLowerCase() + ")";
            case "Synchronized" -> "synchronized";
            case "Block" -> "a nested block";
            case "Return", "Break", "Continue", "Yield" -> kind.toLowerCase();
            case "LocalClassDeclaration", "LocalRecordDeclaration" -> "a class declaration";
            case "VariableDeclaration" -> "declaring a variable";
            case "Assign" -> "an assignment";
            case "Lambda" -> "a lambda";
            case "MethodReference" -> "a method reference";
            case "Cast" -> "a cast";
            case "Binary" -> "an operator expression";
            default -> "the construct " + kind;
        };
    }

    private void refuse(Node node, String message) {
        int line = node.getBegin().map(p -> p.line).orElse(1);
        int column = node.getBegin().map(p -> p.column).orElse(2);
        // line 1 carries the opening brace this check put in front of the text
        refusal.at(line, line == 1 ? column - 1 : column, message);
    }
}
