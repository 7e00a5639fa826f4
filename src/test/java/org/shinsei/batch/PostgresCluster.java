package org.shinsei.batch;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real, throw-away PostgreSQL server for the suite (issue 20): Debian's {@code postgresql} binaries, installed with
 * apt-get when they are missing, a new cluster in the system's temporary folder (not under {@code target/}: the
 * {@code shinsei} script's umask keeps the checkout owner-only, where the {@code postgres} user cannot reach), on a free
 * loopback port, started by the test and stopped (and deleted) after it. Run as root, the server runs as the {@code postgres} user that the package creates
 * ({@code initdb} refuses root). Durability is switched off (fsync, full-page writes): the tests kill the application,
 * never the server.
 */
final class PostgresCluster implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dir;
    private final int port;
    private final Path bin;

    private PostgresCluster(Path dir, int port, Path bin) {
        this.dir = dir;
        this.port = port;
        this.bin = bin;
    }

    /** Installs PostgreSQL if needed, creates a cluster with the superuser {@code shinsei} and starts it. */
    static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("shinsei-postgresql-");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "postgres:postgres", dir.toString()));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresCluster cluster = new PostgresCluster(dir, port, bin);
        cluster.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "shinsei",
                "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"));
        cluster.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
                        + " -c synchronous_commit=off -c max_connections=100", "start"));
        System.out.println("PostgreSQL test server: " + version(bin) + " on 127.0.0.1:" + port + ", cluster " + dir);
        return cluster;
    }

    /** A new, empty database (one per test, so that tests do not see each other's batches); its JDBC URL. */
    String newDatabase() throws SQLException {
        String name = "shinsei_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "shinsei", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    /** The properties that point {@code shinsei} at {@code url} (profile postgresql, config/application-postgresql.yml). */
    static Map<String, String> properties(String url, String... moreProfiles) {
        List<String> profiles = new ArrayList<>(List.of(moreProfiles));
        profiles.add("postgresql");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.profiles.active", String.join(",", profiles));
        p.put("SHINSEI_DB_URL", url);
        p.put("SHINSEI_DB_USER", "shinsei");
        p.put("SHINSEI_DB_PASSWORD", "");
        return p;
    }

    /** {@link #properties} as a child JVM's {@code -D} options. */
    static List<String> options(String url, String... moreProfiles) {
        return properties(url, moreProfiles).entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                    "stop"));
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A PostgreSQL command, as the postgres user when the tests run as root. */
    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        run(cmd);
    }

    /** The directory of initdb and pg_ctl; apt-get installs Debian's postgresql first when there is none. */
    private static Path binaries() throws IOException, InterruptedException {
        Path found = newestBin();
        if (found == null) {
            System.out.println("PostgreSQL test server: not installed; apt-get install postgresql");
            run(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql"));
            found = newestBin();
        }
        if (found == null) {
            throw new IllegalStateException("PostgreSQL is not installed and apt-get could not install it "
                    + "(run: sudo apt-get install postgresql)");
        }
        return found;
    }

    private static Path newestBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        }
    }

    private static String version(Path bin) throws IOException, InterruptedException {
        return run(List.of(bin.resolve("postgres").toString(), "--version")).trim();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
