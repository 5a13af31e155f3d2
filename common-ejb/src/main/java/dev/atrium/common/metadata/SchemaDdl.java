package dev.atrium.common.metadata;

import dev.atrium.common.infrastructure.LiquibaseRunner;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.DropUniqueConstraintChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.ObjectQuotingStrategy;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;

/**
 * The DDL of the object designer's changes, built as Liquibase changes: the same change is
 * rendered offline for every supported DBMS (preview, and the tests for the DBMSs that cannot run
 * here) and applied to the live database as a change set recorded in {@code DATABASECHANGELOG}.
 * Identifiers come from {@link Identifiers} and the metadata only.
 */
public final class SchemaDdl {

  /** Where changes the designer applies are recorded (the file name of their change sets). */
  public static final String CHANGELOG_PATH = "atrium/objects";
  private static final Map<Dbms, Database> OFFLINE = new EnumMap<>(Dbms.class);

  private SchemaDdl() {}

  /** A new object's table: the system columns, its columns, and their constraints and indexes. */
  public static List<Change> createObject(String table, List<ColumnPlan> columns) {
    CreateTableChange create = new CreateTableChange();
    create.setTableName(table);
    create.addColumn(new ColumnConfig().setName("Id").setType("uuid").setConstraints(
        new ConstraintsConfig().setPrimaryKey(true).setPrimaryKeyName(Identifiers.constraintName("PK", table))
            .setNullable(false)));
    create.addColumn(notNull("CreatedOn", "timestamp"));
    create.addColumn(new ColumnConfig().setName("CreatedById").setType("uuid"));
    create.addColumn(notNull("ModifiedOn", "timestamp"));
    create.addColumn(new ColumnConfig().setName("ModifiedById").setType("uuid"));
    columns.forEach(c -> create.addColumn(column(c)));
    List<Change> changes = new ArrayList<>(List.of(create));
    columns.forEach(c -> changes.addAll(constraints(table, c)));
    return changes;
  }

  /**
   * New columns of an existing object. They are nullable in the database (rows exist already);
   * "required" is the data layer's rule, as in the metadata.
   */
  public static List<Change> addColumns(String table, List<ColumnPlan> columns) {
    AddColumnChange add = new AddColumnChange();
    add.setTableName(table);
    for (ColumnPlan c : columns) {
      AddColumnConfig config = new AddColumnConfig();
      config.setName(c.column());
      config.setType(c.type().liquibaseType());
      add.addColumn(config);
    }
    List<Change> changes = new ArrayList<>(List.of(add));
    columns.forEach(c -> changes.addAll(constraints(table, c)));
    return changes;
  }

  /** Drops a column with what depends on it (foreign key, unique constraint, index) first. */
  public static List<Change> dropColumn(String table, ColumnPlan c) {
    List<Change> changes = new ArrayList<>();
    if (c.isLookup()) {
      DropForeignKeyConstraintChange fk = new DropForeignKeyConstraintChange();
      fk.setBaseTableName(table);
      fk.setConstraintName(Identifiers.constraintName("FK", table, c.column()));
      changes.add(fk);
    }
    if (c.unique()) {
      DropUniqueConstraintChange ux = new DropUniqueConstraintChange();
      ux.setTableName(table);
      ux.setConstraintName(Identifiers.constraintName("UX", table, c.column()));
      changes.add(ux);
    }
    if (c.indexed() || c.isLookup()) {
      DropIndexChange ix = new DropIndexChange();
      ix.setTableName(table);
      ix.setIndexName(Identifiers.constraintName("IX", table, c.column()));
      changes.add(ix);
    }
    DropColumnChange drop = new DropColumnChange();
    drop.setTableName(table);
    drop.setColumnName(c.column());
    changes.add(drop);
    return changes;
  }

  /**
   * Changes a column's type, unique constraint or index: what covers the column goes first and
   * comes back after the type changed. Nothing when only the metadata changes.
   */
  public static List<Change> changeColumn(String table, ColumnPlan before, ColumnPlan after) {
    boolean retype = TypeChange.of(before.type(), after.type()) != TypeChange.SAME_STORAGE;
    List<Change> changes = new ArrayList<>();
    if (before.unique() && (retype || !after.unique())) {
      DropUniqueConstraintChange ux = new DropUniqueConstraintChange();
      ux.setTableName(table);
      ux.setConstraintName(Identifiers.constraintName("UX", table, before.column()));
      changes.add(ux);
    }
    if (before.indexed() && (retype || !after.indexed())) {
      DropIndexChange ix = new DropIndexChange();
      ix.setTableName(table);
      ix.setIndexName(Identifiers.constraintName("IX", table, before.column()));
      changes.add(ix);
    }
    if (retype) {
      ModifyDataTypeChange modify = new ModifyDataTypeChange();
      modify.setTableName(table);
      modify.setColumnName(after.column());
      modify.setNewDataType(after.type().liquibaseType());
      changes.add(modify);
    }
    ColumnPlan adds = new ColumnPlan(after.column(), after.type(), after.required(),
        after.unique() && (retype || !before.unique()), after.indexed() && (retype || !before.indexed()), null);
    changes.addAll(constraints(table, adds));
    return changes;
  }

  /**
   * The table of an object's record permissions ({@link RecordRightsTable}): keyed by record,
   * grantee and operation (what the semi-join of a read probes), indexed by grantee and operation
   * (for a caller who may see few of many records), its rows going with their record and grantee.
   */
  public static List<Change> createRecordRights(String objectTable) {
    String table = RecordRightsTable.of(objectTable);
    CreateTableChange create = new CreateTableChange();
    create.setTableName(table);
    for (String key : List.of("RecordId", "SysAdminUnitId")) {
      create.addColumn(new ColumnConfig().setName(key).setType("uuid").setConstraints(new ConstraintsConfig()
          .setNullable(false).setPrimaryKey(true).setPrimaryKeyName(Identifiers.constraintName("PK", table))));
    }
    create.addColumn(new ColumnConfig().setName("Operation").setType("int").setConstraints(new ConstraintsConfig()
        .setNullable(false).setPrimaryKey(true).setPrimaryKeyName(Identifiers.constraintName("PK", table))));
    create.addColumn(notNull("RightLevel", "int"));
    create.addColumn(notNull("Source", "int"));
    CreateIndexChange byGrantee = new CreateIndexChange();
    byGrantee.setTableName(table);
    byGrantee.setIndexName(Identifiers.constraintName("IX", table, "Unit"));
    for (String c : List.of("SysAdminUnitId", "Operation", "RecordId")) {
      AddColumnConfig col = new AddColumnConfig();
      col.setName(c);
      byGrantee.addColumn(col);
    }
    List<Change> changes = new ArrayList<>(List.of(create, byGrantee));
    changes.add(foreignKey(table, "RecordId", objectTable));
    changes.add(foreignKey(table, "SysAdminUnitId", "SysAdminUnit"));
    return changes;
  }

  private static AddForeignKeyConstraintChange foreignKey(String table, String column, String referenced) {
    AddForeignKeyConstraintChange fk = new AddForeignKeyConstraintChange();
    fk.setConstraintName(Identifiers.constraintName("FK", table, column));
    fk.setBaseTableName(table);
    fk.setBaseColumnNames(column);
    fk.setReferencedTableName(referenced);
    fk.setReferencedColumnNames("Id");
    fk.setOnDelete("CASCADE");
    return fk;
  }

  /** Drops the table of an object's record permissions. */
  public static List<Change> dropRecordRights(String objectTable) {
    DropTableChange drop = new DropTableChange();
    drop.setTableName(RecordRightsTable.of(objectTable));
    return List.of(drop);
  }

  /** Drops an object's table, with its own constraints and indexes. */
  public static List<Change> dropObject(String table) {
    DropTableChange drop = new DropTableChange();
    drop.setTableName(table);
    return List.of(drop);
  }

  /** The SQL these changes are on {@code dbms}, rendered without a database. */
  public static List<String> preview(List<Change> changes, Dbms dbms) {
    Database database = offline(dbms);
    List<String> sql = new ArrayList<>();
    for (Change change : changes) {
      for (Sql s : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
        sql.add(s.toSql());
      }
    }
    return sql;
  }

  /**
   * Applies the changes to the database behind {@code connection} as one recorded change set
   * (Liquibase's lock serialises designers on every node). Must run outside a JTA transaction:
   * Liquibase commits itself.
   */
  public static void apply(Connection connection, String changeSetId, String author, List<Change> changes,
      ClassLoader loader) throws Exception {
    Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
    database.setObjectQuotingStrategy(ObjectQuotingStrategy.QUOTE_ONLY_RESERVED_WORDS);
    DatabaseChangeLog log = new DatabaseChangeLog(CHANGELOG_PATH);
    log.setObjectQuotingStrategy(ObjectQuotingStrategy.QUOTE_ONLY_RESERVED_WORDS);
    // Liquibase applies each change set's own quoting strategy (the default, LEGACY, would quote
    // mixed-case names on PostgreSQL and so make them case-sensitive).
    ChangeSet set = new ChangeSet(changeSetId, author, false, false, CHANGELOG_PATH, null, null,
        ObjectQuotingStrategy.QUOTE_ONLY_RESERVED_WORDS, log);
    changes.forEach(set::addChange);
    log.addChangeSet(set);
    Scope.child(LiquibaseRunner.scope(loader), () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
        .addArgumentValue(UpdateCommandStep.CHANGELOG_ARG, log)
        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG_PATH)
        .execute());
  }

  static boolean isReservedWord(String name, Dbms dbms) {
    return offline(dbms).isReservedWord(name);
  }

  private static ColumnConfig notNull(String name, String type) {
    return new ColumnConfig().setName(name).setType(type).setConstraints(new ConstraintsConfig().setNullable(false));
  }

  private static ColumnConfig column(ColumnPlan c) {
    return new ColumnConfig().setName(c.column()).setType(c.type().liquibaseType());
  }

  private static List<Change> constraints(String table, ColumnPlan c) {
    List<Change> changes = new ArrayList<>();
    if (c.unique()) {
      AddUniqueConstraintChange ux = new AddUniqueConstraintChange();
      ux.setTableName(table);
      ux.setColumnNames(c.column());
      ux.setConstraintName(Identifiers.constraintName("UX", table, c.column()));
      changes.add(ux);
    }
    if (c.indexed() || c.isLookup()) {
      CreateIndexChange ix = new CreateIndexChange();
      ix.setTableName(table);
      ix.setIndexName(Identifiers.constraintName("IX", table, c.column()));
      AddColumnConfig col = new AddColumnConfig();
      col.setName(c.column());
      ix.addColumn(col);
      changes.add(ix);
    }
    if (c.isLookup()) {
      AddForeignKeyConstraintChange fk = new AddForeignKeyConstraintChange();
      fk.setConstraintName(Identifiers.constraintName("FK", table, c.column()));
      fk.setBaseTableName(table);
      fk.setBaseColumnNames(c.column());
      fk.setReferencedTableName(c.referencedTable());
      fk.setReferencedColumnNames("Id");
      changes.add(fk);
    }
    return changes;
  }

  private static synchronized Database offline(Dbms dbms) {
    return OFFLINE.computeIfAbsent(dbms, d -> {
      try {
        Database database = DatabaseFactory.getInstance().openDatabase(d.offlineUrl(), null, null, null,
            new ClassLoaderResourceAccessor(SchemaDdl.class.getClassLoader()));
        database.setObjectQuotingStrategy(ObjectQuotingStrategy.QUOTE_ONLY_RESERVED_WORDS);
        // Unqualified names, as the live database resolves them in the connection's schema.
        database.setOutputDefaultSchema(false);
        database.setOutputDefaultCatalog(false);
        return database;
      } catch (Exception e) {
        throw new IllegalStateException("Liquibase has no offline database for " + d.code(), e);
      }
    });
  }
}
