package dev.atrium.webapp.odata;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotation;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlCollection;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlPropertyPath;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlPropertyValue;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlRecord;
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
  static final String CAPABILITIES = "Org.OData.Capabilities.V1";
  /** Where the documents are, relative to {@code $metadata}. */
  static final String PATH = "$vocabulary/";

  /** Core.Computed: the service sets the value; a client's value is refused. */
  static final FullQualifiedName COMPUTED = new FullQualifiedName(CORE, "Computed");
  /** Core.ComputedDefaultValue: a client may give the value on insert; without one the service computes it. */
  static final FullQualifiedName COMPUTED_DEFAULT_VALUE = new FullQualifiedName(CORE, "ComputedDefaultValue");
  /** Core.Immutable: given on insert (or computed), never changed after. */
  static final FullQualifiedName IMMUTABLE = new FullQualifiedName(CORE, "Immutable");

  private static final Map<String, String> ALIASES = Map.of(CORE, "Core", CAPABILITIES, "Capabilities");

  /**
   * The Capabilities terms an entity set carries, each a record of the official restriction type
   * with the properties used here (Boolean ones, MaxLevels, the property paths a set refuses).
   */
  enum Restriction {
    COUNT("CountRestrictions", "Countable"),
    SEARCH("SearchRestrictions", "Searchable"),
    FILTER("FilterRestrictions", "Filterable", "NonFilterableProperties"),
    SORT("SortRestrictions", "Sortable", "NonSortableProperties"),
    EXPAND("ExpandRestrictions", "Expandable", null, "MaxLevels"),
    INSERT("InsertRestrictions", "Insertable"),
    UPDATE("UpdateRestrictions", "Updatable"),
    DELETE("DeleteRestrictions", "Deletable");

    final String term;
    final String flag;
    final String paths;
    final String levels;

    Restriction(String term, String flag) {
      this(term, flag, null, null);
    }

    Restriction(String term, String flag, String paths) {
      this(term, flag, paths, null);
    }

    Restriction(String term, String flag, String paths, String levels) {
      this.term = term;
      this.flag = flag;
      this.paths = paths;
      this.levels = levels;
    }

    FullQualifiedName termName() {
      return new FullQualifiedName(CAPABILITIES, term);
    }

    FullQualifiedName type() {
      return new FullQualifiedName(CAPABILITIES, term + "Type");
    }

    CsdlComplexType complexType() {
      List<CsdlProperty> properties = new java.util.ArrayList<>();
      properties.add(new CsdlProperty().setName(flag).setType("Edm.Boolean").setNullable(false).setDefaultValue("true"));
      if (paths != null) {
        // officially Collection(Edm.PropertyPath), a type Olingo 5 cannot write: the paths' text
        properties.add(new CsdlProperty().setName(paths).setType("Edm.String").setCollection(true));
      }
      if (levels != null) {
        properties.add(new CsdlProperty().setName(levels).setType("Edm.Int32").setDefaultValue("-1"));
      }
      return new CsdlComplexType().setName(term + "Type").setProperties(properties);
    }
  }

  /** Capabilities.TopSupported and SkipSupported: tags of the entity set. */
  static final FullQualifiedName TOP_SUPPORTED = new FullQualifiedName(CAPABILITIES, "TopSupported");
  static final FullQualifiedName SKIP_SUPPORTED = new FullQualifiedName(CAPABILITIES, "SkipSupported");

  private static final Map<String, List<CsdlTerm>> TERMS = Map.of(
      CORE, List.of(tag(COMPUTED, "Property"), tag(COMPUTED_DEFAULT_VALUE, "Property"), tag(IMMUTABLE, "Property")),
      CAPABILITIES, capabilityTerms());

  private static List<CsdlTerm> capabilityTerms() {
    List<CsdlTerm> terms = new java.util.ArrayList<>(List.of(tag(TOP_SUPPORTED, "EntitySet"), tag(SKIP_SUPPORTED, "EntitySet")));
    for (Restriction r : Restriction.values()) {
      terms.add(new CsdlTerm().setName(r.term).setType(r.type().getFullQualifiedNameAsString()).setAppliesTo(List.of("EntitySet")));
    }
    return terms;
  }

  /** The complex type of a restriction term, or empty for any other name. */
  static Optional<CsdlComplexType> complexType(FullQualifiedName name) {
    return java.util.Arrays.stream(Restriction.values()).filter(r -> r.type().equals(name)).findFirst()
        .map(Restriction::complexType);
  }

  /**
   * A restriction as a record: {@code allowed}, the property paths it refuses (if the type has
   * them) and the levels (if it has them, and {@code levels} is not null).
   */
  static CsdlAnnotation restriction(Restriction r, boolean allowed, List<String> refused, Integer levels) {
    List<CsdlPropertyValue> values = new java.util.ArrayList<>();
    values.add(new CsdlPropertyValue().setProperty(r.flag)
        .setValue(new CsdlConstantExpression(ConstantExpressionType.Bool, Boolean.toString(allowed))));
    if (r.paths != null && !refused.isEmpty()) {
      values.add(new CsdlPropertyValue().setProperty(r.paths).setValue(new CsdlCollection().setItems(
          refused.stream().map(p -> (org.apache.olingo.commons.api.edm.provider.annotation.CsdlExpression)
              new CsdlPropertyPath().setValue(p)).toList())));
    }
    if (r.levels != null && levels != null) {
      values.add(new CsdlPropertyValue().setProperty(r.levels)
          .setValue(new CsdlConstantExpression(ConstantExpressionType.Int, levels.toString())));
    }
    return new CsdlAnnotation().setTerm(r.termName().getFullQualifiedNameAsString())
        .setExpression(new CsdlRecord().setType(r.type().getFullQualifiedNameAsString()).setPropertyValues(values));
  }

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
                .setTerms(TERMS.get(namespace)).setComplexTypes(namespace.equals(CAPABILITIES)
                    ? java.util.Arrays.stream(Restriction.values()).map(Restriction::complexType).toList() : List.of()));
          }

          @Override
          public CsdlTerm getTerm(FullQualifiedName name) {
            return term(name).orElse(null);
          }

          @Override
          public CsdlComplexType getComplexType(FullQualifiedName name) {
            return complexType(name).orElse(null);
          }
        });
  }
}
