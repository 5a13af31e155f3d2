package dev.atrium.webapp.odata;

import dev.atrium.common.metadata.ColumnType;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.ObjectModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotation;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationPropertyBinding;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlReferentialConstraint;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.apache.olingo.commons.api.edm.provider.CsdlTerm;

/**
 * The OData model of the business objects, generated from the metadata: an entity type and an
 * entity set per object (named like it), a property per column (a lookup {@code Account} as the
 * GUID property {@code AccountId} plus the navigation property {@code Account}), and for every
 * lookup that refers to an object a collection navigation property on it, named as in the
 * reference platform: {@code ContactCollectionByAccount}.
 */
public final class ObjectsEdmProvider extends CsdlAbstractEdmProvider {

  public static final String NAMESPACE = "Atrium";
  public static final String CONTAINER_NAME = "Atrium";
  public static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, CONTAINER_NAME);
  private final ObjectModel model;
  /** Levels of nested $expand the service takes (ExpandRestrictions/MaxLevels). */
  private final int maxExpandDepth;

  public ObjectsEdmProvider(ObjectModel model, int maxExpandDepth) {
    this.model = model;
    this.maxExpandDepth = maxExpandDepth;
  }

  /** The back-reference a collection navigation property of {@code target} stands for. */
  public static Optional<ObjectModel.BackReference> backReference(ObjectModel model, String target, String navigation) {
    return model.referencesTo(target).stream()
        .filter(r -> r.collectionName().equalsIgnoreCase(navigation)).findFirst();
  }

  @Override
  public CsdlEntityType getEntityType(FullQualifiedName name) {
    if (!NAMESPACE.equals(name.getNamespace())) {
      return null;
    }
    return model.object(name.getName()).filter(o -> o.name().equals(name.getName())).map(this::entityType).orElse(null);
  }

  /**
   * Whether a property may come back null: a column that is not required, and in an object with
   * column permissions every column of its own, since a caller who may not read it gets null (the
   * metadata is the same for every caller).
   */
  private static boolean nullable(EntityModel object, EntityField f) {
    return !f.required() || object.options().administeredByColumns() && !f.system();
  }

  private CsdlEntityType entityType(EntityModel object) {
    List<CsdlProperty> properties = new ArrayList<>();
    List<CsdlNavigationProperty> navigation = new ArrayList<>();
    for (EntityField f : object.fields()) {
      CsdlProperty p = new CsdlProperty().setName(f.isLookup() ? f.columnName() : f.name())
          .setType(kind(f.type()).getFullQualifiedName()).setNullable(nullable(object, f));
      if (f.maxLength() > 0) {
        p.setMaxLength(f.maxLength());
      }
      if (f.type() == ColumnType.DECIMAL || f.type() == ColumnType.MONEY) {
        p.setPrecision(18).setScale(f.type() == ColumnType.MONEY ? 2 : 8);
      }
      if (f.type() == ColumnType.DATE_TIME) {
        p.setPrecision(6);
      }
      p.setAnnotations(annotations(f));
      properties.add(p);
      if (f.isLookup() && model.object(f.reference()).isPresent()) {
        EntityModel target = model.object(f.reference()).get();
        navigation.add(new CsdlNavigationProperty().setName(f.name())
            .setType(new FullQualifiedName(NAMESPACE, target.name())).setNullable(true)
            .setPartner(model.referencesTo(target.name()).stream()
                .filter(r -> r.object().name().equals(object.name()) && r.field().name().equals(f.name()))
                .map(ObjectModel.BackReference::collectionName).findFirst().orElse(null))
            .setReferentialConstraints(List.of(new CsdlReferentialConstraint().setProperty(f.columnName())
                .setReferencedProperty("Id"))));
      }
    }
    for (ObjectModel.BackReference r : model.referencesTo(object.name())) {
      navigation.add(new CsdlNavigationProperty().setName(r.collectionName())
          .setType(new FullQualifiedName(NAMESPACE, r.object().name())).setCollection(true)
          .setPartner(r.field().name())); // the lookup on the other side: Contact.Account for ContactCollectionByAccount
    }
    return new CsdlEntityType().setName(object.name()).setProperties(properties).setNavigationProperties(navigation)
        .setKey(List.of(new CsdlPropertyRef().setName("Id")));
  }

  /**
   * What a client may send for a property (OData Core vocabulary), so that generated clients do
   * not ask for what the service sets: the key is given on insert or computed, and never changed;
   * CreatedOn, CreatedById, ModifiedOn and ModifiedById are the service's; a column with a default
   * may be left out on insert.
   */
  private static List<CsdlAnnotation> annotations(EntityField f) {
    if (f.name().equals("Id")) {
      return List.of(Vocabularies.tag(Vocabularies.COMPUTED_DEFAULT_VALUE), Vocabularies.tag(Vocabularies.IMMUTABLE));
    }
    if (f.system()) {
      return List.of(Vocabularies.tag(Vocabularies.COMPUTED));
    }
    return f.defaultValue() != null ? List.of(Vocabularies.tag(Vocabularies.COMPUTED_DEFAULT_VALUE)) : List.of();
  }

  /**
   * What an entity set's service can do (Capabilities vocabulary): the same for every caller, as
   * the metadata is; whether one caller may is still decided per request by the permissions.
   * Binary columns are media, never filtered or sorted on; $search is not served.
   */
  private List<CsdlAnnotation> capabilities(EntityModel object) {
    List<String> media = object.fields().stream().filter(f -> f.type() == ColumnType.BINARY).map(EntityField::name).toList();
    return List.of(
        Vocabularies.tag(Vocabularies.TOP_SUPPORTED), Vocabularies.tag(Vocabularies.SKIP_SUPPORTED),
        Vocabularies.restriction(Vocabularies.Restriction.COUNT, true, List.of(), null),
        Vocabularies.restriction(Vocabularies.Restriction.SEARCH, false, List.of(), null),
        Vocabularies.restriction(Vocabularies.Restriction.FILTER, true, media, null),
        Vocabularies.restriction(Vocabularies.Restriction.SORT, true, media, null),
        Vocabularies.restriction(Vocabularies.Restriction.EXPAND, true, List.of(), maxExpandDepth),
        Vocabularies.restriction(Vocabularies.Restriction.INSERT, true, List.of(), null),
        Vocabularies.restriction(Vocabularies.Restriction.UPDATE, true, List.of(), null),
        Vocabularies.restriction(Vocabularies.Restriction.DELETE, true, List.of(), null));
  }

  @Override
  public CsdlTerm getTerm(FullQualifiedName name) {
    return Vocabularies.term(name).orElse(null);
  }

  @Override
  public org.apache.olingo.commons.api.edm.provider.CsdlComplexType getComplexType(FullQualifiedName name) {
    return Vocabularies.complexType(name).orElse(null);
  }

  /**
   * The columns an entity's JSON carries: all but binary ones, which are stream properties, read
   * and written on their own as media ({@code .../Object(key)/Column}).
   */
  public static List<EntityField> served(EntityModel object) {
    return object.fields().stream().filter(f -> f.type() != ColumnType.BINARY).toList();
  }

  @Override
  public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
    if (!CONTAINER.equals(container)) {
      return null;
    }
    return model.object(name).filter(o -> o.name().equals(name)).map(this::entitySet).orElse(null);
  }

  private CsdlEntitySet entitySet(EntityModel object) {
    List<CsdlNavigationPropertyBinding> bindings = new ArrayList<>();
    for (EntityField f : object.fields()) {
      model.object(f.reference()).ifPresent(target ->
          bindings.add(new CsdlNavigationPropertyBinding().setPath(f.name()).setTarget(target.name())));
    }
    for (ObjectModel.BackReference r : model.referencesTo(object.name())) {
      bindings.add(new CsdlNavigationPropertyBinding().setPath(r.collectionName())
          .setTarget(r.object().name()));
    }
    return new CsdlEntitySet().setName(object.name()).setType(new FullQualifiedName(NAMESPACE, object.name()))
        .setNavigationPropertyBindings(bindings).setAnnotations(capabilities(object));
  }

  @Override
  public CsdlEntityContainer getEntityContainer() {
    return new CsdlEntityContainer().setName(CONTAINER_NAME)
        .setEntitySets(model.objects().stream().map(this::entitySet).toList());
  }

  @Override
  public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
    return name == null || CONTAINER.equals(name) ? new CsdlEntityContainerInfo().setContainerName(CONTAINER) : null;
  }

  @Override
  public List<CsdlSchema> getSchemas() {
    return List.of(new CsdlSchema().setNamespace(NAMESPACE)
        .setEntityTypes(model.objects().stream().map(this::entityType).toList())
        .setEntityContainer(getEntityContainer()));
  }

  /** The EDM type of a column type. */
  public static EdmPrimitiveTypeKind kind(ColumnType type) {
    return switch (type) {
      case SHORT_TEXT, TEXT, LONG_TEXT, MAX_TEXT, RICH_TEXT, EMAIL, PHONE, WEB -> EdmPrimitiveTypeKind.String;
      case INTEGER -> EdmPrimitiveTypeKind.Int32;
      case DECIMAL, MONEY -> EdmPrimitiveTypeKind.Decimal;
      case BOOLEAN -> EdmPrimitiveTypeKind.Boolean;
      case DATE -> EdmPrimitiveTypeKind.Date;
      case TIME -> EdmPrimitiveTypeKind.TimeOfDay;
      case DATE_TIME -> EdmPrimitiveTypeKind.DateTimeOffset;
      case GUID, LOOKUP -> EdmPrimitiveTypeKind.Guid;
      case BINARY -> EdmPrimitiveTypeKind.Stream;
    };
  }
}
