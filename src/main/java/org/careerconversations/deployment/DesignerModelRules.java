package org.careerconversations.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a designer's deployment may contain: BPMN diagrams, DMN tables and Camunda Forms (and PNG images of
 * diagrams), and in them nothing that runs code. A designer changes flows, texts, timings, forms and tables;
 * new code comes with the app's own deployment. Refused, each with the element and the rule:
 * <ul>
 *   <li>BPMN: script tasks and scripts anywhere (listeners, input/output mappings), {@code camunda:class},
 *       script resources and languages, connectors, embedded or external forms ({@code camunda:formKey}
 *       other than a Camunda Form), a delegate expression that is not one of the app's steps by name, and
 *       any expression (condition, listener, mapping, timer, name, assignee …) beyond
 *       {@link DesignerExpressions};</li>
 *   <li>DMN: an expression language other than FEEL (JUEL and scripts run code; FEEL cannot call Java
 *       here);</li>
 *   <li>forms: iframe fields, which show pages from elsewhere inside Tasklist;</li>
 *   <li>any other kind of file.</li>
 * </ul>
 */
final class DesignerModelRules {

    /** One refused part of a resource: the nearest element with an id, and the rule it breaks. */
    record Finding(String elementId, String message) {
    }

    private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
    private static final Set<String> SCRIPT_ATTRIBUTES = Set.of("scriptFormat", "resource", "language");
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression",
        "variableMappingDelegateExpression");
    /** Text that the engine never evaluates. */
    private static final Set<String> PLAIN_TEXT_ELEMENTS = Set.of("documentation", "text", "string");
    private static final String CAMUNDA_FORMS = "camunda-forms:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DesignerExpressions expressions;

    DesignerModelRules(DesignerExpressions expressions) {
        this.expressions = expressions;
    }

    List<Finding> check(String resourceName, byte[] content) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            return xml(content).map(this::bpmn).orElseGet(() -> unreadable("BPMN diagram"));
        }
        if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            return xml(content).map(DesignerModelRules::dmn).orElseGet(() -> unreadable("DMN table"));
        }
        if (name.endsWith(".form")) {
            return form(content);
        }
        if (name.endsWith(".png")) {
            return List.of();
        }
        return List.of(new Finding(null, "only BPMN diagrams (.bpmn), DMN tables (.dmn) and Camunda Forms (.form) "
            + "can be deployed; new code and other files come with the app's own deployment"));
    }

    // --- BPMN ---

    private List<Finding> bpmn(Element root) {
        List<Finding> findings = new ArrayList<>();
        walk(root, null, findings);
        return findings;
    }

    private void walk(Element element, String elementId, List<Finding> findings) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : elementId;
        String local = localName(element);
        if (SCRIPT_ELEMENTS.contains(local)) {
            findings.add(new Finding(id, "scripts run code, which a designer's model may not; use one of the app's "
                + "steps (element templates) instead"));
            return;
        }
        if ("connector".equals(local)) {
            findings.add(new Finding(id, "connectors call other systems, which a designer's model may not"));
            return;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            attribute((Attr) attributes.item(i), id, findings);
        }
        if (!PLAIN_TEXT_ELEMENTS.contains(local)) {
            String text = ownText(element);
            if (DesignerExpressions.isExpression(text)) {
                expressions.checkValue(text).ifPresent(rule -> findings.add(refused(id, rule, text)));
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walk(childElement, id, findings);
            }
        }
    }

    private void attribute(Attr attribute, String id, List<Finding> findings) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
            return;
        }
        if (CLASS_ATTRIBUTES.contains(name)) {
            findings.add(new Finding(id, "a Java class (" + name + "=\"" + value + "\") runs code, which a designer's "
                + "model may not; use one of the app's steps (element templates) instead"));
        } else if (SCRIPT_ATTRIBUTES.contains(name)) {
            findings.add(new Finding(id, "scripts run code (" + name + "=\"" + value + "\"), which a designer's model "
                + "may not"));
        } else if (DELEGATE_ATTRIBUTES.contains(name)) {
            expressions.checkDelegate(value).ifPresent(rule -> findings.add(refused(id, rule, value)));
        } else if ("formKey".equals(name) && !value.startsWith(CAMUNDA_FORMS)) {
            findings.add(new Finding(id, "embedded and external forms (formKey=\"" + value + "\") bring their own "
                + "code into Tasklist; link a Camunda Form from forms/ with camunda:formRef"));
        } else if (DesignerExpressions.isExpression(value)) {
            expressions.checkValue(value).ifPresent(rule -> findings.add(refused(id, rule, value)));
        }
    }

    private static Finding refused(String id, String rule, String expression) {
        return new Finding(id, rule + " (" + DesignerExpressions.quote(expression) + ")");
    }

    // --- DMN ---

    private static List<Finding> dmn(Element root) {
        List<Finding> findings = new ArrayList<>();
        dmn(root, null, findings);
        return findings;
    }

    private static void dmn(Element element, String elementId, List<Finding> findings) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : elementId;
        String language = element.getAttribute("expressionLanguage");
        if (!language.isEmpty() && !language.toLowerCase(Locale.ROOT).contains("feel")) {
            findings.add(new Finding(id, "decision tables use FEEL only: expressionLanguage=\"" + language
                + "\" runs code, which a designer's table may not"));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                dmn(childElement, id, findings);
            }
        }
    }

    // --- forms ---

    private static List<Finding> form(byte[] content) {
        JsonNode form;
        try {
            form = JSON.readTree(content);
        } catch (IOException e) {
            return List.of(new Finding(null, "not a Camunda Form the app can read (JSON)"));
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode component : form.findParents("type")) {
            if ("iframe".equals(component.path("type").asText())) {
                findings.add(new Finding(component.path("id").asText(null), "iframe fields show pages from "
                    + "elsewhere inside Tasklist, which a designer's form may not"));
            }
        }
        return findings;
    }

    // --- XML ---

    private static Optional<Element> xml(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(new ByteArrayInputStream(content)).getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return Optional.empty();
        }
    }

    private static List<Finding> unreadable(String what) {
        return List.of(new Finding(null, "not a " + what + " the app can read (XML without a document type)"));
    }

    private static String localName(Element element) {
        return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }
}
