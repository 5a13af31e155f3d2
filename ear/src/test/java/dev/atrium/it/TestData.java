package dev.atrium.it;

import dev.atrium.common.security.PasswordHasher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Test users and checks straight in the integration-test database (PostgreSQL). */
final class TestData {

  static final int USER = 4;
  static final int EXTERNAL_USER = 5;
  private static final PasswordHasher HASHER = new PasswordHasher();

  private TestData() {}

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(System.getProperty("atrium.it.db.url"),
        System.getProperty("atrium.it.db.user"), System.getProperty("atrium.it.db.password"));
  }

  /** A unique user name for one test, e.g. "ann-3f2a91". */
  static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Inserts a user with a password, active or not, member of the roles with the given codes. */
  static UUID createUser(String name, String password, int type, boolean active, String... roleCodes) throws SQLException {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = connect()) {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO SysAdminUnit (Id, CreatedOn, ModifiedOn, Name, Code,"
          + " TypeValue, Active, PasswordHash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setObject(1, id);
        s.setTimestamp(2, now);
        s.setTimestamp(3, now);
        s.setString(4, name);
        s.setString(5, name.toLowerCase());
        s.setInt(6, type);
        s.setBoolean(7, active);
        s.setString(8, HASHER.hash(password));
        s.executeUpdate();
      }
      for (String role : roleCodes) {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO SysUserInRole (Id, CreatedOn, SysUserId, SysRoleId)"
            + " SELECT ?, ?, ?, Id FROM SysAdminUnit WHERE Code = ?")) {
          s.setObject(1, UUID.randomUUID());
          s.setTimestamp(2, now);
          s.setObject(3, id);
          s.setString(4, role);
          if (s.executeUpdate() != 1) {
            throw new IllegalArgumentException("no role " + role);
          }
        }
        // the effective membership the membership service keeps, which SQL joins (the roles tests name have no parents)
        try (PreparedStatement s = c.prepareStatement("INSERT INTO SysAdminUnitInRole (Id, CreatedOn, SysAdminUnitId,"
            + " SysAdminUnitRoleId) SELECT ?, ?, ?, Id FROM SysAdminUnit WHERE Code = ?")) {
          s.setObject(1, UUID.randomUUID());
          s.setTimestamp(2, now);
          s.setObject(3, id);
          s.setString(4, role);
          s.executeUpdate();
        }
      }
    }
    return id;
  }

  /** Makes the contact the user's own (SysAdminUnit.ContactId), as the user administration does. */
  static void linkContact(UUID userId, UUID contactId) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("UPDATE SysAdminUnit SET ContactId = ? WHERE Id = ?")) {
      s.setObject(1, contactId);
      s.setObject(2, userId);
      s.executeUpdate();
    }
  }

  /** As after an administrator's reset: the user must choose a new password at the next sign-in. */
  static void forcePasswordChange(String name) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("UPDATE SysAdminUnit SET ForcePasswordChange = TRUE WHERE Code = ?")) {
      s.setString(1, name.toLowerCase());
      s.executeUpdate();
    }
  }

  /** Dates the user's current password, as if it had been chosen then (UTC). */
  static void setPasswordChangedOn(String name, java.time.Instant when) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("UPDATE SysAdminUnit SET PasswordChangedOn = ? WHERE Code = ?")) {
      s.setTimestamp(1, java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(when, java.time.ZoneOffset.UTC)));
      s.setString(2, name.toLowerCase());
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException("no user " + name);
      }
    }
  }

  /** Runs a change straight in the database, around Atrium; answers the rows changed. */
  static int execute(String sql, Object... params) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    }
  }

  static long count(String sql, Object... params) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
