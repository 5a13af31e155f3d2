package dev.atrium.webapp.odata;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotation;
import org.apache.olingo.commons.api.edm.provider.CsdlEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.apache.olingo.commons.api.edm.provider.CsdlTerm;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlConstantExpression;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlConstantExpression.ConstantExpressionType;
import org.apache.olingo.commons.api.edmx.EdmxReference;
import org.apache.olingo.commons.api.edmx.EdmxReferenceInclude;

/**
 * The OData vocabulary terms the model's annotations use, in one place: their definitions (so
 * Olingo resolves each annotation's term, and names it in {@code $metadata}), the
 * {@code edmx:Reference} of each vocabulary, and the documents those references lead to, served
 * by this service at {@code /0/odata/$vocabulary/<namespace>.xml} so that clients that follow
 * references (Olingo's client does) need no internet access. Each document defines the terms
 * used here, with the official names and types, not the whole vocabulary.
 */
final class Vocabularies {

  static final String CORE = "Org.OData.Core.V1";
  /** Where the documents are, relative to {@code $metadata}. */
  static final String PATH = "$vocabulary/";

  /** Core.Computed: the service sets the value; a client's value is refused. */
  static final FullQualifiedName COMPUTED = new FullQualifiedName(CORE, "Computed");
  /** Core.ComputedDefaultValue: a client may give the value on insert; without one the service computes it. */
  static final FullQualifiedName COMPUTED_DEFAULT_VALUE = new FullQualifiedName(CORE, "ComputedDefaultValue");
  /** Core.Immutable: given on insert (or computed), never changed after. */
  static final FullQualifiedName IMMUTABLE = new FullQualifiedName(CORE, "Immutable");

  private static final Map<String, String> ALIASES = Map.of(CORE, "Core");
  private static final Map<String, List<CsdlTerm>> TERMS = Map.of(CORE, List.of(
      tag(COMPUTED, "Property"), tag(COMPUTED_DEFAULT_VALUE, "Property"), tag(IMMUTABLE, "Property")));

  private Vocabularies() {}

  private static CsdlTerm tag(FullQualifiedName name, String appliesTo) {
    return new CsdlTerm().setName(name.getName()).setType("Edm.Boolean").setDefaultValue("true")
        .setAppliesTo(List.of(appliesTo));
  }

  /** A tag annotation ({@code <Annotation Term="Core.Computed" Bool="true"/>}). */
  static CsdlAnnotation tag(FullQualifiedName term) {
    return new CsdlAnnotation().setTerm(term.getFullQualifiedNameAsString())
        .setExpression(new CsdlConstantExpression(ConstantExpressionType.Bool, "true"));
  }

  /** The definition of a term the model uses, or empty for any other. */
  static Optional<CsdlTerm> term(FullQualifiedName name) {
    return TERMS.getOrDefault(name.getNamespace(), List.of()).stream()
        .filter(t -> t.getName().equals(name.getName())).findFirst();
  }

  /** The references of {@code $metadata}: one per vocabulary, with its alias. */
  static List<EdmxReference> references() {
    return TERMS.keySet().stream().sorted().map(namespace -> {
      EdmxReference reference = new EdmxReference(URI.create(PATH + namespace + ".xml"));
      reference.addInclude(new EdmxReferenceInclude(namespace, ALIASES.get(namespace)));
      return reference;
    }).toList();
  }

  /** The model of a vocabulary document, by its file name ({@code Org.OData.Core.V1.xml}), for Olingo to serialize. */
  static Optional<CsdlEdmProvider> document(String file) {
    return TERMS.keySet().stream().filter(namespace -> file.equals(namespace + ".xml")).findFirst()
        .map(namespace -> new CsdlAbstractEdmProvider() {
          @Override
          public List<CsdlSchema> getSchemas() {
            return List.of(new CsdlSchema().setNamespace(namespace).setAlias(ALIASES.get(namespace))
                .setTerms(TERMS.get(namespace)));
          }

          @Override
          public CsdlTerm getTerm(FullQualifiedName name) {
            return term(name).orElse(null);
          }
        });
  }
}
