package dev.atrium.common.workspace;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.UUID;

/** The wire shapes of {@code /0/rest/workspace}. */
public final class WorkspaceDtos {
  private WorkspaceDtos() {}

  /** The signed-in user: id, login name and their contact (null for a user without one). */
  @JsonbNillable
  public record UserDto(UUID id, String name, UUID contactId) {}

  /** What the caller may do with the records of one object. */
  public record RightsDto(boolean read, boolean create, boolean edit, boolean delete) {}

  /**
   * A section: the object it lists ({@code Name}), the section's caption ("Contacts"), the object's
   * caption ("Contact"), its primary display column and the caller's rights.
   */
  @JsonbNillable
  public record SectionDto(String name, String caption, String objectCaption, String primaryDisplayColumn,
      RightsDto rights) {}

  /**
   * A column as the workspace's lists and forms use it: its API name and caption, its designer
   * type ({@code Text}, {@code Money}, {@code Lookup}, ...), whether it is required, its longest
   * text, and how OData names it: {@code Property} (a lookup {@code Account} is {@code AccountId})
   * and, for a lookup, {@code Navigation} ({@code Account}) with the object it refers to and that
   * object's primary display column. {@code System} marks the columns every object has, which
   * clients never write; {@code ReadOnly} those the caller may not change (the system columns, and
   * those column permissions let them only read).
   */
  @JsonbNillable
  public record ColumnViewDto(String name, String caption, String type, boolean required, int maxLength,
      String property, String navigation, String reference, String referenceDisplayColumn, boolean system,
      boolean readOnly) {}

  /**
   * Records of another object that refer to this one through a lookup: a form's related list.
   * {@code Column} is that lookup, {@code Property} its OData property ({@code AccountId}),
   * {@code DisplayColumn} the other object's primary display column and {@code Navigation} the
   * OData collection ({@code ContactCollectionByAccount}).
   */
  @JsonbNillable
  public record RelatedViewDto(String object, String caption, String column, String property, String displayColumn,
      String navigation) {}

  /**
   * An object's board: its records as cards in a column per value of the lookup {@code Column}
   * (OData property {@code Property}, navigation {@code Navigation}), the values being the
   * records of {@code Reference}, shown by its {@code DisplayColumn} and ordered by its integer
   * column {@code OrderColumn} (null: by the display column).
   */
  @JsonbNillable
  public record BoardViewDto(String column, String property, String navigation, String reference, String displayColumn,
      String orderColumn) {}

  /**
   * An object as the workspace renders it: its section, columns in the designer's order, related
   * lists, and its board, or null when it has none the caller may see.
   */
  @JsonbNillable
  public record ObjectViewDto(String name, String caption, String sectionCaption, String primaryDisplayColumn,
      RightsDto rights, List<ColumnViewDto> columns, List<RelatedViewDto> related, BoardViewDto board) {}

  /**
   * Everything the workspace's shell needs at start: the user, the sections in navigation order,
   * the system operations the caller holds (for administration entries) and whether the session
   * is limited to licence management; with {@code ?object=}, also that section's object as lists
   * and forms render it ({@code Object}, null when not asked for or no section the caller may read), so
   * a page opened at a section needs no second request for it.
   */
  public record WorkspaceDto(UserDto user, List<SectionDto> sections, List<String> operations, boolean limited,
      ObjectViewDto object) {}
}
