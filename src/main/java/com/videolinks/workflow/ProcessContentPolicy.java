package com.videolinks.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a deployed BPMN may contain (#11). Camunda has no expression sandbox: a script, a class name or an
 * expression in a BPMN runs with the service's rights. So every element of every deployment is checked: no
 * scripts anywhere, classes only our own delegates, delegate expressions only the allowlisted delegate beans, and
 * other expressions only calls of the allowlisted bean methods, {@code execution.setVariable('name', literal)}, and
 * variable expressions (names, literals, operators). The list is in {@code processes/README.md}.
 */
final class ProcessContentPolicy {

    /** Beans a {@code camunda:delegateExpression} may name: the JavaDelegates of this package. */
    static final Set<String> DELEGATE_BEANS = Set.of("courseRecipientsCounting", "courseCustomersNotifying",
            "courseDeliveryTracking", "staffConnectPolicyCheck", "customLinkValidation", "staffCustomLinkActivation",
            "staffSessionsReprovisioning", "zoomMeetingProvisioningDelegate", "accountRelinkSurvey",
            "accountRelinkPage");

    /** Bean methods an expression may call, with {@code execution} or literals as arguments. */
    static final Map<String, Set<String>> CALLABLE = Map.of(
            "staffOnboardingNotifying", Set.of("remindZoomSignIn", "connected"),
            "workflowTimers", Set.of("onboardingReminderAfter", "onboardingExpiresAfter", "courseDeliveryCheckEvery",
                    "courseDeliveryWait"),
            "workflowRetry", Set.of("cycle"),
            "zoomProvisioningRetry", Set.of("cycle"));

    private static final String OWN_PACKAGE = ProcessContentPolicy.class.getPackageName() + ".";
    private static final Set<String> REFUSED_ELEMENTS = Set.of("scriptTask", "script", "connector");
    private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text", "string");
    private static final Set<String> BUILT_IN_VALIDATORS = Set.of("required", "readonly", "minlength", "maxlength",
            "min", "max");
    private static final Builder JUEL = new Builder(Builder.Feature.values());

    /** One refused construct: the element it is on and what is wrong, naming element, id and line. */
    record Violation(Element element, String message) {
    }

    private ProcessContentPolicy() {
    }

    /** Every refused construct of one BPMN document, in document order. */
    static List<Violation> violations(Element root) {
        List<Violation> violations = new ArrayList<>();
        check(root, null, violations);
        return violations;
    }

    private static void check(Element element, String owner, List<Violation> violations) {
        String tag = element.getTagName();
        String id = element.attribute("id");
        String where = tag + (id != null ? " \"" + shorten(id) + "\"" : owner != null ? " in " + owner : "")
                + " (line " + element.getLine() + ")";
        String named = id != null ? tag + " \"" + shorten(id) + "\"" : owner;
        if (REFUSED_ELEMENTS.contains(tag)) {
            violations.add(new Violation(element, where + ": " + switch (tag) {
                case "connector" -> "connectors are not allowed";
                default -> "scripts are not allowed (script tasks, script listeners, script conditions and mappings)";
            }));
            return;
        }
        for (String key : element.attributes()) {
            String name = key.substring(key.lastIndexOf(':') + 1);
            String value = element.attribute(key);
            String refusal = attribute(tag, name, value);
            if (refusal != null) {
                violations.add(new Violation(element, where + ": " + refusal));
            }
        }
        String text = element.getText();
        if (!NOT_EVALUATED.contains(tag) && isExpression(text)) {
            String refusal = expression(text.strip(), false);
            if (refusal != null) {
                violations.add(new Violation(element, where + ": " + refusal));
            }
        }
        for (Element child : element.elements()) {
            check(child, named, violations);
        }
    }

    private static String attribute(String tag, String name, String value) {
        if (value == null) {
            return null;
        }
        switch (name) {
            case "class", "variableMappingClass" -> {
                return ownDelegate(value) ? null : "camunda:" + name + " \"" + shorten(value) + "\" is not allowed; "
                        + "classes must be delegates in " + OWN_PACKAGE + "*";
            }
            case "delegateExpression", "variableMappingDelegateExpression" -> {
                return expression(value.strip(), true);
            }
            case "decisionRef", "caseRef" -> {
                return "camunda:" + name + " is not allowed; decisions are the link policy's rules (DMN and CMMN are off)";
            }
            case "scriptFormat", "resource", "language" -> {
                return "scripts are not allowed (" + name + "=\"" + shorten(value) + "\")";
            }
            default -> {
                if (tag.equals("constraint") && name.equals("name") && !BUILT_IN_VALIDATORS.contains(value)) {
                    return "the form field validator \"" + shorten(value) + "\" is not allowed; only "
                            + BUILT_IN_VALIDATORS;
                }
                return isExpression(value) ? expression(value.strip(), false) : null;
            }
        }
    }

    private static boolean ownDelegate(String className) {
        if (!className.startsWith(OWN_PACKAGE) || className.substring(OWN_PACKAGE.length()).contains(".")) {
            return false;
        }
        try {
            Class<?> type = Class.forName(className, false, ProcessContentPolicy.class.getClassLoader());
            return JavaDelegate.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type)
                    || TaskListener.class.isAssignableFrom(type) || DelegateVariableMapping.class.isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    /** Null when the expression is allowed, else what is wrong with it. */
    static String expression(String value, boolean delegate) {
        Node root;
        try {
            root = JUEL.build(value).getRoot();
        } catch (TreeBuilderException e) {
            return "the expression " + shown(value) + " cannot be parsed";
        }
        if (delegate) {
            boolean allowed = root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier bean
                    && DELEGATE_BEANS.contains(bean.getName());
            return allowed ? null : "the delegate expression " + shown(value) + " is not allowed; delegates are "
                    + "${bean} of " + new java.util.TreeSet<>(DELEGATE_BEANS);
        }
        List<Node> evals = new ArrayList<>();
        if (root instanceof AstComposite composite) {
            for (int i = 0; i < composite.getCardinality(); i++) {
                evals.add(composite.getChild(i));
            }
        } else {
            evals.add(root);
        }
        for (Node eval : evals) {
            if (eval instanceof AstText) {
                continue;
            }
            String refusal = eval instanceof AstEval ? allowed(eval.getChild(0), true) : "it is not an expression";
            if (refusal != null) {
                return "the expression " + shown(value) + " is not allowed: " + refusal + "; expressions may call "
                        + "only the allowlisted beans' methods, execution.setVariable('name', literal), or use "
                        + "process variables, literals and operators";
            }
        }
        return null;
    }

    private static String allowed(Node node, boolean top) {
        if (node instanceof AstMethod method) {
            return top ? call(method) : "a method call inside another expression";
        }
        if (node instanceof AstIdentifier || node instanceof AstString || node instanceof AstNumber
                || node instanceof AstBoolean || node instanceof AstNull) {
            return null;
        }
        if (node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice || node instanceof AstNested) {
            for (int i = 0; i < node.getCardinality(); i++) {
                String refusal = allowed(node.getChild(i), false);
                if (refusal != null) {
                    return refusal;
                }
            }
            return null;
        }
        return node.getClass().getSimpleName().replace("Ast", "").toLowerCase() + " access";
    }

    private static String call(AstMethod method) {
        if (!(method.getChild(0) instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier target)) {
            return "the method is not called on a named bean";
        }
        String name = dot.toString().replaceFirst("^\\.\\s*", "");
        Node parameters = method.getChild(1);
        if (target.getName().equals("execution")) {
            if (!name.equals("setVariable") || parameters.getCardinality() != 2
                    || !(parameters.getChild(0) instanceof AstString) || !literal(parameters.getChild(1))) {
                return "on execution only setVariable('name', literal) may be called";
            }
            return null;
        }
        if (!CALLABLE.getOrDefault(target.getName(), Set.of()).contains(name)) {
            return target.getName() + "." + name + "(...) is not an allowlisted bean method";
        }
        for (int i = 0; i < parameters.getCardinality(); i++) {
            Node argument = parameters.getChild(i);
            boolean execution = argument instanceof AstIdentifier identifier && identifier.getName().equals("execution");
            if (!execution && !literal(argument)) {
                return "arguments may only be execution or literals";
            }
        }
        return null;
    }

    private static boolean literal(Node node) {
        return node instanceof AstString || node instanceof AstNumber || node instanceof AstBoolean || node instanceof AstNull;
    }

    private static String shown(String value) {
        return "\"" + shorten(value) + "\"";
    }

    private static String shorten(String value) {
        return value.length() > 80 ? value.substring(0, 77) + "..." : value;
    }
}
