package org.safereg.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first look at a DMN file, before any KIE parser sees it: well-formed XML, with no document type
 * declaration. A DMN model never needs one, and refusing it outright means no external entity or DTD is
 * ever resolved, whatever the parsers further on would do.
 */
final class DmnXml {

    private DmnXml() {}

    /** What the first look found: a problem, or the model's namespace and name. */
    record Checked(RuleProblem problem, String namespace, String name) {}

    /** The problem with {@code file}'s XML, or the model's namespace and name when it is fit for the DMN parsers. */
    static Checked check(RuleFile file) {
        RuleProblem problem = problem(file);
        return problem == null ? names(file) : new Checked(problem, null, null);
    }

    private static Checked names(RuleFile file) {
        try {
            Document document = parser().parse(new ByteArrayInputStream(file.content()));
            var root = document.getDocumentElement();
            return new Checked(null, root.getAttribute("namespace"), root.getAttribute("name"));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return new Checked(RuleProblem.inFile(file.path(), "not well-formed XML: " + e.getMessage()), null, null);
        }
    }

    private static javax.xml.parsers.DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the XML parser cannot be secured", e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not resolved");
        });
        return builder;
    }

    private static RuleProblem problem(RuleFile file) {
        try {
            var builder = parser();
            Document document = builder.parse(new ByteArrayInputStream(file.content()));
            String root = document.getDocumentElement().getLocalName();
            if (!"definitions".equals(root)) {
                return RuleProblem.inFile(
                        file.path(),
                        "not a DMN model: the root element is <" + root + ">, not <definitions> (save the model from a"
                                + " DMN editor)");
            }
            return null;
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                return new RuleProblem(
                        file.path(),
                        null,
                        null,
                        null,
                        e.getLineNumber() > 0 ? e.getLineNumber() : null,
                        null,
                        "a DMN model may not carry a document type declaration (<!DOCTYPE ...>): entities are never"
                                + " resolved; save the model from a DMN editor");
            }
            return new RuleProblem(
                    file.path(),
                    null,
                    null,
                    null,
                    e.getLineNumber() > 0 ? e.getLineNumber() : null,
                    null,
                    "not well-formed XML (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + "): "
                            + message);
        } catch (SAXException | IOException e) {
            return RuleProblem.inFile(file.path(), "not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be secured", e);
        }
    }
}
