package org.shinsei.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database of a new installation is built where a kill cannot leave it half-built: the schema is
 * migrated in {@code shinsei-initialising.mv.db} beside it and the finished file is moved into place in one atomic
 * rename. A kill before the rename leaves no database at all, and the next command builds it again from scratch
 * (issue 20: a kill during the first migration used to leave H2 half-migrated). Later migrations of an existing
 * database are Flyway's as usual (each in its own transaction).
 */
public final class FirstInstall {

    private static final Logger log = LoggerFactory.getLogger(FirstInstall.class);
    static final String NAME = "shinsei";
    static final String BUILDING = "shinsei-initialising";

    private FirstInstall() {
    }

    /** Builds {@code <dataDir>/shinsei.mv.db} if it does not exist yet; does nothing otherwise. */
    public static void ensureDatabase(Path dataDir) {
        Path db = dataDir.resolve(NAME + ".mv.db");
        if (Files.exists(db)) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path building = dataDir.resolve(BUILDING + ".mv.db");
            Files.deleteIfExists(building);
            Files.deleteIfExists(dataDir.resolve(BUILDING + ".trace.db"));
            log.info("first installation: creating the database schema in {}", building);
            String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(BUILDING) + ";WRITE_DELAY=0";
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/h2").load().migrate();
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            Files.move(building, db, StandardCopyOption.ATOMIC_MOVE);
            log.info("first installation: database ready in {}", db);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database in " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
