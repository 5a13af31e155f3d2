package dev.atrium.common.permissions;

/** What object permissions grant on an object's records, each with the operation that bypasses it. */
public enum ObjectOperation {
  READ("read", "CanSelectEverything"),
  CREATE("add", "CanInsertEverything"),
  EDIT("change", "CanUpdateEverything"),
  DELETE("delete", "CanDeleteEverything");

  private final String verb;
  private final String everything;

  ObjectOperation(String verb, String everything) {
    this.verb = verb;
    this.everything = everything;
  }

  /** "read", "add", "change", "delete": for messages. */
  public String verb() {
    return verb;
  }

  /** The system operation whose holders may do this with the records of every object. */
  public String everything() {
    return everything;
  }
}
