package com.videolinks.policy.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

import com.videolinks.policy.RuleFile;
import com.videolinks.policy.RuleProblem;

/**
 * Checks one DRL file against the allowed subset. Parsed with Drools' own DRL parser, configured as the compiler
 * configures it, so the descriptors checked here are the ones that get compiled.
 */
final class DrlFileCheck {

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Set<String> RESERVED_PACKAGES = Set.of("java", "javax", "jdk", "sun", "com", "org");
    private static final Pattern RULE_NAME = Pattern.compile("[^\\p{Cntrl}\"\\\\]{1,200}");

    private final RuleFile file;
    private final String text;
    private final List<RuleProblem> problems = new ArrayList<>();
    /** Where a rule reads a name ({@link com.videolinks.policy.vocabulary.Opaque}) other than by equality: allowed. */
    private final List<RuleProblem> nameReads = new ArrayList<>();

    DrlFileCheck(RuleFile file) {
        this.file = file;
        this.text = file.content();
    }

    /** After {@link #run}: where the file's rules read a name other than by equality (none: it decides by shape). */
    List<RuleProblem> nameReads() {
        return nameReads;
    }

    List<RuleProblem> run() {
        if (!unicodeEscapesAbsent()) {
            return problems;
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            problems.add(new RuleProblem(file.name(), 0, 0, "cannot be parsed as DRL"));
            return problems;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                if (error instanceof ParserError located) {
                    problems.add(new RuleProblem(file.name(), located.getRow(), located.getCol() + 1, located.getMessage()));
                } else {
                    problems.add(new RuleProblem(file.name(), 0, 0, error.getMessage()));
                }
            }
            if (problems.isEmpty()) {
                problems.add(new RuleProblem(file.name(), 0, 0, "cannot be parsed as DRL"));
            }
            return problems;
        }
        checkPackage(pkg);
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(rule);
        }
        return problems;
    }

    /**
     * Java reads {@code \}{@code u000a} as a line break even inside a comment or string, before it parses anything;
     * the DRL and Java parsers here do not. Refused everywhere so every parser sees the same text.
     */
    private boolean unicodeEscapesAbsent() {
        Matcher escape = UNICODE_ESCAPE.matcher(text);
        while (escape.find()) {
            if ((escape.end() - escape.start() - 1) % 2 == 1) {
                problems.add(at(escape.start(), null, "a unicode escape (backslash-u) is not allowed anywhere in a rule "
                        + "file; write the character itself"));
                return false;
            }
        }
        return true;
    }

    private void checkPackage(PackageDescr pkg) {
        String name = pkg.getName();
        if (name != null && !name.isEmpty() && (!PACKAGE_NAME.matcher(name).matches()
                || RESERVED_PACKAGES.contains(name.split("\\.")[0]))) {
            problems.add(new RuleProblem(file.name(), 1, 1, "package " + quote(name) + " is not allowed; use a "
                    + "lower-case name that is not a Java or library package, e.g. videolinks.rules"));
        }
        for (ImportDescr imported : pkg.getImports()) {
            String target = imported.getTarget();
            boolean allowed = target.equals(RuleVocabulary.PACKAGE + ".*")
                    || (target.startsWith(RuleVocabulary.PACKAGE + ".") && RuleVocabulary.type(target).isPresent());
            if (!allowed) {
                problems.add(at(imported, null, "import of " + quote(target) + " is not allowed; rules may import only "
                        + RuleVocabulary.PACKAGE + ".* or one of its types"));
            }
        }
        pkg.getFunctionImports().forEach(d -> problems.add(at(d, null, "import function is not allowed")));
        pkg.getAccumulateImports().forEach(d -> problems.add(at(d, null, "import accumulate is not allowed")));
        pkg.getFunctions().forEach(d -> problems.add(at(d, null, "function " + quote(d.getName())
                + " is not allowed; rules may not define functions")));
        pkg.getGlobals().forEach(d -> problems.add(at(d, null, "global " + quote(d.getIdentifier())
                + " is not allowed; rules see only the facts the service inserts")));
        pkg.getClassAndEnumDeclarationDescrs().forEach(d -> problems.add(at(d, null, "declare " + quote(d.getTypeName())
                + " is not allowed; facts and conclusions are the vocabulary's records")));
        pkg.getEntryPointDeclarations().forEach(d -> problems.add(at(d, null, "declare entry-point is not allowed")));
        pkg.getWindowDeclarations().forEach(d -> problems.add(at(d, null, "declare window is not allowed")));
        pkg.getAttributes().forEach(d -> problems.add(at(d, null, "package attribute " + quote(d.getName())
                + " is not allowed")));
        if (pkg.getUnit() != null) {
            problems.add(at(pkg.getUnit(), null, "rule units are not allowed"));
        }
    }

    private void checkRule(RuleDescr rule) {
        String name = ruleName(rule);
        if (name == null) {
            return;
        }
        if (rule.hasParent()) {
            problems.add(at(rule, name, "extends is not allowed; write each rule's conditions in full"));
        }
        if (rule.getUnit() != null) {
            problems.add(at(rule, name, "rule units are not allowed"));
        }
        if (!rule.getAnnotations().isEmpty()) {
            problems.add(at(rule, name, "rule annotations (@...) are not allowed"));
        }
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            checkAttribute(attribute, name);
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            problems.add(at(rule, name, "named consequences (then[...] / do[...]) are not allowed"));
        }
        Map<String, Class<?>> bindings = new LinkedHashMap<>();
        Set<String> opaqueBindings = new HashSet<>();
        checkElement(rule.getLhs(), name, bindings, opaqueBindings);
        Object consequence = rule.getConsequence();
        if (consequence != null && !consequence.toString().isBlank()) {
            String code = consequence.toString();
            int start = consequenceStart(rule, code);
            new ConsequenceCheck(code, bindings, opaqueBindings,
                    (line, column, message) -> problems.add(locate(start, line, column, name, message)),
                    (line, column, message) -> nameReads.add(locate(start, line, column, name, message))).run();
        }
    }

    /** The rule's name, "?" when it is not a plain sentence, null for a query (refused). */
    private String ruleName(RuleDescr rule) {
        String name = rule.getName();
        if (rule.isQuery()) {
            problems.add(at(rule, null, "query " + quote(name) + " is not allowed; the service asks its own questions"));
            return null;
        }
        if (name == null || !RULE_NAME.matcher(name).matches()) {
            problems.add(at(rule, null, "a rule name must be 1 to 200 characters without quotes, backslashes or "
                    + "control characters"));
            return "?";
        }
        return name;
    }

    private void checkAttribute(AttributeDescr attribute, String rule) {
        String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
        switch (attribute.getName()) {
            case "salience" -> {
                if (!INTEGER.matcher(value).matches()) {
                    problems.add(at(attribute, rule, "salience must be a whole number, not an expression"));
                }
            }
            case "no-loop" -> {
                if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
                    problems.add(at(attribute, rule, "no-loop must be true or false"));
                }
            }
            default -> problems.add(at(attribute, rule, "the rule attribute " + quote(attribute.getName())
                    + " is not allowed; only salience (a whole number) and no-loop"));
        }
    }

    private void checkElement(BaseDescr element, String rule, Map<String, Class<?>> bindings, Set<String> opaqueBindings) {
        if (element == null) {
            return;
        }
        if (element instanceof AndDescr and) {
            and.getDescrs().forEach(child -> checkElement(child, rule, bindings, opaqueBindings));
        } else if (element instanceof OrDescr or) {
            or.getDescrs().forEach(child -> checkElement(child, rule, bindings, opaqueBindings));
        } else if (element instanceof NotDescr not) {
            not.getDescrs().forEach(child -> checkElement((BaseDescr) child, rule, bindings, opaqueBindings));
        } else if (element instanceof ExistsDescr exists) {
            exists.getDescrs().forEach(child -> checkElement((BaseDescr) child, rule, bindings, opaqueBindings));
        } else if (element instanceof PatternDescr pattern) {
            checkPattern(pattern, rule, bindings, opaqueBindings);
        } else {
            problems.add(at(element, rule, conditionName(element) + " is not allowed in a condition; conditions are "
                    + "patterns over the vocabulary, combined with and, or, not and exists"));
        }
    }

    private void checkPattern(PatternDescr pattern, String rule, Map<String, Class<?>> bindings,
                              Set<String> opaqueBindings) {
        if (pattern.getSource() != null) {
            problems.add(at(pattern, rule, conditionName(pattern.getSource()) + " is not allowed; patterns match the "
                    + "facts the service inserts"));
            return;
        }
        if (pattern.isQuery()) {
            problems.add(at(pattern, rule, "calling a query is not allowed"));
            return;
        }
        Class<?> type = RuleVocabulary.factType(pattern.getObjectType()).orElse(null);
        if (type == null) {
            problems.add(at(pattern, rule, "a pattern over " + quote(pattern.getObjectType()) + " is not allowed; "
                    + "patterns match the vocabulary's facts and conclusions"));
            return;
        }
        if (!pattern.getAnnotations().isEmpty() || !pattern.getBehaviors().isEmpty()) {
            problems.add(at(pattern, rule, "pattern annotations and windows are not allowed"));
        }
        if (pattern.getIdentifier() != null) {
            bindings.put(pattern.getIdentifier(), type);
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expression
                    && expression.getType() == ExprConstraintDescr.Type.NAMED) {
                new ConstraintCheck(expression.getExpression(), type, bindings, opaqueBindings,
                        message -> problems.add(at(expression, rule, message)),
                        how -> nameReads.add(at(expression, rule, how))).run();
            } else {
                problems.add(at(constraint, rule, "only named field constraints are allowed in a pattern"));
            }
        }
    }

    private static String conditionName(BaseDescr element) {
        String name = element.getClass().getSimpleName().replace("Descr", "");
        return switch (name) {
            case "Eval" -> "eval";
            case "From" -> "from";
            case "Accumulate" -> "accumulate";
            case "Collect" -> "collect";
            case "Forall" -> "forall";
            case "EntryPoint" -> "from entry-point";
            case "WindowReference" -> "from window";
            case "ConditionalBranch", "NamedConsequence" -> "a conditional or named consequence";
            default -> "the construct " + name;
        };
    }

    /** Where the consequence text starts in the file, or -1 when it cannot be found. */
    private int consequenceStart(RuleDescr rule, String code) {
        int from = Math.max(rule.getStartCharacter(), 0);
        int at = text.indexOf(code, from);
        if (at < 0) {
            at = text.indexOf(code.strip(), from);
        }
        return at;
    }

    private RuleProblem locate(int start, int line, int column, String rule, String message) {
        if (start < 0) {
            return new RuleProblem(file.name(), 0, 0, describe(rule, message));
        }
        int offset = start;
        for (int l = 1; l < line && offset < text.length(); l++) {
            int next = text.indexOf('\n', offset);
            offset = next < 0 ? text.length() : next + 1;
        }
        return at(offset + Math.max(column - 1, 0), rule, message);
    }

    private RuleProblem at(BaseDescr element, String rule, String message) {
        if (element.getStartCharacter() >= 0) {
            return at(element.getStartCharacter(), rule, message);
        }
        return new RuleProblem(file.name(), Math.max(element.getLine(), 0), element.getColumn() + 1, describe(rule, message));
    }

    private RuleProblem at(int offset, String rule, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleProblem(file.name(), line, offset - lineStart + 1, describe(rule, message));
    }

    private static String describe(String rule, String message) {
        return rule == null ? message : "rule " + quote(rule) + ": " + message;
    }

    /** Names from the operator's own file, cut short: a refusal says what, it does not echo the file. */
    static String quote(String name) {
        String shown = name == null ? "" : name.length() > 80 ? name.substring(0, 77) + "..." : name;
        return "\"" + shown + "\"";
    }
}
