package io.customeridentity.shared.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The development database on a throwaway data directory, with earlier runs played by JVMs of their own. */
class DevelopmentDatabaseTests {

    @TempDir
    Path root;

    private Process other;

    @AfterEach
    void stopOtherRun() throws InterruptedException {
        if (other != null && other.isAlive()) {
            other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void nextStartStopsThePostgresAKilledRunLeftRunningAndKeepsTheData() throws Exception {
        Path data = root.resolve("postgres");
        other = runInOtherJvm(data, "abandon");
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        ProcessHandle orphan = ProcessHandle.of(postmasterPid(data)).orElseThrow();
        assertThat(orphan.isAlive()).as("PostgreSQL outlives the killed run").isTrue();

        Instant started = Instant.now();
        try (DevelopmentDatabase database = DevelopmentDatabase.start(data)) {
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(orphan.isAlive()).isFalse();
            assertThat(query(database, "SELECT note FROM kept")).containsExactly("written before kill -9");
        }
    }

    @Test
    void secondRunEndsWithOneLineNamingTheRunningOne() throws Exception {
        Path data = root.resolve("postgres");
        other = runInOtherJvm(data, "hold");
        awaitReady(other);

        assertThatThrownBy(() -> DevelopmentDatabase.start(data))
                .isInstanceOfSatisfying(DevelopmentDatabaseInUse.class, refused -> {
                    FailureAnalysis analysis =
                            new DevelopmentDatabaseInUseFailureAnalyzer().analyze(new IllegalStateException(refused));
                    assertThat(analysis.getDescription())
                            .doesNotContain("\n")
                            .contains("The development database " + data + " is in use by another run")
                            .contains("pid " + other.pid() + ", started ")
                            .contains("kill " + other.pid());
                });

        other.getOutputStream().close();
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue()).isZero();
        try (DevelopmentDatabase database = DevelopmentDatabase.start(data)) {
            assertThat(query(database, "SELECT 'free again'")).containsExactly("free again");
        }
    }

    @Test
    void removesALockWhosePidNowBelongsToAnotherProgram() throws Exception {
        Path data = root.resolve("postgres");
        DevelopmentDatabase.start(data).close();
        // A pid that is alive but no PostgreSQL (this JVM's): PostgreSQL itself would refuse to start.
        Files.writeString(
                data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");

        try (DevelopmentDatabase database = DevelopmentDatabase.start(data)) {
            assertThat(query(database, "SELECT 'started'")).containsExactly("started");
        }
    }

    private static Process runInOtherJvm(Path data, String mode) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        DevelopmentDatabaseRun.class.getName(),
                        data.toString(),
                        mode)
                .redirectErrorStream(true)
                .start();
    }

    private static void awaitReady(Process run) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals("READY")) {
                Thread drain = new Thread(() -> {
                    try {
                        output.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the run has ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the other run ended before it was ready:\n" + seen);
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }

    private static List<String> query(DevelopmentDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
