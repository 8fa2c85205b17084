package io.customeridentity.shared.devdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A run of the development database in a JVM of its own, for {@link DevelopmentDatabaseTests}: {@code abandon} writes a
 * row and dies as under {@code kill -9} (no shutdown hooks, PostgreSQL left running); {@code hold} keeps the database
 * until its standard input closes, then stops cleanly.
 */
final class DevelopmentDatabaseRun {

    private DevelopmentDatabaseRun() {}

    public static void main(String[] args) throws Exception {
        DevelopmentDatabase database = DevelopmentDatabase.start(Path.of(args[0]));
        if (args[1].equals("abandon")) {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (note text)");
                statement.execute("INSERT INTO kept VALUES ('written before kill -9')");
            }
            System.out.println("READY");
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() != -1) {
            // held until the test closes our standard input
        }
        database.close();
    }
}
